import { TOKEN } from '../../composition/aws-policy';

/** The topic every alarm of the platform notifies (encrypted with the logs key). */
export const ALARM_TOPIC = `ap-alarms-${TOKEN.suffix}`;
export const ALARM_TOPIC_ARN = `arn:aws:sns:${TOKEN.region}:${TOKEN.account}:${ALARM_TOPIC}`;
/** Every alarm's name starts `ap-` and ends with the suffix; policies name them by this pattern. */
export const ALARM_ARNS = `arn:aws:cloudwatch:${TOKEN.region}:${TOKEN.account}:alarm:ap-*-${TOKEN.suffix}`;
/** The name the service's X-Ray SDK records its segments under (the task's AWS_XRAY_TRACING_NAME). */
export const XRAY_SERVICE_NAME = `ap-assessment-${TOKEN.suffix}`;
/** Where the alarms find the ALB: its ARN, from the application tier through the platform. */
export const ALB_ARN_PARAMETER = 'spec.parameters.alb.arn';
/** How many alarm e-mail subscriptions a claim may have (each is its own composed resource). */
export const MAX_ALARM_EMAILS = 3;
/** The Scheduler group of the platform's schedules, and the health check's schedule in it. */
export const HEALTH_SCHEDULE_GROUP = `ap-health-${TOKEN.suffix}`;
export const HEALTH_SCHEDULE_GROUP_ARN = `arn:aws:scheduler:${TOKEN.region}:${TOKEN.account}:schedule-group/${HEALTH_SCHEDULE_GROUP}`;
export const HEALTH_SCHEDULE = `ap-health-check-${TOKEN.suffix}`;
/** Minutes between health checks; the health alarm wants a pass in each of its periods. */
export const HEALTH_CHECK_INTERVAL_MINUTES = 5;
/** The metric the health check's pass lines become (a metric filter on the service's log group). */
export const HEALTH_METRIC_NAMESPACE = `AssessmentPlatform/${TOKEN.suffix}`;
export const HEALTH_METRIC = 'HealthCheckPassed';
/** The queue where the operational paths put what they could not deliver (the schedule, the deployment rule). */
export const OPERATIONS_DLQ = `ap-operations-dlq-${TOKEN.suffix}`;
export const OPERATIONS_DLQ_ARN = `arn:aws:sqs:${TOKEN.region}:${TOKEN.account}:${OPERATIONS_DLQ}`;
/** The EventBridge rule that reports a failed ECS deployment (the circuit breaker rolled back). */
export const DEPLOYMENT_RULE = `ap-deployment-failed-${TOKEN.suffix}`;
export const DEPLOYMENT_RULE_ARN = `arn:aws:events:${TOKEN.region}:${TOKEN.account}:rule/${DEPLOYMENT_RULE}`;
/** The EventBridge rule that reports a backup job of the platform's vault that failed, aborted or expired. */
export const BACKUP_RULE = `ap-backup-failed-${TOKEN.suffix}`;
export const BACKUP_RULE_ARN = `arn:aws:events:${TOKEN.region}:${TOKEN.account}:rule/${BACKUP_RULE}`;
/** The EventBridge rule that reports a change that could make a platform key unusable (deletion, disabling, its policy). */
export const KEY_CHANGE_RULE = `ap-key-changed-${TOKEN.suffix}`;
export const KEY_CHANGE_RULE_ARN = `arn:aws:events:${TOKEN.region}:${TOKEN.account}:rule/${KEY_CHANGE_RULE}`;
/** The rules that send notices to the alarm topic (and their dead letters to the operations queue). */
export const NOTICE_RULE_ARNS = [DEPLOYMENT_RULE_ARN, BACKUP_RULE_ARN, KEY_CHANGE_RULE_ARN];
/**
 * The FIS experiment's log group (encrypted with the logs key), under /aws/vendedlogs/: log
 * delivery then needs no per-group entry in the account's size-capped CloudWatch Logs resource policy.
 */
export const FIS_LOG_GROUP = `/aws/vendedlogs/fis/ap-az-failure-${TOKEN.suffix}`;
/** The zone whose failure the FIS experiment simulates. */
export const FIS_ZONE_INDEX = 0;
