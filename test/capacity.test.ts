import * as fs from 'fs';
import * as path from 'path';
import { bandFor, bandRegexp, CAPACITY_TABLE, capacityTableMarkdown, DEFAULT_STUDENTS, MAX_STUDENTS, MIN_STUDENTS } from '../src/sizing/capacity-table';
import { allComposed, expandedPatches } from './helpers/dist';
import { REPO_ROOT } from './helpers/repo';

describe('capacity table', () => {
  test('bands are contiguous and cover every admitted student count', () => {
    expect(CAPACITY_TABLE[0].minStudents).toBe(MIN_STUDENTS);
    expect(CAPACITY_TABLE[CAPACITY_TABLE.length - 1].maxStudents).toBe(MAX_STUDENTS);
    for (let i = 1; i < CAPACITY_TABLE.length; i++) expect(CAPACITY_TABLE[i].minStudents).toBe(CAPACITY_TABLE[i - 1].maxStudents + 1);
  });

  test('each band regexp matches exactly its own student counts (checked for every count)', () => {
    const res = CAPACITY_TABLE.map((b) => new RegExp(bandRegexp(b)));
    for (let n = MIN_STUDENTS - 50; n <= MAX_STUDENTS + 50; n++) {
      const hits = res.map((re, i) => (re.test(String(n)) ? i : -1)).filter((i) => i >= 0);
      const expected = n >= MIN_STUDENTS && n <= MAX_STUDENTS ? [CAPACITY_TABLE.indexOf(bandFor(n))] : [];
      if (hits.length !== expected.length || hits[0] !== expected[0]) throw new Error(`${n}: matched bands ${hits}, expected ${expected}`);
    }
  });

  test('the default, 100,000 students, is the l tier with readers, HA cache and headroom', () => {
    const band = bandFor(DEFAULT_STUDENTS);
    expect(band.tier).toBe('l');
    expect(band.auroraReaders).toBeGreaterThanOrEqual(2);
    expect(band.cacheReplicas).toBeGreaterThanOrEqual(1);
    expect(band.auroraMaxAcu).toBeGreaterThanOrEqual(128);
  });

  test('every band keeps what prod requires when the claim does not override it: a reader and a cache replica', () => {
    // The XRD's CEL rule checks only an explicit readers override; without one, prod takes the table's value.
    const weak = CAPACITY_TABLE.filter((b) => b.auroraReaders < 1 || b.cacheReplicas < 1).map((b) => b.tier);
    expect(weak).toEqual([]);
  });

  test('the README shows exactly this table', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(capacityTableMarkdown());
  });

  test('the composition sizes Aurora and Redis from every band, then applies the claim override', () => {
    const find = (name: string) => expandedPatches(allComposed().find((x) => x.resource.name === name)!.resource);
    const sized = (patches: any[], to: string) => patches.filter((p) => p.toFieldPath === to);
    const cases: [string, string, keyof (typeof CAPACITY_TABLE)[number], string][] = [
      ['aurora-cluster', 'spec.forProvider.serverlessv2ScalingConfiguration.minCapacity', 'auroraMinAcu', 'spec.parameters.database.minCapacity'],
      ['aurora-cluster', 'spec.forProvider.serverlessv2ScalingConfiguration.maxCapacity', 'auroraMaxAcu', 'spec.parameters.database.maxCapacity'],
      ['redis', 'spec.forProvider.nodeType', 'cacheNodeType', 'spec.parameters.cache.nodeType'],
      ['redis', 'spec.forProvider.numNodeGroups', 'cacheShards', 'spec.parameters.cache.shards'],
      ['redis', 'spec.forProvider.replicasPerNodeGroup', 'cacheReplicas', 'spec.parameters.cache.replicas'],
    ];
    for (const [resource, to, field, override] of cases) {
      const [fromTable, fromOverride] = sized(find(resource), to);
      expect(fromTable.fromFieldPath).toBe('spec.parameters.capacity.expectedConcurrentStudents');
      const patterns = fromTable.transforms[1].match.patterns;
      expect(patterns.map((p: any) => p.result)).toEqual(CAPACITY_TABLE.map((b) => b[field]));
      expect(patterns.map((p: any) => p.regexp)).toEqual(CAPACITY_TABLE.map(bandRegexp));
      expect(fromOverride.fromFieldPath).toBe(override);
    }
  });
});
