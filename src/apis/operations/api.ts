import { obj, str } from '../../api/schema';
import { OPERATIONS_STATUS } from '../../api/status';
import { KEYS_PARAMETER, keptObjects, VPC_PARAMETER } from '../tier-parameters';
import { IDENTITY_PARAMETERS, sharedParameters, TierApi } from '../tier';
import { alarmResources, redisAlarmResources } from './alarms';
import { alarmTopicResources } from './alarm-topic';
import { dashboardResources } from './dashboard';
import { deadLetterQueueResources } from './dead-letter-queue';
import { backupFailureResources } from './backup-failures';
import { deploymentFailureResources } from './deployment-failures';
import { keyChangeResources } from './key-changes';
import { faultInjectionResources } from './fault-injection';
import { healthCheckResources } from './health-check';
import { xrayResources } from './xray';

/**
 * XOperations: what the platform team watches and drills: the encrypted alarm topic and its
 * e-mail subscriptions, the alarms of every tier, the dashboard, X-Ray's group and sampling rule,
 * the scheduled health check, the failed-deployment, failed-backup and key-change notices, their dead-letter queue, and the
 * AZ-failure experiment template.
 */
export const OPERATIONS_API: TierApi = {
  kind: 'XOperations',
  plural: 'xoperations',
  description: 'the alarms, alarm topic, dashboard, X-Ray settings, health check and AZ-failure experiment of one assessment platform.',
  parameters: obj(
    'Who is told, the sizing inputs (thresholds scale with the band), the keys, the network and the service the checks and the experiment act on.',
    {
      ...sharedParameters([...IDENTITY_PARAMETERS, 'capacity', 'operations', 'application']),
      keys: KEYS_PARAMETER,
      vpc: VPC_PARAMETER,
      alb: obj('The internal ALB (from the application tier).', { arn: str('ARN of the internal ALB.', { maxLength: 2048, pattern: '^arn:aws[a-z-]*:elasticloadbalancing:.+:loadbalancer/app/.+$' }) }),
      service: obj('The running service (from the application tier): what the health check starts.', {
        clusterArn: str('ARN of the ECS cluster.', { maxLength: 2048, pattern: '^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:cluster/.+$' }),
        taskDefinitionArn: str('ARN of the task definition revision the service runs.', { maxLength: 2048, pattern: '^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:task-definition/.+:[0-9]+$' }),
        albDnsName: str('DNS name of the internal ALB.', { maxLength: 253, pattern: '^[a-zA-Z0-9.-]+$' }),
      }),
    },
    { required: ['environment', 'environmentSuffix', 'owner', 'awsAccountId'], ...keptObjects('keys', 'vpc') },
  ),
  status: obj('Observed outputs of the operations tier.', { operations: OPERATIONS_STATUS }),
  resources: () => [
    ...alarmTopicResources(),
    ...alarmResources(),
    ...redisAlarmResources(),
    ...dashboardResources(),
    ...xrayResources(),
    ...deadLetterQueueResources(),
    ...healthCheckResources(),
    ...deploymentFailureResources(),
    ...backupFailureResources(),
    ...keyChangeResources(),
    ...faultInjectionResources(),
  ],
};
