import { DEFAULT_REGION } from '../../config';
import { ScheduleGroup, ScheduleV1Beta2 } from '../../../imports/scheduler-scheduler.aws.upbound.io';
import { MetricFilterV1Beta2 } from '../../../imports/cloudwatchlogs-cloudwatchlogs.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { PolicyDocument, TOKEN, tokenPatch } from '../../composition/aws-policy';
import { serviceRoleResources } from '../../composition/iam-role';
import { KEY_ARN_PARAMETERS } from '../../composition/keys-tier';
import { fromXrRequired, toXr } from '../../composition/patches';
import { baseTags, composed, EXTERNAL_NAME, LABEL } from '../../composition/resource';
import { APP_CONTAINER, APP_LOG_GROUP, ECS_CLUSTER_NAME, EXECUTION_ROLE_ARN, TASK_ROLE_ARN } from '../application/names';
import {
  HEALTH_CHECK_INTERVAL_MINUTES,
  HEALTH_METRIC,
  HEALTH_METRIC_NAMESPACE,
  HEALTH_SCHEDULE,
  HEALTH_SCHEDULE_GROUP,
  HEALTH_SCHEDULE_GROUP_ARN,
  OPERATIONS_DLQ_ARN,
} from './names';

/** Where the operations tier finds the service (from the application tier through the platform). */
export const SERVICE_PARAMETERS = 'spec.parameters.service';

const TASK_DEFINITIONS = `arn:aws:ecs:${TOKEN.region}:${TOKEN.account}:task-definition/${ECS_CLUSTER_NAME}:*`;
const CLUSTER_ARN = `arn:aws:ecs:${TOKEN.region}:${TOKEN.account}:cluster/${ECS_CLUSTER_NAME}`;
const TASK_ROLES = [EXECUTION_ROLE_ARN, TASK_ROLE_ARN];

/**
 * What the scheduler may do: start a task of exactly the service's task definition family in
 * exactly the platform's cluster, pass exactly the service's two roles to ECS, tag the task it
 * starts, and put an invocation it could not deliver into the operations dead-letter queue
 * (encrypted with the logs key, which it may use only through SQS).
 */
export const HEALTH_SCHEDULER_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'RunHealthCheckTask', Effect: 'Allow', Action: 'ecs:RunTask', Resource: TASK_DEFINITIONS, Condition: { ArnEquals: { 'ecs:cluster': CLUSTER_ARN } } },
    {
      Sid: 'TagHealthCheckTask',
      Effect: 'Allow',
      Action: 'ecs:TagResource',
      Resource: `arn:aws:ecs:${TOKEN.region}:${TOKEN.account}:task/${ECS_CLUSTER_NAME}/*`,
      Condition: { StringEquals: { 'ecs:CreateAction': 'RunTask' } },
    },
    { Sid: 'PassServiceRoles', Effect: 'Allow', Action: 'iam:PassRole', Resource: TASK_ROLES, Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } },
    { Sid: 'DeadLetters', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: OPERATIONS_DLQ_ARN },
    {
      Sid: 'EncryptDeadLetters',
      Effect: 'Allow',
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: '${LOGS_KEY_ARN}',
      Condition: { StringEquals: { 'kms:ViaService': `sqs.${TOKEN.region}.amazonaws.com`, 'kms:EncryptionContext:aws:sqs:arn': OPERATIONS_DLQ_ARN } },
    },
  ],
};

/**
 * The line the health-check command prints when everything answered, which the metric filter
 * counts: a JSON log line with `"healthCheck": "pass"` and `"source"` set to the task's
 * HEALTH_CHECK_SOURCE, so that no other line of the service's log counts (README "Health checks").
 */
export const HEALTH_PASS_PATTERN = '{ $.healthCheck = "pass" && $.source = "scheduled-health-check" }';

/**
 * What the scheduled task is told: the service's container runs the claim's health-check command,
 * which probes the API through the internal ALB (with the certificate's hostname as TLS server
 * name), the database's writer and reader and the cache, and prints HEALTH_PASS_PATTERN's line.
 */
export function healthCheckInput(): string {
  return JSON.stringify({
    containerOverrides: [
      {
        name: APP_CONTAINER,
        command: ['${HEALTH_COMMAND}'],
        environment: [
          { name: 'HEALTH_CHECK', value: 'api,database,cache' },
          { name: 'HEALTH_CHECK_SOURCE', value: 'scheduled-health-check' },
          { name: 'HEALTH_CHECK_API_URL', value: 'https://${ALB_DNS_NAME}${HEALTH_PATH}' },
          { name: 'HEALTH_CHECK_API_HOST', value: '${HOSTNAME}' },
        ],
      },
    ],
  });
}

