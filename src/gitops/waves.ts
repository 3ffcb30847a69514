/**
 * The child Applications of the app-of-apps, in the order Argo CD syncs them (one sync wave each).
 * Argo CD finishes a wave, and waits until every resource in it is healthy, before the next.
 */

/** One child Application: what it syncs from dist/ and why it is in its wave. */
export interface Wave {
  /** The child Application's name suffix (`assessment-platform-<id>`). */
  readonly id: string;
  /** The sync wave of the child Application in the root app. */
  readonly wave: number;
  /** The dist/ files it syncs (none for the Crossplane chart, which comes from Helm). */
  readonly files: readonly string[];
  /** The namespace its namespaced objects go to (and that the AppProject admits). */
  readonly namespace: string;
  /** True when the wave's kinds are CRDs that an earlier wave installs (SkipDryRunOnMissingResource). */
  readonly crdsAppearDuringSync: boolean;
  /** What the wave does, for the Application's description annotation and docs/operations.md. */
  readonly purpose: string;
}

export const WAVES: readonly Wave[] = [
  {
    id: 'crossplane',
    wave: 0,
    files: [],
    namespace: 'crossplane-system',
    crdsAppearDuringSync: false,
    purpose: "Crossplane core from its Helm chart, with this platform's flags and no activate-everything policy",
  },
  {
    id: 'packages',
    wave: 1,
    files: ['crossplane-packages.yaml'],
    namespace: 'crossplane-system',
    crdsAppearDuringSync: true,
    purpose: 'the runtime config, then the pinned Functions and family Providers, and the activation policy',
  },
  {
    id: 'provider-config',
    wave: 2,
    files: ['provider-config.yaml'],
    namespace: 'crossplane-system',
    crdsAppearDuringSync: true,
    purpose: 'one AWS ProviderConfig per account (EKS Pod Identity, then an assumed role in the account): no static keys',
  },
  {
    id: 'apis',
    wave: 3,
    files: ['definition.yaml', 'composition.yaml', 'deletion-guard.yaml', '*-definition.yaml', '*-composition.yaml'],
    namespace: 'crossplane-system',
    crdsAppearDuringSync: false,
    purpose: 'the XRDs and Compositions of the platform API and of every tier API, and the deletion guard',
  },
  {
    id: 'claims',
    wave: 4,
    files: ['examples.yaml'],
    namespace: 'assessments-*',
    crdsAppearDuringSync: true,
    purpose: 'the example claims, each in its own namespace (never pruned, never deleted with the Application)',
  },
];
