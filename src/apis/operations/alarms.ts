import { DEFAULT_REGION } from '../../config';
import { MetricAlarmV1Beta2 } from '../../../imports/cloudwatch-cloudwatch.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { TOKEN, tokenPatch } from '../../composition/aws-policy';
import { convertTo, fromXr, fromXrRequired, matchRegexp, Patch, regexpGroup, XR } from '../../composition/patches';
import { baseTags, composed, EXTERNAL_NAME } from '../../composition/resource';
import { auroraMaxConnections, bandRegexp, CAPACITY_TABLE, CapacityBand, REQUESTS_PER_STUDENT_PER_SECOND } from '../../sizing/capacity-table';
import { ECS_CLUSTER_NAME, REDIS_REPLICATION_GROUP } from '../application/names';
import { STAGE_NAME } from '../edge/names';
import { DELIVERY_STREAM, EVENTS_STREAM } from '../events/names';
import { ALB_ARN_PARAMETER, HEALTH_METRIC, HEALTH_METRIC_NAMESPACE, OPERATIONS_DLQ } from './names';

/** Share of Aurora's max_connections (at the band's maximum ACUs) at which the connections alarm fires. */
export const DATABASE_CONNECTIONS_ALARM_SHARE = 0.8;
/** Share of the band's peak requests that may fail (ALB 5xx) in a period before the alarm fires. */
export const ALB_5XX_ALARM_SHARE = 0.01;
const PERIOD_SECONDS = 300;

/** Every alarm notifies the alarm topic on ALARM and on OK (composed once the topic's ARN is known). */
const notifyAlarmTopic = (): Patch[] => ['alarmActions', 'okActions'].map((f) => fromXrRequired('status.operations.alarmTopicArn', `spec.forProvider.${f}[0]`));

/** A threshold from the capacity table: the value for the claim's band. */
const thresholdByBand = (value: (band: CapacityBand) => number): Patch =>
  fromXr(XR.students, 'spec.forProvider.threshold', convertTo('string'), matchRegexp(CAPACITY_TABLE.map((band) => ({ regexp: bandRegexp(band), result: value(band) }))));

/** What one alarm watches, and when it fires. */
export interface AlarmSpec {
  /** Composed-resource name; the alarm is `ap-<name>-<suffix>`. */
  readonly name: string;
  readonly description: string;
  readonly namespace: string;
  readonly metricName: string;
  /** Dimensions, with tokens (${SUFFIX}, ...) or from an XR path (`from`). */
  readonly dimensions: Record<string, string>;
  /** A dimension taken from an XR field, with a regexp group (the ALB's `app/<name>/<id>`). */
  readonly dimensionFrom?: { readonly key: string; readonly path: string; readonly regexp: string };
  readonly statistic?: 'Average' | 'Sum' | 'Maximum' | 'Minimum';
  /** A percentile instead of a statistic, e.g. p99. */
  readonly extendedStatistic?: string;
  readonly comparison: 'GreaterThanThreshold' | 'LessThanThreshold';
  /** A fixed threshold, or one per capacity band. */
  readonly threshold: number | ((band: CapacityBand) => number);
  /** Periods out of `evaluationPeriods` that fire it. Default: 3. */
  readonly datapoints?: number;
  /** Seconds per period. Default: PERIOD_SECONDS (300). */
  readonly periodSeconds?: number;
  /** Periods evaluated. Default: 5. */
  readonly evaluationPeriods?: number;
  /** How a period without data counts: `breaching` where silence is the failure (the health check). Default: notBreaching. */
  readonly missingData?: 'breaching' | 'notBreaching';
}

/**
 * The platform's alarms: the service (ECS CPU and memory), the front door (API Gateway 5XX rate
 * and p99 latency, ALB 5xx and p99 response time), the database (connections, CPU, freeable
 * memory, replica lag), the events (Kinesis iterator age and throttled writes, Firehose delivery
 * freshness), the health check and the operations dead-letter queue. Thresholds that depend on size come from the capacity table.
 */
