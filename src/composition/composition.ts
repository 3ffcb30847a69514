import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Composition, CompositionProps, CompositionSpecMode } from '../../imports/apiextensions-apiextensions.crossplane.io';
import { Filters } from '../../imports/cel-cel.fn.crossplane.io';
import { Input as AutoReadyInput } from '../../imports/autoready-autoready.fn.crossplane.io';
import { Resources, ResourcesResources } from '../../imports/pt-pt.fn.crossplane.io';
import { API_GROUP, API_VERSION, COMPOSITION_NAME, CROSSPLANE_NAMESPACE, FUNCTIONS, XR_KIND } from '../config';
import { redisResources } from './cache/redis';
import { redisAuthResources } from './cache/redis-auth';
import { redisConnectionSecretResources } from './cache/redis-connection-secret';
import { auroraClusterResource, auroraLogGroupResources } from './database/aurora-cluster';
import { auroraInstanceResources } from './database/aurora-instances';
import { auroraNetworkResources } from './database/aurora-network';
import { masterSecretRotationResource } from './database/master-secret-rotation';
import { deletionOrderResources } from './deletion-order';
import { filters } from './filters';
import { keysTierResource } from './keys-tier';
import { flowLogResources } from './network/flow-logs';
import { natResources } from './network/nat';
import { routingResources } from './network/routing';
import { securityGroupResources } from './network/security-groups';
import { subnetResources } from './network/subnets';
import { vpcResources } from './network/vpc';
import { patchSets } from './patches';
import { deletionPolicyPatchSets } from './protection';

/** Every composed resource, grouped by capability, in dependency order. */
export function composedResources(): ResourcesResources[] {
  return [
    keysTierResource(),
    ...vpcResources(),
    ...subnetResources(),
    ...natResources(),
    ...routingResources(),
    ...securityGroupResources(),
    ...flowLogResources(),
    ...auroraNetworkResources(),
    ...auroraLogGroupResources(),
    auroraClusterResource(),
    ...auroraInstanceResources(),
    masterSecretRotationResource(),
    ...redisAuthResources(),
    ...redisResources(),
    ...redisConnectionSecretResources(),
    ...deletionOrderResources(),
  ];
}

/** Pipeline step names. */
export const STEP = { patchAndTransform: 'patch-and-transform', filter: 'filter-conditional-resources', autoReady: 'automatically-detect-ready' } as const;

/** The Composition: patch-and-transform, then the CEL filter, then auto-ready. */
export function compositionProps(): CompositionProps {
  const resources = composedResources();
  return {
    metadata: { name: COMPOSITION_NAME, labels: { [`${API_GROUP}/provider`]: 'aws' } },
    spec: {
      compositeTypeRef: { apiVersion: `${API_GROUP}/${API_VERSION}`, kind: XR_KIND },
      mode: CompositionSpecMode.PIPELINE,
      // A legacy XR gets spec.writeConnectionSecretToRef only when its Composition names this
      // namespace; without it no claim ever receives its connection secret.
      writeConnectionSecretsToNamespace: CROSSPLANE_NAMESPACE,
      pipeline: [
        {
          step: STEP.patchAndTransform,
          functionRef: { name: FUNCTIONS.patchAndTransform.name },
          input: Resources.manifest({ patchSets: [...patchSets(), ...deletionPolicyPatchSets()], resources }),
        },
        {
          step: STEP.filter,
          functionRef: { name: FUNCTIONS.celFilter.name },
          input: Filters.manifest({ filters: filters() }),
        },
        {
          step: STEP.autoReady,
          functionRef: { name: FUNCTIONS.autoReady.name },
          input: AutoReadyInput.manifest({}),
        },
      ],
    },
  };
}

/** Chart `composition`: the AWS Composition. */
export class CompositionChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { disableResourceNameHashes: true });
    new Composition(this, 'composition', compositionProps());
  }
}
