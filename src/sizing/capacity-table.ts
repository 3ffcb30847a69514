import toRegexRange from 'to-regex-range';

/**
 * The one sizing table. The claim's `capacity.expectedConcurrentStudents` picks a row; every tier
 * reads its size from that row unless the claim overrides that tier. The README's capacity table is
 * generated from this array (`npm run docs:capacity`) and a test keeps them equal.
 */
export interface CapacityBand {
  /** Short name of the band, written to the XR status. */
  readonly tier: string;
  /** Smallest student count in this band (inclusive). */
  readonly minStudents: number;
  /** Largest student count in this band (inclusive). */
  readonly maxStudents: number;
  /** Aurora Serverless v2 minimum ACUs. */
  readonly auroraMinAcu: number;
  /** Aurora Serverless v2 maximum ACUs. */
  readonly auroraMaxAcu: number;
  /** Aurora reader instances (spread over the AZs after the writer). */
  readonly auroraReaders: number;
  /** ElastiCache node type. */
  readonly cacheNodeType: string;
  /** ElastiCache shards (node groups, cluster mode enabled). */
  readonly cacheShards: number;
  /** ElastiCache replicas per shard (at least 1 for Multi-AZ failover). */
  readonly cacheReplicas: number;
  /** Fargate task CPU units (1024 = 1 vCPU), a size Fargate offers. */
  readonly taskCpu: number;
  /** Fargate task memory in MiB, valid for taskCpu. */
  readonly taskMemory: number;
  /** Tasks the service never scales below (the autoscaler's minimum). */
  readonly minTasks: number;
  /** Tasks the service never scales above (the autoscaler's maximum). */
  readonly maxTasks: number;
  /** Kinesis shards of a provisioned events stream (events.streamMode PROVISIONED). */
  readonly kinesisShards: number;
}

/**
 * The load model that turns students into tasks (README "Capacity"): at exam peak each student
 * makes REQUESTS_PER_STUDENT_PER_SECOND requests (an answer saved every ~10 s, plus navigation),
 * and one vCPU of the assessment service serves REQUESTS_PER_VCPU_PER_SECOND at the CPU target.
 * A test proves that every band's maxTasks holds the band's largest student count at the default
 * CPU target, and that minTasks keeps two tasks for failover.
 */
export const REQUESTS_PER_STUDENT_PER_SECOND = 0.1;
export const REQUESTS_PER_VCPU_PER_SECOND = 200;
/**
 * Database connections each task's pool may hold (DATABASE_POOL_MAX). A test keeps every band's
 * maxTasks x this under 80 % of Aurora's max_connections at the band's maximum ACUs.
 */
export const DATABASE_POOL_PER_TASK = 20;

/** Aurora PostgreSQL's default max_connections for `acu` ACUs (2 GiB each): LEAST(memory / 9,531,392, 5,000). */
export const auroraMaxConnections = (acu: number): number => Math.min(Math.floor((acu * 2 * 1024 ** 3) / 9_531_392), 5000);

/**
 * The events load model (README "Events"): at exam peak each student's session emits
 * EVENTS_PER_STUDENT_PER_SECOND activity events (one per saved answer or navigation) of at most
 * 1 KiB, and a shard takes 1,000 records or 1 MiB per second; a provisioned stream keeps each shard
 * at SHARD_TARGET of that. A test proves that every band's shards hold its largest student count.
 */
export const EVENTS_PER_STUDENT_PER_SECOND = 0.1;
export const SHARD_RECORDS_PER_SECOND = 1000;
export const SHARD_TARGET = 0.75;

/** Shards a provisioned stream needs for `students` at exam peak. */
export function shardsNeeded(students: number): number {
  return Math.ceil((students * EVENTS_PER_STUDENT_PER_SECOND) / (SHARD_RECORDS_PER_SECOND * SHARD_TARGET));
}

/** The default CPU target of the autoscaler, percent. */
export const DEFAULT_CPU_TARGET = 70;
/** The default memory target of the autoscaler, percent. */
export const DEFAULT_MEMORY_TARGET = 75;

/** Tasks needed for `students` with tasks of `taskCpu` units kept at `cpuTarget` percent. */
export function tasksNeeded(students: number, taskCpu: number, cpuTarget = DEFAULT_CPU_TARGET): number {
  const perTask = (taskCpu / 1024) * REQUESTS_PER_VCPU_PER_SECOND * (cpuTarget / 100);
  return Math.ceil((students * REQUESTS_PER_STUDENT_PER_SECOND) / perTask);
}

/** Lower and upper bounds the XRD accepts for expected concurrent students. */
export const MIN_STUDENTS = 100;
export const MAX_STUDENTS = 500_000;
/** The XRD default for expected concurrent students. */
export const DEFAULT_STUDENTS = 100_000;