export const ALARMS: readonly AlarmSpec[] = [
  { name: 'alarm-ecs-cpu', description: 'Service CPU above 85 % (the autoscaler targets 70 %: it is at its maximum tasks or cannot start more)', namespace: 'AWS/ECS', metricName: 'CPUUtilization', dimensions: { ClusterName: ECS_CLUSTER_NAME, ServiceName: ECS_CLUSTER_NAME }, statistic: 'Average', comparison: 'GreaterThanThreshold', threshold: 85 },
  { name: 'alarm-ecs-memory', description: 'Service memory above 90 %', namespace: 'AWS/ECS', metricName: 'MemoryUtilization', dimensions: { ClusterName: ECS_CLUSTER_NAME, ServiceName: ECS_CLUSTER_NAME }, statistic: 'Average', comparison: 'GreaterThanThreshold', threshold: 90 },
  { name: 'alarm-api-5xx', description: 'More than 1 % of API requests fail with 5XX', namespace: 'AWS/ApiGateway', metricName: '5XXError', dimensions: { ApiName: `ap-api-${TOKEN.suffix}`, Stage: STAGE_NAME }, statistic: 'Average', comparison: 'GreaterThanThreshold', threshold: 0.01 },
  {
    name: 'alarm-api-5xx-fast',
    description: 'More than 5 % of API requests fail with 5XX for two minutes (the AZ-failure experiment stops on it)',
    namespace: 'AWS/ApiGateway',
    metricName: '5XXError',
    dimensions: { ApiName: `ap-api-${TOKEN.suffix}`, Stage: STAGE_NAME },
    statistic: 'Average',
    comparison: 'GreaterThanThreshold',
    threshold: 0.05,
    periodSeconds: 60,
    evaluationPeriods: 2,
    datapoints: 2,
  },
  { name: 'alarm-api-latency', description: 'API p99 latency above 2 s', namespace: 'AWS/ApiGateway', metricName: 'Latency', dimensions: { ApiName: `ap-api-${TOKEN.suffix}`, Stage: STAGE_NAME }, extendedStatistic: 'p99', comparison: 'GreaterThanThreshold', threshold: 2000 },
  {
    name: 'alarm-alb-5xx',
    description: "Targets' 5xx above 1 % of the capacity band's peak requests",
    namespace: 'AWS/ApplicationELB',
    metricName: 'HTTPCode_Target_5XX_Count',
    dimensions: {},
    dimensionFrom: { key: 'LoadBalancer', path: ALB_ARN_PARAMETER, regexp: ':loadbalancer/(.+)$' },
    statistic: 'Sum',
    comparison: 'GreaterThanThreshold',
    threshold: (band) => Math.ceil(band.maxStudents * REQUESTS_PER_STUDENT_PER_SECOND * PERIOD_SECONDS * ALB_5XX_ALARM_SHARE),
  },
  {
    name: 'alarm-alb-response-time',
    description: "Targets' p99 response time above 1.5 s",
    namespace: 'AWS/ApplicationELB',
    metricName: 'TargetResponseTime',
    dimensions: {},
    dimensionFrom: { key: 'LoadBalancer', path: ALB_ARN_PARAMETER, regexp: ':loadbalancer/(.+)$' },
    extendedStatistic: 'p99',
    comparison: 'GreaterThanThreshold',
    threshold: 1.5,
  },
  {
    name: 'alarm-aurora-connections',
    description: "Database connections above 80 % of Aurora's max_connections at the band's maximum ACUs",
    namespace: 'AWS/RDS',
    metricName: 'DatabaseConnections',
    dimensions: { DBClusterIdentifier: `ap-aurora-${TOKEN.suffix}`, Role: 'WRITER' },
    statistic: 'Maximum',
    comparison: 'GreaterThanThreshold',
    threshold: (band) => Math.floor(auroraMaxConnections(band.auroraMaxAcu) * DATABASE_CONNECTIONS_ALARM_SHARE),
  },
  { name: 'alarm-aurora-cpu', description: 'Writer CPU above 80 %', namespace: 'AWS/RDS', metricName: 'CPUUtilization', dimensions: { DBClusterIdentifier: `ap-aurora-${TOKEN.suffix}`, Role: 'WRITER' }, statistic: 'Average', comparison: 'GreaterThanThreshold', threshold: 80 },
  { name: 'alarm-aurora-memory', description: 'Writer freeable memory below 512 MiB', namespace: 'AWS/RDS', metricName: 'FreeableMemory', dimensions: { DBClusterIdentifier: `ap-aurora-${TOKEN.suffix}`, Role: 'WRITER' }, statistic: 'Minimum', comparison: 'LessThanThreshold', threshold: 512 * 1024 * 1024 },
  { name: 'alarm-aurora-replica-lag', description: 'Reader replica lag above 1 s', namespace: 'AWS/RDS', metricName: 'AuroraReplicaLag', dimensions: { DBClusterIdentifier: `ap-aurora-${TOKEN.suffix}`, Role: 'READER' }, statistic: 'Maximum', comparison: 'GreaterThanThreshold', threshold: 1000 },
  { name: 'alarm-kinesis-iterator-age', description: 'Events wait more than a minute in the stream (Firehose falls behind)', namespace: 'AWS/Kinesis', metricName: 'GetRecords.IteratorAgeMilliseconds', dimensions: { StreamName: EVENTS_STREAM }, statistic: 'Maximum', comparison: 'GreaterThanThreshold', threshold: 60000 },
  { name: 'alarm-kinesis-throttled', description: 'Writes to the events stream are throttled', namespace: 'AWS/Kinesis', metricName: 'WriteProvisionedThroughputExceeded', dimensions: { StreamName: EVENTS_STREAM }, statistic: 'Sum', comparison: 'GreaterThanThreshold', threshold: 0, datapoints: 2 },
  { name: 'alarm-operations-dlq', description: 'A health-check run or a failed-deployment or failed-backup notice could not be delivered after its retries (operations dead-letter queue)', namespace: 'AWS/SQS', metricName: 'ApproximateNumberOfMessagesVisible', dimensions: { QueueName: OPERATIONS_DLQ }, statistic: 'Maximum', comparison: 'GreaterThanThreshold', threshold: 0, datapoints: 1 },
  {
    name: 'alarm-health-check',
    description: 'No health check passed in 20 minutes: the API, the database or the cache did not answer, or the check did not run',
    namespace: HEALTH_METRIC_NAMESPACE,
    metricName: HEALTH_METRIC,
    dimensions: {},
    statistic: 'Sum',
    comparison: 'LessThanThreshold',
    threshold: 1,
    // Ten-minute periods hold two runs, so a slow task start that moves a pass into the next
    // period does not fire it; two empty periods do.
    periodSeconds: 600,
    evaluationPeriods: 2,
    datapoints: 2,
    missingData: 'breaching',
  },
  { name: 'alarm-firehose-freshness', description: 'The oldest undelivered event is more than 30 minutes old (S3 delivery failing)', namespace: 'AWS/Firehose', metricName: 'DeliveryToS3.DataFreshness', dimensions: { DeliveryStreamName: DELIVERY_STREAM }, statistic: 'Maximum', comparison: 'GreaterThanThreshold', threshold: 1800 },
];

