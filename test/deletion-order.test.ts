import { DEV_CLAIM, ExampleClaim, PlatformParameters, PROD_CLAIM } from '../src/examples/claims';
import { convergeCached } from './engine/converge';
import { allComposed, compositionDocs, xrdSchemaDoc } from './helpers/dist';

/**
 * Deletion order of the data tier (ClusterUsages), checked on the real converged render. A Usage's selectors
 * are resolved once, and if several resources match, one is taken at random; so each side must
 * single out exactly one composed resource. And a data store must be deleted before everything it
 * selects.
 */
const CLASSIFICATIONS: NonNullable<PlatformParameters['dataClassification']>[] = xrdSchemaDoc().properties.spec.properties.parameters.properties.dataClassification.enum;
const STORES = ['rds.aws.upbound.io/Cluster', 'elasticache.aws.upbound.io/ReplicationGroup'];

type Resources = Record<string, any>;

const gk = (r: any) => `${r.apiVersion.split('/')[0]}/${r.kind}`;
const hasLabels = (r: any, labels: Record<string, string>) => Object.entries(labels).every(([k, v]) => r.metadata?.labels?.[k] === v);
const usages = (rs: Resources) => Object.entries(rs).filter(([, r]) => r.kind === 'ClusterUsage');

/** Composition names of the rendered resources that one side of a ClusterUsage selects. */
function selected(rs: Resources, side: any): string[] {
  return Object.entries(rs)
    .filter(([, r]) => r.apiVersion === side.apiVersion && r.kind === side.kind && hasLabels(r, side.resourceSelector.matchLabels))
    .map(([name]) => name);
}

/** Problems: a ClusterUsage side that selects no resource, or more than one. */
export function ambiguousUsages(rs: Resources): string[] {
  return usages(rs).flatMap(([name, u]) =>
    (['of', 'by'] as const).filter((side) => u.spec[side]).flatMap((side) => {
      const hits = selected(rs, u.spec[side]);
      return hits.length === 1 ? [] : [`${name}: spec.${side} selects ${hits.length ? hits.join(', ') : 'nothing'}`];
    }),
  );
}

/**
 * Problems: a resource a data store selects or names by ARN that no ClusterUsage keeps until the
 * store is gone. A dependency inside a tier composite (`tierOf`: resource -> the tier's name in the
 * platform) is kept by a Usage of that tier; a selector only reaches the store's own siblings.
 */
export function unorderedDependencies(rs: Resources, observed: Resources = {}, tierOf: Record<string, string> = {}): string[] {
  const out: string[] = [];
  for (const [storeName, store] of Object.entries(rs).filter(([, r]) => STORES.includes(gk(r)))) {
    const fp = store.spec.forProvider;
    // A key given by its ARN (patched from the XR status) is a dependency as much as a selected one.
    for (const field of Object.keys(fp).filter((k) => typeof fp[k] === 'string' && fp[k].startsWith('arn:aws:kms:'))) {
      for (const [depName] of Object.entries(observed).filter(([, r]) => r.status?.atProvider?.arn === fp[field])) {
        const keeper = tierOf[depName] ?? depName;
        // Across tiers the Usage is between the tier composites: the store's tier uses the dependency's tier.
        const users = [storeName, ...(tierOf[storeName] ? [tierOf[storeName]] : [])];
        const ordered = usages(rs).some(([, u]) => u.spec.by && selected(rs, u.spec.by).some((b) => users.includes(b)) && selected(rs, u.spec.of).includes(keeper));
        if (!ordered) out.push(`${storeName}: ${field} is the ARN of ${depName}${tierOf[depName] ? ` (tier ${keeper})` : ''}, which no ClusterUsage keeps until ${storeName} is gone`);
      }
    }
    const siblings = Object.entries(rs).filter(([n]) => tierOf[n] === tierOf[storeName]);
    for (const field of Object.keys(fp).filter((k) => k.endsWith('Selector') && fp[k].matchLabels)) {
      for (const [depName] of siblings.filter(([n, r]) => n !== storeName && r.kind !== 'ClusterUsage' && hasLabels(r, fp[field].matchLabels))) {
        const ordered = usages(rs).some(([, u]) => u.spec.by && selected(rs, u.spec.by).includes(storeName) && selected(rs, u.spec.of).includes(depName));
        if (!ordered) out.push(`${storeName}: ${field} selects ${depName}, which no ClusterUsage keeps until ${storeName} is gone`);
      }
    }
  }
  return out;
}

