/**
 * Project-wide constants: the API's identity, pinned versions and shared label keys.
 * Everything that names the platform API or a package version lives here, once.
 */

/** The API group of the platform API, in the project's own domain. */
export const API_GROUP = 'platform.assessment-platform.io';
/** The only served version of the API. */
export const API_VERSION = 'v1alpha1';
/** Kind of the composite resource (XR). */
export const XR_KIND = 'XAssessmentPlatform';
/** Kind of the namespaced claim that users apply. */
export const CLAIM_KIND = 'AssessmentPlatform';
/** Plural of the XR kind, used in the XRD name. */
export const XR_PLURAL = 'xassessmentplatforms';
/** Plural of the claim kind. */
export const CLAIM_PLURAL = 'assessmentplatforms';
/** The XRD's metadata.name, fixed by Kubernetes to `<plural>.<group>`. */
export const XRD_NAME = `${XR_PLURAL}.${API_GROUP}`;
/** The Composition's name. */
export const COMPOSITION_NAME = `${XR_PLURAL}.aws.${API_GROUP}`;

/** Label and annotation key prefix owned by this project. */
export const LABEL_PREFIX = API_GROUP;

/** Names of the pipeline functions, as installed by the Function packages in dist/. */
export const FUNCTIONS = {
  patchAndTransform: {
    name: 'function-patch-and-transform',
    package: 'xpkg.crossplane.io/crossplane-contrib/function-patch-and-transform:v0.10.8',
  },
  celFilter: {
    name: 'function-cel-filter',
    package: 'xpkg.crossplane.io/crossplane-contrib/function-cel-filter:v0.2.0',
  },
  autoReady: {
    name: 'function-auto-ready',
    package: 'xpkg.crossplane.io/crossplane-contrib/function-auto-ready:v0.7.0',
  },
} as const;

/**
 * The provider-upjet-aws version of every family provider, pinned to the CRDs under ../shared/crds.
 * Which families are installed follows from the composed kinds (src/install/composed-kinds.ts).
 */
export const PROVIDER_VERSION = 'v2.6.0';
/** The registry path of provider-upjet-aws's family packages (`<path>/provider-aws-<group>`). */
export const PROVIDER_REGISTRY = 'xpkg.crossplane.io/crossplane-contrib';

/** Crossplane, the runtime the packages target (its Helm chart and its CRDs under ../shared/crds). */
export const CROSSPLANE_VERSION = 'v2.3.4';
/** Crossplane's stable Helm chart repository. */
export const CROSSPLANE_HELM_REPOSITORY = 'https://charts.crossplane.io/stable';

/**
 * The service account every family provider runs as (one DeploymentRuntimeConfig names it), so a
 * single EKS Pod Identity association (or IRSA annotation) gives every provider its AWS identity.
 */
export const PROVIDER_SERVICE_ACCOUNT = 'provider-aws';
/**
 * The IAM role, in each AWS account a claim names, that the providers assume from their Pod
 * Identity role (docs/operations.md gives its trust policy). One ProviderConfig per account.
 */
export const PROVIDER_ROLE_NAME = 'assessment-platform-crossplane';

/**
 * The Git repository Argo CD syncs this project from, and the revision. A fork changes these two
 * lines and runs `make synth`; the AppProject admits only this repository.
 */
export const GIT_REPOSITORY = 'https://github.com/assessment-platform/assessment-platform.git';
export const GIT_REVISION = 'main';
/** The folder in GIT_REPOSITORY that holds the synthesized manifests. */
export const GIT_PATH = 'dist';
/** Argo CD's namespace. */
export const ARGOCD_NAMESPACE = 'argocd';

/** The Configuration package of this project's APIs: its registry path (the tag is package.json's version). */
export const CONFIGURATION_PACKAGE = 'xpkg.crossplane.io/assessment-platform/configuration-assessment-platform';

/** Region of every base before the claim's region is patched in; also the XRD default. */
export const DEFAULT_REGION = 'eu-west-2';

/** Namespace where Crossplane writes XR connection secrets (the Composition's writeConnectionSecretsToNamespace). */
export const CROSSPLANE_NAMESPACE = 'crossplane-system';

/** The availability-zone letters used by the composition, in order. */
export const ZONES = ['a', 'b', 'c'] as const;
export type Zone = (typeof ZONES)[number];

/** Minimum CloudWatch log retention (days) that FERPA audit needs here; 90 is the floor. */
export const LOG_RETENTION_DAYS = 365;
/** The retention periods CloudWatch Logs accepts, from 90 days up: the claim's logRetentionDays takes one. */
export const LOG_RETENTION_CHOICES = [90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** This project's release: the Configuration package's tag (test/install.test.ts keeps package.json's version equal). */
export const PLATFORM_VERSION = '0.1.0';