/**
 * How many shards the Redis alarms watch: a metric-math alarm takes at most 10 metrics, one per
 * shard. Every band of the capacity table has at most 8 shards; a claim that overrides
 * cache.shards above 10 has shards 11 and up unwatched (README "Alarms, dashboard and tracing").
 */
export const REDIS_ALARM_SHARDS = 10;

/** What one Redis alarm watches: the maximum over the first node of each shard. */
export interface RedisAlarmSpec {
  readonly name: string;
  readonly description: string;
  readonly metricName: string;
  readonly stat: 'Maximum' | 'Sum';
  readonly threshold: number;
}

/**
 * The cache's alarms. ElastiCache publishes per node (`CacheClusterId` = `<group>-<shard>-<node>`),
 * never per replication group; a shard's nodes hold the same data, so node 001 of each shard
 * stands for the shard's memory and evictions, and for its engine CPU while it is the primary.
 */
export const REDIS_ALARMS: readonly RedisAlarmSpec[] = [
  { name: 'alarm-redis-engine-cpu', description: "A Redis shard's engine thread above 80 % CPU (Redis runs commands on one thread)", metricName: 'EngineCPUUtilization', stat: 'Maximum', threshold: 80 },
  { name: 'alarm-redis-memory', description: "A Redis shard's memory above 80 % of its maxmemory", metricName: 'DatabaseMemoryUsagePercentage', stat: 'Maximum', threshold: 80 },
  { name: 'alarm-redis-evictions', description: 'Redis evicts keys (sessions and answers in flight would be lost): memory is full', metricName: 'Evictions', stat: 'Sum', threshold: 0 },
];

