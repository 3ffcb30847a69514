import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Application, AppProject } from '../../imports/argoproj-argoproj.io';
import { API_GROUP, ARGOCD_NAMESPACE, CLAIM_KIND, CROSSPLANE_HELM_REPOSITORY, CROSSPLANE_NAMESPACE, CROSSPLANE_VERSION, GIT_PATH, GIT_REPOSITORY, GIT_REVISION } from '../config';
import { CROSSPLANE_CORE_FLAGS } from '../install/crossplane-core';
import { SYNC_OPTIONS_ANNOTATION, syncWave } from './sync-options';
import { Wave, WAVES } from './waves';

/** The in-cluster API server, the only destination the projects admit. */
export const IN_CLUSTER = 'https://kubernetes.default.svc';
/** The AppProject of the platform's own manifests (this repository only). */
export const PLATFORM_PROJECT = 'assessment-platform';
/** The AppProject of Crossplane core (its Helm chart repository only). */
export const CROSSPLANE_PROJECT = 'crossplane';
/** The root Application (app of apps). */
export const ROOT_APPLICATION = 'assessment-platform';
/** The file of dist/ the root Application syncs: the child Applications. */
export const CHILD_APPLICATIONS_FILE = 'argocd-applications.yaml';

/** Argo CD deletes an Application's resources with it only when this finalizer is on it. */
const CASCADE_FINALIZER = 'resources-finalizer.argocd.argoproj.io';

/** Sync every few minutes, heal drift of the manifests, retry with backoff while a CRD is not yet served. */
function syncPolicy(extra: string[]): any {
  return {
    automated: { prune: true, selfHeal: true },
    syncOptions: ['ServerSideApply=true', ...extra],
    retry: { limit: 10, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } },
  };
}

/** `{a.yaml,b.yaml}`: the directory source's include glob for a wave's files. */
export const includeGlob = (files: readonly string[]) => (files.length === 1 ? files[0] : `{${files.join(',')}}`);

/** The Helm values of Crossplane core: this platform's flags, and no policy that activates every managed resource. */
export const CROSSPLANE_HELM_VALUES = {
  args: [...CROSSPLANE_CORE_FLAGS],
  provider: { defaultActivations: [] as string[] },
};

/**
 * Chart `argocd-root` (applied once by hand: `kubectl apply -f dist/argocd-root.yaml`): the two
 * AppProjects and the root Application, which syncs the child Applications of
 * `argocd-applications.yaml` from this repository.
 */
