/**
 * The managed-resource kinds the Compositions compose, and what follows from them: the
 * provider-upjet-aws family packages to install and the ManagedResourceDefinitions to activate.
 * Derived from the synthesized Compositions themselves, never kept by hand, so a new composed kind
 * brings its provider and its activation with it (test/install.test.ts checks both against dist/
 * and against the real CRDs).
 */

/** One composed kind: API group, version and kind, as a composed resource's base names them. */
export interface ComposedKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** The provider-upjet-aws API groups end with this suffix (cluster-scoped kinds). */
export const AWS_GROUP_SUFFIX = '.aws.upbound.io';

/** Every managed-resource kind of provider-upjet-aws that the given Compositions compose, sorted. */
export function composedAwsKinds(compositions: readonly any[]): ComposedKind[] {
  const seen = new Map<string, ComposedKind>();
  for (const c of compositions) {
    for (const step of c.spec?.pipeline ?? []) {
      for (const r of step.input?.resources ?? []) {
        const [group, version] = String(r.base.apiVersion).split('/');
        if (group.endsWith(AWS_GROUP_SUFFIX)) seen.set(`${group}/${r.base.kind}`, { group, version, kind: r.base.kind });
      }
    }
  }
  return [...seen.values()].sort((a, b) => `${a.group}/${a.kind}`.localeCompare(`${b.group}/${b.kind}`));
}

/**
 * The family provider that serves an API group: `ec2.aws.upbound.io` is served by
 * `provider-aws-ec2` (provider-upjet-aws publishes one package per service group, each depending
 * on `provider-family-aws`, which brings the `aws.upbound.io` ProviderConfig).
 */
export function providerFamilyOf(group: string): string {
  if (!group.endsWith(AWS_GROUP_SUFFIX)) throw new Error(`${group} is not a provider-upjet-aws group`);
  return `provider-aws-${group.slice(0, -AWS_GROUP_SUFFIX.length)}`;
}

/** The family providers the given kinds need, sorted and without duplicates. */
export function providerFamilies(kinds: readonly ComposedKind[]): string[] {
  return [...new Set(kinds.map((k) => providerFamilyOf(k.group)))].sort();
}

/**
 * The plural resource name the provider's CRD gives a kind (upjet lowercases the kind and
 * pluralizes it the English way). test/install.test.ts checks every composed kind against the CRD
 * in CRDS_DIR, so a kind this rule gets wrong fails there, not on a cluster.
 */
export function pluralOf(kind: string): string {
  const k = kind.toLowerCase();
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  if (/(ss|us|is|as|x|ch|sh)$/.test(k)) return `${k}es`;
  // A kind that already ends in a plural (BucketOwnershipControls, MethodSettings) stays as it is.
  if (k.endsWith('s')) return k;
  return `${k}s`;
}

/** The ManagedResourceDefinition name of a kind: `<plural>.<group>`, as Crossplane v2 names them. */
export const mrdNameOf = (k: ComposedKind) => `${pluralOf(k.kind)}.${k.group}`;
