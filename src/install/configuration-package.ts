import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { CROSSPLANE_VERSION, FUNCTIONS, GIT_REPOSITORY, PROVIDER_REGISTRY, PROVIDER_VERSION } from '../config';
import { ComposedKind, providerFamilies } from './composed-kinds';

/** The files of dist/ that are not part of the Configuration package (`crank xpkg build --ignore`). */
export const NOT_IN_PACKAGE = [
  'crossplane-packages.yaml',
  'provider-config.yaml',
  'deletion-guard.yaml',
  'examples.yaml',
  'argocd-*.yaml',
] as const;

/** The package name (metadata.name of crossplane.yaml). */
export const CONFIGURATION_NAME = 'configuration-assessment-platform';

/** Props of {@link ConfigurationPackageChart}. */
export interface ConfigurationPackageProps {
  /** The composed kinds: the package depends on exactly their family providers. */
  readonly composedKinds: readonly ComposedKind[];
}

/**
 * Chart `crossplane` (dist/crossplane.yaml): the Configuration package's metadata. `crank xpkg
 * build --package-root dist` packs it with every XRD and Composition of dist/ (NOT_IN_PACKAGE
 * excluded); installing the package makes Crossplane install the pinned providers and functions
 * it depends on. The deletion guard (a ValidatingAdmissionPolicy) cannot be in a package, so
 * Argo CD's apis wave (or kubectl) applies it beside the package.
 */
export class ConfigurationPackageChart extends Chart {
  constructor(scope: Construct, id: string, props: ConfigurationPackageProps) {
    super(scope, id, { disableResourceNameHashes: true });
    new ApiObject(this, 'configuration', {
      apiVersion: 'meta.pkg.crossplane.io/v1',
      kind: 'Configuration',
      metadata: {
        name: CONFIGURATION_NAME,
        annotations: {
          'meta.crossplane.io/maintainer': 'assessment-platform team',
          'meta.crossplane.io/source': GIT_REPOSITORY,
          'meta.crossplane.io/license': 'Apache-2.0',
          'meta.crossplane.io/description': 'A FERPA-compliant online-assessment platform on AWS: one AssessmentPlatform claim composes a tier API each for network, keys, database, cache, application and the rest.',
        },
      },
      spec: {
        crossplane: { version: `>=${CROSSPLANE_VERSION}-0` },
        dependsOn: [
          ...providerFamilies(props.composedKinds).map((family) => ({ provider: `${PROVIDER_REGISTRY}/${family}`, version: PROVIDER_VERSION })),
          ...Object.values(FUNCTIONS).map((fn) => {
            const [pkg, version] = fn.package.split(':');
            return { function: pkg, version };
          }),
        ],
      },
    });
  }
}
