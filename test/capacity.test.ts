import * as fs from 'fs';
import * as path from 'path';
import { bandFor, bandRegexp, CAPACITY_TABLE, capacityTableMarkdown, DEFAULT_STUDENTS, MAX_STUDENTS, MIN_STUDENTS, REQUESTS_PER_STUDENT_PER_SECOND, REQUESTS_PER_VCPU_PER_SECOND, tasksNeeded, DATABASE_POOL_PER_TASK, auroraMaxConnections, shardsNeeded, EVENTS_PER_STUDENT_PER_SECOND } from '../src/sizing/capacity-table';
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

  test('every band holds its largest student count at the CPU target, keeps two tasks for failover, and uses a Fargate size', () => {
    // Fargate's CPU units and the memory (MiB) each allows.
    const fargate: Record<number, [number, number]> = { 256: [512, 2048], 512: [1024, 4096], 1024: [2048, 8192], 2048: [4096, 16384], 4096: [8192, 30720] };
    for (const b of CAPACITY_TABLE) {
      const need = tasksNeeded(b.maxStudents, b.taskCpu);
      expect([b.tier, b.maxTasks >= need, b.minTasks >= 2, b.minTasks <= b.maxTasks]).toEqual([b.tier, true, true, true]);
      const [lo, hi] = fargate[b.taskCpu] ?? [NaN, NaN];
      expect([b.tier, b.taskMemory >= lo && b.taskMemory <= hi && b.taskMemory % 1024 === 0]).toEqual([b.tier, true]);
    }
    // 100,000 students: 10,000 requests/s; a 2-vCPU task serves 400 at 100 % CPU, 280 at the 70 % target: 36 tasks.
    expect(DEFAULT_STUDENTS * REQUESTS_PER_STUDENT_PER_SECOND).toBe(10_000);
    expect(REQUESTS_PER_VCPU_PER_SECOND).toBe(200);
    expect(tasksNeeded(DEFAULT_STUDENTS, bandFor(DEFAULT_STUDENTS).taskCpu)).toBe(36);
  });

  test("every band's tasks fit Aurora's connections: maxTasks x the pool stays under 80 % of max_connections at the maximum ACUs", () => {
    for (const b of CAPACITY_TABLE) {
      expect([b.tier, b.maxTasks * DATABASE_POOL_PER_TASK <= 0.8 * auroraMaxConnections(b.auroraMaxAcu)]).toEqual([b.tier, true]);
    }
    expect(auroraMaxConnections(8)).toBe(1802);
    expect(auroraMaxConnections(128)).toBe(5000);
  });

  test("every band's provisioned shards hold its largest student count's events at the shard target, within a region's default quota (200)", () => {
    for (const b of CAPACITY_TABLE) {
      expect([b.tier, b.kinesisShards >= shardsNeeded(b.maxStudents), b.kinesisShards <= 200]).toEqual([b.tier, true, true]);
    }
    // 100,000 students: 10,000 events per second, 14 shards at 75 % of 1,000 records per second each.
    expect(shardsNeeded(DEFAULT_STUDENTS)).toBe(14);
  });

  test('the README states the events load model', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`${EVENTS_PER_STUDENT_PER_SECOND} events per second per student`);
    expect(readme).toContain(`${shardsNeeded(DEFAULT_STUDENTS)} shards`);
  });

  test('the README states the load model that turns students into tasks', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`${REQUESTS_PER_STUDENT_PER_SECOND} requests per second per student`);
    expect(readme).toContain(`${REQUESTS_PER_VCPU_PER_SECOND} requests per second per vCPU`);
    expect(readme).toContain(`${tasksNeeded(DEFAULT_STUDENTS, bandFor(DEFAULT_STUDENTS).taskCpu)} tasks`);
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
      ['autoscaling-target', 'spec.forProvider.minCapacity', 'minTasks', 'spec.parameters.application.minTasks'],
      ['autoscaling-target', 'spec.forProvider.maxCapacity', 'maxTasks', 'spec.parameters.application.maxTasks'],
      ['ecs-service', 'spec.initProvider.desiredCount', 'minTasks', 'spec.parameters.application.minTasks'],
    ];
    for (const [resource, to, field, override] of cases) {
      const [fromTable, fromOverride] = sized(find(resource), to);
      expect(fromTable.fromFieldPath).toBe('spec.parameters.capacity.expectedConcurrentStudents');
      const patterns = fromTable.transforms[1].match.patterns;
      expect(patterns.map((p: any) => p.result)).toEqual(CAPACITY_TABLE.map((b) => b[field]));
      expect(patterns.map((p: any) => p.regexp)).toEqual(CAPACITY_TABLE.map(bandRegexp));
      expect(fromOverride.fromFieldPath).toBe(override);
    }
    // Task size from the table only (a string, as ECS takes it).
    for (const [to, field] of [['spec.forProvider.cpu', 'taskCpu'], ['spec.forProvider.memory', 'taskMemory']] as const) {
      const patches = sized(find('task-definition'), to);
      expect(patches).toHaveLength(1);
      expect(patches[0].transforms[1].match.patterns.map((p: any) => p.result)).toEqual(CAPACITY_TABLE.map((b) => b[field]));
      expect(patches[0].transforms[2]).toEqual({ type: 'convert', convert: { toType: 'string' } });
    }
  });
});