/** The node ID ElastiCache gives node 001 of shard `shard` (1-based). */
const redisNode = (shard: number) => `${REDIS_REPLICATION_GROUP}-${String(shard).padStart(4, '0')}-001`;

/** One metric-math MetricAlarm per REDIS_ALARMS entry: MAX over the shards' first nodes; shards that do not exist have no data and do not count. */
export function redisAlarmResources(): ResourcesResources[] {
  const shards = Array.from({ length: REDIS_ALARM_SHARDS }, (_, i) => i + 1);
  return REDIS_ALARMS.map((a) =>
    composed({
      name: a.name,
      base: MetricAlarmV1Beta2.manifest({
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            alarmDescription: a.description,
            comparisonOperator: 'GreaterThanThreshold',
            threshold: a.threshold,
            evaluationPeriods: 5,
            datapointsToAlarm: 3,
            treatMissingData: 'notBreaching',
            actionsEnabled: true,
            metricQuery: [
              ...shards.map((s) => ({
                id: `shard${s}`,
                returnData: false,
                metric: { namespace: 'AWS/ElastiCache', metricName: a.metricName, period: PERIOD_SECONDS, stat: a.stat },
              })),
              { id: 'worst', expression: 'MAX(METRICS())', label: `${a.metricName}, the worst shard`, returnData: true },
            ],
            tags: baseTags('operations'),
          },
        },
      }),
      awsName: a.name,
      nameFields: [EXTERNAL_NAME],
      patches: [
        ...shards.map((s, i) => tokenPatch(redisNode(s), `spec.forProvider.metricQuery[${i}].metric.dimensions.CacheClusterId`)),
        ...notifyAlarmTopic(),
      ],
    }),
  );
}

/**
 * One MetricAlarm per ALARMS entry: five periods of five minutes, firing on `datapoints` of them,
 * missing data not breaching, notifying the alarm topic on ALARM and OK.
 */
export function alarmResources(): ResourcesResources[] {
  return ALARMS.map((a) => {
    const fixedDimensions = Object.entries(a.dimensions);
    const literal = Object.fromEntries(fixedDimensions.filter(([, v]) => !v.includes('${')));
    return composed({
      name: a.name,
      base: MetricAlarmV1Beta2.manifest({
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            alarmDescription: a.description,
            ...(a.namespace.includes('${') ? {} : { namespace: a.namespace }),
            metricName: a.metricName,
            ...(a.statistic ? { statistic: a.statistic } : { extendedStatistic: a.extendedStatistic }),
            comparisonOperator: a.comparison,
            ...(typeof a.threshold === 'number' ? { threshold: a.threshold } : {}),
            period: a.periodSeconds ?? PERIOD_SECONDS,
            evaluationPeriods: a.evaluationPeriods ?? 5,
            datapointsToAlarm: a.datapoints ?? 3,
            treatMissingData: a.missingData ?? 'notBreaching',
            actionsEnabled: true,
            ...(Object.keys(literal).length ? { dimensions: literal } : {}),
            tags: baseTags('operations'),
          },
        },
      }),
      awsName: a.name,
      nameFields: [EXTERNAL_NAME],
      patches: [
        ...(a.namespace.includes('${') ? [tokenPatch(a.namespace, 'spec.forProvider.namespace')] : []),
        ...fixedDimensions.filter(([, v]) => v.includes('${')).map(([k, v]) => tokenPatch(v, `spec.forProvider.dimensions.${k}`)),
        ...(a.dimensionFrom ? [fromXrRequired(a.dimensionFrom.path, `spec.forProvider.dimensions.${a.dimensionFrom.key}`, regexpGroup(a.dimensionFrom.regexp, 1))] : []),
        ...(typeof a.threshold === 'function' ? [thresholdByBand(a.threshold)] : []),
        ...notifyAlarmTopic(),
      ],
    });
  });
}
