import { compositionDoc, expandedPatches, ptInput, xrdSchemaDoc } from './helpers/dist';
import { getPath, parseFieldPath } from './helpers/field-path';

/**
 * Deletion order of the data tier (ClusterUsages in dist/). A Usage's selectors are resolved once,
 * and if several resources match, one is taken at random; so each side must single out exactly one
 * composed resource. And a data store must be deleted before everything it selects.
 */
const CLASSIFICATIONS: string[] = xrdSchemaDoc().properties.spec.properties.parameters.properties.dataClassification.enum;
const STORES = ['rds.aws.upbound.io/Cluster', 'elasticache.aws.upbound.io/ReplicationGroup'];

const gk = (r: any) => `${r.base.apiVersion.split('/')[0]}/${r.base.kind}`;
const ownLabels = (r: any): Record<string, string> => r.base.metadata?.labels ?? {};
const hasLabels = (r: any, labels: Record<string, string>) => Object.entries(labels).every(([k, v]) => ownLabels(r)[k] === v);

/** A matchLabels map of a composed resource as a claim with this classification gets it: base values, then the label patches. */
function labelsAt(r: any, path: string, classification: string): Record<string, string> {
  const labels = { ...(getPath(r.base, path) ?? {}) };
  for (const p of expandedPatches(r).filter((x) => x.toFieldPath?.startsWith(`${path}[`))) {
    if (p.type !== 'FromCompositeFieldPath' || p.fromFieldPath !== 'spec.parameters.dataClassification') throw new Error(`${r.name}: unexpected label patch ${JSON.stringify(p)}`);
    labels[String(parseFieldPath(p.toFieldPath).at(-1))] = p.transforms[0].map[classification];
  }
  return labels;
}

/** The composed resources one side (`spec.of` or `spec.by`) of a ClusterUsage selects, for a classification. */
function selected(resources: any[], usage: any, side: 'of' | 'by', classification: string): any[] {
  const ref = usage.base.spec[side];
  const labels = labelsAt(usage, `spec.${side}.resourceSelector.matchLabels`, classification);
  return resources.filter((r) => r.base.apiVersion === ref.apiVersion && r.base.kind === ref.kind && hasLabels(r, labels));
}

const usagesOf = (resources: any[]) => resources.filter((r) => r.base.kind === 'ClusterUsage');

/** Problems: a ClusterUsage side that selects no resource, or more than one. */
export function ambiguousUsages(resources: any[]): string[] {
  return usagesOf(resources).flatMap((u) =>
    CLASSIFICATIONS.flatMap((c) =>
      (['of', 'by'] as const).flatMap((side) => {
        const hits = selected(resources, u, side, c).map((r) => r.name);
        return hits.length === 1 ? [] : [`${u.name} (${c}): spec.${side} selects ${hits.length ? hits.join(', ') : 'nothing'}`];
      }),
    ),
  );
}

/** Problems: a resource a data store selects (key, security group, subnet and parameter groups) that no ClusterUsage keeps until the store is gone. */
export function unorderedDependencies(resources: any[]): string[] {
  const out: string[] = [];
  for (const store of resources.filter((r) => STORES.includes(gk(r)))) {
    for (const c of CLASSIFICATIONS) {
      const selectors = Object.keys(store.base.spec.forProvider).filter((k) => k.endsWith('Selector') && store.base.spec.forProvider[k].matchLabels);
      for (const field of selectors) {
        const labels = labelsAt(store, `spec.forProvider.${field}.matchLabels`, c);
        for (const dep of resources.filter((r) => r !== store && r.base.kind !== 'ClusterUsage' && hasLabels(r, labels))) {
          const ordered = usagesOf(resources).some((u) => selected(resources, u, 'by', c).includes(store) && selected(resources, u, 'of', c).includes(dep));
          if (!ordered) out.push(`${store.name} (${c}): ${field} selects ${dep.name}, which no ClusterUsage keeps until ${store.name} is gone`);
        }
      }
    }
  }
  return out;
}

describe('deletion order of the data tier', () => {
  const resources = () => ptInput().resources as any[];

  test('there are ClusterUsages, each waiting for its user and replaying the blocked delete', () => {
    const usages = usagesOf(resources());
    expect(usages.length).toBeGreaterThanOrEqual(10);
    for (const u of usages) {
      expect(u.base.spec.by).toBeDefined();
      expect(u.base.spec.replayDeletion).toBe(true);
      expect(u.base.spec.reason).toMatch(/ is deleted first: /);
    }
  });

  test('each side of each ClusterUsage selects exactly one composed resource, for every data classification', () => {
    expect(ambiguousUsages(resources())).toEqual([]);
  });

  test('an ambiguous or dangling selector is caught', () => {
    const rs = structuredClone(resources());
    const sg = rs.find((r) => r.name === 'sg-aurora');
    rs.push({ ...structuredClone(sg), name: 'sg-aurora-twin' });
    rs.find((r) => r.name === 'sg-redis').base.metadata.labels['platform.assessment-platform.io/tier'] = 'cache';
    expect(ambiguousUsages(rs)).toEqual(
      expect.arrayContaining([
        'usage-aurora-cluster-uses-sg-aurora (student-records): spec.of selects sg-aurora, sg-aurora-twin',
        'usage-redis-uses-sg-redis (de-identified): spec.of selects nothing',
      ]),
    );
  });

  test('every resource a data store selects is deleted only after the store', () => {
    expect(unorderedDependencies(resources())).toEqual([]);
  });

  test('a missing ClusterUsage is caught, for the data-class key under each classification', () => {
    const rs = resources().filter((r) => r.name !== 'usage-aurora-cluster-uses-sg-aurora' && r.name !== 'usage-redis-uses-data-key');
    expect(unorderedDependencies(rs)).toEqual(
      expect.arrayContaining([
        'aurora-cluster (student-records): vpcSecurityGroupIdSelector selects sg-aurora, which no ClusterUsage keeps until aurora-cluster is gone',
        'redis (student-records): kmsKeyIdSelector selects kms-key-student-records, which no ClusterUsage keeps until redis is gone',
        'redis (de-identified): kmsKeyIdSelector selects kms-key-analytics, which no ClusterUsage keeps until redis is gone',
      ]),
    );
  });

  test('no filter of the CEL step drops a ClusterUsage or a resource it names (its selectors would never resolve)', () => {
    const step = compositionDoc().spec.pipeline.find((s: any) => s.functionRef.name === 'function-cel-filter');
    const names = usagesOf(resources()).flatMap((u) => [u.name, ...CLASSIFICATIONS.flatMap((c) => [...selected(resources(), u, 'of', c), ...selected(resources(), u, 'by', c)].map((r) => r.name))]);
    for (const f of step.input.filters) expect(names.filter((n) => new RegExp(`^${f.name}$`).test(n))).toEqual([]);
  });
});
