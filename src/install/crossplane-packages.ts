import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ManagedResourceActivationPolicy } from '../../imports/apiextensions-apiextensions.crossplane.io';
import { Function as CrossplaneFunction, DeploymentRuntimeConfig, Provider } from '../../imports/pkg-pkg.crossplane.io';
import { CROSSPLANE_NAMESPACE, FUNCTIONS, LABEL_PREFIX, PROVIDER_REGISTRY, PROVIDER_SERVICE_ACCOUNT, PROVIDER_VERSION } from '../config';
import { ComposedKind, mrdNameOf, providerFamilies } from './composed-kinds';
import { keepAnnotation, syncWave } from '../gitops/sync-options';

/** The DeploymentRuntimeConfig every family provider runs with. */
export const PROVIDER_RUNTIME_CONFIG = 'assessment-platform-provider-aws';
/** The ManagedResourceActivationPolicy of this platform. */
export const ACTIVATION_POLICY = 'assessment-platform';

/** Props of {@link CrossplanePackagesChart}. */
export interface CrossplanePackagesProps {
  /** The managed-resource kinds the Compositions compose: they decide the providers and the activations. */
  readonly composedKinds: readonly ComposedKind[];
}

/**
 * Chart `crossplane-packages` (Argo CD wave `packages`): what Crossplane installs from registries.
 *
 * - The pinned Functions the pipelines call (src/config.ts; the tests render with the same versions).
 * - One provider-upjet-aws family Provider per API group the Compositions compose, pinned, and
 *   nothing unused; each runs with the runtime config below.
 * - The providers' service account and a DeploymentRuntimeConfig that runs every provider as it,
 *   so one EKS Pod Identity association (or IRSA) gives them an AWS identity: no static key anywhere.
 * - A ManagedResourceActivationPolicy that activates exactly the composed kinds (Crossplane's Helm
 *   values in the crossplane Application switch the default activate-everything policy off).
 */
export class CrossplanePackagesChart extends Chart {
  constructor(scope: Construct, id: string, props: CrossplanePackagesProps) {
    super(scope, id, { disableResourceNameHashes: true, labels: { [`${LABEL_PREFIX}/part-of`]: 'assessment-platform' } });
    // The providers' one service account, kept in Git: Crossplane would create one per provider
    // revision from a serviceAccountTemplate, and revisions sharing a name fight over its owner
    // references (and deleting one provider would delete the account of all). The EKS Pod
    // Identity association (or the IRSA annotation, docs/operations.md) binds it to the
    // providers' IAM role. Applied first, with the runtime config: a provider pod needs both.
    new kplus.ServiceAccount(this, 'provider-service-account', {
      metadata: { name: PROVIDER_SERVICE_ACCOUNT, namespace: CROSSPLANE_NAMESPACE, annotations: syncWave(-1) },
      automountToken: true,
    });
    new DeploymentRuntimeConfig(this, 'provider-runtime', {
      metadata: { name: PROVIDER_RUNTIME_CONFIG, annotations: syncWave(-1) },
      spec: {
        // A service account named in the deployment template is used as it is; Crossplane creates none.
        deploymentTemplate: {
          spec: {
            selector: {},
            template: { spec: { serviceAccountName: PROVIDER_SERVICE_ACCOUNT, containers: [{ name: 'package-runtime' }] } },
          },
        },
      },
    });
    for (const fn of Object.values(FUNCTIONS)) {
      new CrossplaneFunction(this, fn.name, { metadata: { name: fn.name }, spec: { package: fn.package } });
    }
    for (const family of providerFamilies(props.composedKinds)) {
      new Provider(this, family, {
        // Deleting a provider deletes its CRDs and with them every managed resource of its kinds.
        metadata: { name: `crossplane-contrib-${family}`, annotations: keepAnnotation() },
        spec: {
          package: `${PROVIDER_REGISTRY}/${family}:${PROVIDER_VERSION}`,
          runtimeConfigRef: { apiVersion: DeploymentRuntimeConfig.GVK.apiVersion, kind: DeploymentRuntimeConfig.GVK.kind, name: PROVIDER_RUNTIME_CONFIG },
        },
      });
    }
    new ManagedResourceActivationPolicy(this, 'activation', {
      metadata: { name: ACTIVATION_POLICY },
      spec: { activate: props.composedKinds.map(mrdNameOf) },
    });
  }
}