/** The converged real render of a claim (every store exists), for each data classification. */
const convergedFor = (claim: ExampleClaim, dataClassification: (typeof CLASSIFICATIONS)[number]) =>
  convergeCached((claim.parameters.dataClassification ?? 'student-records') === dataClassification ? claim : { ...claim, name: `${claim.name}-${dataClassification}`, parameters: { ...claim.parameters, dataClassification } });

const CONVERGED = [DEV_CLAIM, PROD_CLAIM].flatMap((claim) => CLASSIFICATIONS.map((c) => [`${claim.parameters.environment}, ${c}`, convergedFor(claim, c)] as const));
/** [case, desired resources] */
const CASES = CONVERGED.map(([n, c]) => [n, c.desired as Resources] as const);
const observedOf = (name: string): Resources => CONVERGED.find(([n]) => n === name)![1].observed;
const tierOfOf = (name: string): Record<string, string> => CONVERGED.find(([n]) => n === name)![1].tierOf;


describe('deletion order of the data tier', () => {
  test('there are ClusterUsages, each waiting for its user and replaying the blocked delete', () => {
    const all = allComposed().map((x) => x.resource).filter((r) => r.base.kind === 'ClusterUsage');
    // The user-less Usages (usage-protect-*) only refuse a delete by hand; the rest order deletion.
    const us = all.filter((u) => !u.name.startsWith('usage-protect-'));
    expect(all.filter((u) => u.name.startsWith('usage-protect-')).every((u) => u.base.spec.by === undefined && u.base.spec.replayDeletion === true)).toBe(true);
    expect(us.length).toBeGreaterThanOrEqual(10);
    for (const u of us) {
      expect(u.base.spec.by).toBeDefined();
      expect(u.base.spec.replayDeletion).toBe(true);
      expect(u.base.spec.reason).toMatch(/ is deleted first: /);
    }
  });

  test.each(CASES)('%s: each side of each ClusterUsage selects exactly one rendered resource', (_n, rs) => {
    expect(usages(rs).length).toBeGreaterThanOrEqual(10);
    expect(ambiguousUsages(rs)).toEqual([]);
  });

  test.each(CASES)('%s: every resource a data store selects or names by ARN is deleted only after the store', (n, rs) => {
    expect(unorderedDependencies(rs, observedOf(n), tierOfOf(n))).toEqual([]);
  });

  test('an ambiguous or dangling selector is caught', () => {
    const rs = structuredClone(CASES[0][1]);
    rs['sg-aurora-twin'] = structuredClone(rs['sg-aurora']);
    rs['sg-redis'].metadata.labels['platform.assessment-platform.io/tier'] = 'cache';
    expect(ambiguousUsages(rs)).toEqual(
      expect.arrayContaining(['usage-aurora-cluster-uses-sg-aurora: spec.of selects sg-aurora, sg-aurora-twin', 'usage-redis-uses-sg-redis: spec.of selects nothing']),
    );
  });

  test('a missing ClusterUsage is caught, for the data-class key under each classification', () => {
    for (const [name, rendered] of CASES.filter(([n]) => n.startsWith('prod'))) {
      const rs = structuredClone(rendered);
      delete rs['usage-aurora-cluster-uses-sg-aurora'];
      delete rs['usage-cache-uses-keys'];
      const key = name.endsWith('de-identified') ? 'kms-key-analytics' : 'kms-key-student-records';
      expect(unorderedDependencies(rs, observedOf(name), tierOfOf(name)).sort()).toEqual([
        'aurora-cluster: vpcSecurityGroupIdSelector selects sg-aurora, which no ClusterUsage keeps until aurora-cluster is gone',
        `redis: kmsKeyId is the ARN of ${key} (tier keys), which no ClusterUsage keeps until redis is gone`,
      ]);
    }
  });

  test('no filter of the CEL step drops a ClusterUsage or a resource it names (its selectors would never resolve)', () => {
    const filters = compositionDocs().flatMap((c) => c.spec.pipeline.find((s: any) => s.functionRef.name === 'function-cel-filter')?.input.filters ?? []);
    expect(filters.length).toBeGreaterThan(0);
    const names = CASES.flatMap(([, rs]) => usages(rs).flatMap(([name, u]) => [name, ...selected(rs, u.spec.of), ...(u.spec.by ? selected(rs, u.spec.by) : [])]));
    for (const f of filters) expect(names.filter((n) => new RegExp(`^${f.name}$`).test(n))).toEqual([]);
  });
});