export class ArgoCdRootChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { disableResourceNameHashes: true, namespace: ARGOCD_NAMESPACE });
    new AppProject(this, 'platform-project', {
      metadata: { name: PLATFORM_PROJECT },
      spec: {
        description: 'The assessment platform: its Crossplane packages, provider config, APIs and claims, from this repository only.',
        sourceRepos: [GIT_REPOSITORY],
        destinations: [
          { server: IN_CLUSTER, namespace: ARGOCD_NAMESPACE },
          { server: IN_CLUSTER, namespace: CROSSPLANE_NAMESPACE },
          { server: IN_CLUSTER, namespace: 'assessments-*' },
        ],
        // Only the kinds the waves hold; a manifest of any other kind is refused at sync.
        clusterResourceWhitelist: [
          { group: 'pkg.crossplane.io', kind: 'Provider' },
          { group: 'pkg.crossplane.io', kind: 'Function' },
          { group: 'pkg.crossplane.io', kind: 'DeploymentRuntimeConfig' },
          { group: 'apiextensions.crossplane.io', kind: 'ManagedResourceActivationPolicy' },
          { group: 'apiextensions.crossplane.io', kind: 'CompositeResourceDefinition' },
          { group: 'apiextensions.crossplane.io', kind: 'Composition' },
          { group: 'admissionregistration.k8s.io', kind: 'ValidatingAdmissionPolicy' },
          { group: 'admissionregistration.k8s.io', kind: 'ValidatingAdmissionPolicyBinding' },
          { group: 'aws.upbound.io', kind: 'ProviderConfig' },
          { group: '', kind: 'Namespace' },
        ],
        namespaceResourceWhitelist: [
          { group: 'argoproj.io', kind: 'Application' },
          { group: '', kind: 'ServiceAccount' },
          { group: API_GROUP, kind: CLAIM_KIND },
        ],
        // Resources in the claims' namespaces that Git does not hold (the connection secrets) are
        // Crossplane's: Argo CD shows them as orphaned, never prunes them.
        orphanedResources: { warn: false },
      },
    });
    new AppProject(this, 'crossplane-project', {
      metadata: { name: CROSSPLANE_PROJECT },
      spec: {
        description: "Crossplane core, from Crossplane's Helm chart repository only, into crossplane-system.",
        sourceRepos: [CROSSPLANE_HELM_REPOSITORY],
        destinations: [{ server: IN_CLUSTER, namespace: CROSSPLANE_NAMESPACE }],
        clusterResourceWhitelist: [
          { group: '', kind: 'Namespace' },
          { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
          { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' },
        ],
        namespaceResourceWhitelist: [
          { group: 'apps', kind: 'Deployment' },
          { group: '', kind: 'ServiceAccount' },
          { group: '', kind: 'Secret' },
          { group: '', kind: 'Service' },
        ],
      },
    });
    new Application(this, 'root', {
      metadata: { name: ROOT_APPLICATION },
      spec: {
        project: PLATFORM_PROJECT,
        source: { repoUrl: GIT_REPOSITORY, targetRevision: GIT_REVISION, path: GIT_PATH, directory: { include: CHILD_APPLICATIONS_FILE } },
        destination: { server: IN_CLUSTER, namespace: ARGOCD_NAMESPACE },
        syncPolicy: syncPolicy([]),
      },
    });
  }
}

/** The child Application of one wave. */
function childApplication(scope: Construct, w: Wave): Application {
  const crossplane = w.id === 'crossplane';
  const source = crossplane
    ? {
        repoUrl: CROSSPLANE_HELM_REPOSITORY,
        chart: 'crossplane',
        targetRevision: CROSSPLANE_VERSION.replace(/^v/, ''),
        helm: { releaseName: 'crossplane', valuesObject: CROSSPLANE_HELM_VALUES },
      }
    : { repoUrl: GIT_REPOSITORY, targetRevision: GIT_REVISION, path: GIT_PATH, directory: { include: includeGlob(w.files) } };
  return new Application(scope, w.id, {
    metadata: {
      name: `assessment-platform-${w.id}`,
      annotations: { ...syncWave(w.wave), [SYNC_OPTIONS_ANNOTATION]: 'Delete=false', [`${API_GROUP}/purpose`]: w.purpose },
      // Deleting the root Application, even with cascade, leaves the child Applications (and so
      // Crossplane and everything it runs). Deleting a child Application itself deletes what it
      // synced, except what carries Delete=false (the claims, the XRDs, the providers and the
      // deletion guard: src/gitops/sync-options.ts).
      finalizers: [CASCADE_FINALIZER],
    },
    spec: {
      project: crossplane ? CROSSPLANE_PROJECT : PLATFORM_PROJECT,
      source,
      destination: { server: IN_CLUSTER, namespace: w.namespace.includes('*') ? undefined : w.namespace },
      // Crossplane's namespace is created by the first wave (its chart does not create it).
      syncPolicy: syncPolicy([...(crossplane ? ['CreateNamespace=true'] : []), ...(w.crdsAppearDuringSync ? ['SkipDryRunOnMissingResource=true'] : [])]),
    },
  });
}

/** Chart `argocd-applications`: the child Applications, one per wave, that the root Application syncs. */
export class ArgoCdApplicationsChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { disableResourceNameHashes: true, namespace: ARGOCD_NAMESPACE });
    for (const w of WAVES) childApplication(this, w);
  }
}