/**
 * Bands are contiguous and cover MIN_STUDENTS..MAX_STUDENTS (a test proves it). Figures assume
 * ~1 Aurora ACU per 1,000 concurrent students at exam peak with reads on readers, and session
 * state plus answer buffering in Redis at ~12 GB per 100k students; tasks from the load model above.
 */
export const CAPACITY_TABLE: readonly CapacityBand[] = [
  { tier: 'xs', minStudents: MIN_STUDENTS, maxStudents: 5_000, auroraMinAcu: 0.5, auroraMaxAcu: 8, auroraReaders: 1, cacheNodeType: 'cache.t4g.medium', cacheShards: 1, cacheReplicas: 1, taskCpu: 512, taskMemory: 1024, minTasks: 2, maxTasks: 8, kinesisShards: 1 },
  { tier: 's', minStudents: 5_001, maxStudents: 25_000, auroraMinAcu: 2, auroraMaxAcu: 32, auroraReaders: 1, cacheNodeType: 'cache.r7g.large', cacheShards: 2, cacheReplicas: 1, taskCpu: 1024, taskMemory: 2048, minTasks: 2, maxTasks: 20, kinesisShards: 4 },
  { tier: 'm', minStudents: 25_001, maxStudents: 75_000, auroraMinAcu: 4, auroraMaxAcu: 64, auroraReaders: 2, cacheNodeType: 'cache.r7g.large', cacheShards: 3, cacheReplicas: 2, taskCpu: 2048, taskMemory: 4096, minTasks: 4, maxTasks: 30, kinesisShards: 10 },
  { tier: 'l', minStudents: 75_001, maxStudents: 150_000, auroraMinAcu: 8, auroraMaxAcu: 128, auroraReaders: 2, cacheNodeType: 'cache.r7g.xlarge', cacheShards: 4, cacheReplicas: 2, taskCpu: 2048, taskMemory: 4096, minTasks: 6, maxTasks: 60, kinesisShards: 20 },
  { tier: 'xl', minStudents: 150_001, maxStudents: MAX_STUDENTS, auroraMinAcu: 16, auroraMaxAcu: 256, auroraReaders: 3, cacheNodeType: 'cache.r7g.2xlarge', cacheShards: 8, cacheReplicas: 2, taskCpu: 4096, taskMemory: 8192, minTasks: 10, maxTasks: 100, kinesisShards: 67 },
];

/**
 * A CEL expression that gives a band's value for the student count `students`: a chain of
 * ternaries over the band bounds. `count` writes a student-count literal in the type `students`
 * has where the expression runs (an int in the API server, a double in function-cel-filter).
 */
export function tableCel(students: string, value: (band: CapacityBand) => string, count: (n: number) => string): string {
  return CAPACITY_TABLE.slice(0, -1).reduceRight(
    (rest, band) => `(${students} <= ${count(band.maxStudents)} ? ${value(band)} : ${rest})`,
    value(CAPACITY_TABLE[CAPACITY_TABLE.length - 1]),
  );
}

/** A CEL double literal (`8.0`, `0.5`). */
export const celDouble = (n: number): string => (Number.isInteger(n) ? `${n}.0` : String(n));

/**
 * An RE2-compatible, anchored regular expression that matches the decimal form of every integer
 * in the band and nothing else. function-patch-and-transform has no numeric comparisons, so the
 * composition turns the student count into a string and matches it against these.
 */
export function bandRegexp(band: CapacityBand): string {
  return `^${toRegexRange(band.minStudents, band.maxStudents, { capture: false, shorthand: false })}$`;
}

/** The band a student count falls in; throws when it is outside MIN_STUDENTS..MAX_STUDENTS. */
export function bandFor(students: number): CapacityBand {
  const band = CAPACITY_TABLE.find((b) => students >= b.minStudents && students <= b.maxStudents);
  if (!band) {
    throw new Error(`capacity.expectedConcurrentStudents=${students} is outside ${MIN_STUDENTS}..${MAX_STUDENTS}`);
  }
  return band;
}

/** The README's capacity table, as Markdown. */
export function capacityTableMarkdown(): string {
  const fmt = (n: number) => n.toLocaleString('en-US');
  const rows = CAPACITY_TABLE.map((b) =>
    `| ${b.tier} | ${fmt(b.minStudents)}–${fmt(b.maxStudents)} | ${b.auroraMinAcu}–${b.auroraMaxAcu} | ${b.auroraReaders} | ${b.cacheNodeType} | ${b.cacheShards} | ${b.cacheReplicas} | ${b.taskCpu / 1024} vCPU / ${b.taskMemory / 1024} GB | ${b.minTasks}–${b.maxTasks} | ${b.kinesisShards} |`,
  );
  return [
    '| tier | expected concurrent students | Aurora ACU (min–max) | Aurora readers | cache node type | cache shards | replicas per shard | task size | tasks (min–max) | Kinesis shards (provisioned) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