/**
 * The scheduled health check: an EventBridge Scheduler schedule in the platform's own group runs
 * one Fargate task of the service's current task definition every HEALTH_CHECK_INTERVAL_MINUTES,
 * in the private subnets with the service's security group and the health-check group, its command replaced by the health
 * check. Failed invocations are retried (3 attempts within 4 minutes, a later check supersedes
 * them) and then go to the operations dead-letter queue. A metric filter counts the pass lines;
 * the health alarm (alarms.ts) fires when a period has none, whatever the cause: a failed probe,
 * a task that could not start, or a schedule that did not run.
 */
export function healthCheckResources(): ResourcesResources[] {
  return [
    composed({
      name: 'health-schedule-group',
      base: ScheduleGroup.manifest({ spec: { forProvider: { region: DEFAULT_REGION, tags: baseTags('operations') } } }),
      patches: [tokenPatch(HEALTH_SCHEDULE_GROUP, EXTERNAL_NAME)],
    }),
    ...serviceRoleResources({
      name: 'health-scheduler-role',
      roleName: `ap-health-scheduler-${TOKEN.suffix}-${TOKEN.region}`,
      description: "EventBridge Scheduler: runs the health-check task of the service's task definition",
      component: 'operations',
      service: 'scheduler.amazonaws.com',
      trust: { sourceArn: HEALTH_SCHEDULE_GROUP_ARN },
      policy: HEALTH_SCHEDULER_POLICY,
      tokens: { '${LOGS_KEY_ARN}': `${KEY_ARN_PARAMETERS}.logsKeyArn` },
      patches: [toXr('status.atProvider.arn', 'status.operations.healthSchedulerRoleArn')],
    }),
    composed({
      name: 'health-schedule',
      taggable: false,
      base: ScheduleV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'health-schedule' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            description: 'Health check: the API through the ALB, the database and the cache',
            scheduleExpression: `rate(${HEALTH_CHECK_INTERVAL_MINUTES} minutes)`,
            flexibleTimeWindow: { mode: 'OFF' },
            state: 'ENABLED',
            target: {
              retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 240 },
              ecsParameters: {
                launchType: 'FARGATE',
                taskCount: 1,
                enableEcsManagedTags: true,
                propagateTags: 'TASK_DEFINITION',
                networkConfiguration: { assignPublicIp: false },
              },
            },
          },
        },
      }),
      patches: [
        tokenPatch(HEALTH_SCHEDULE, EXTERNAL_NAME),
        tokenPatch(HEALTH_SCHEDULE_GROUP, 'spec.forProvider.groupName'),
        fromXrRequired(`${SERVICE_PARAMETERS}.clusterArn`, 'spec.forProvider.target.arn'),
        fromXrRequired('status.operations.healthSchedulerRoleArn', 'spec.forProvider.target.roleArn'),
        tokenPatch(OPERATIONS_DLQ_ARN, 'spec.forProvider.target.deadLetterConfig.arn'),
        fromXrRequired(`${SERVICE_PARAMETERS}.taskDefinitionArn`, 'spec.forProvider.target.ecsParameters.taskDefinitionArn'),
        fromXrRequired('spec.parameters.vpc.privateSubnetIds', 'spec.forProvider.target.ecsParameters.networkConfiguration.subnets'),
        // The app group reaches the stores and the endpoints; the health group alone reaches the ALB.
        fromXrRequired('spec.parameters.vpc.appSecurityGroupId', 'spec.forProvider.target.ecsParameters.networkConfiguration.securityGroups[0]'),
        fromXrRequired('spec.parameters.vpc.healthSecurityGroupId', 'spec.forProvider.target.ecsParameters.networkConfiguration.securityGroups[1]'),
        tokenPatch(healthCheckInput(), 'spec.forProvider.target.input', {
          '${HEALTH_COMMAND}': 'spec.parameters.operations.healthCheckCommand',
          '${ALB_DNS_NAME}': `${SERVICE_PARAMETERS}.albDnsName`,
          '${HEALTH_PATH}': 'spec.parameters.application.healthCheckPath',
          '${HOSTNAME}': 'spec.parameters.application.hostname',
        }),
      ],
    }),
    composed({
      name: 'health-metric-filter',
      taggable: false,
      base: MetricFilterV1Beta2.manifest({
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            pattern: HEALTH_PASS_PATTERN,
            metricTransformation: { name: HEALTH_METRIC, value: '1', unit: 'Count' },
          },
        },
      }),
      patches: [
        tokenPatch(`ap-health-passed-${TOKEN.suffix}`, EXTERNAL_NAME),
        tokenPatch(APP_LOG_GROUP, 'spec.forProvider.logGroupName'),
        tokenPatch(HEALTH_METRIC_NAMESPACE, 'spec.forProvider.metricTransformation.namespace'),
      ],
    }),
  ];
}
