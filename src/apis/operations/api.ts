import { obj, str } from '../../api/schema';
import { OPERATIONS_STATUS } from '../../api/status';
import { KEYS_PARAMETER, keptObjects } from '../tier-parameters';
import { IDENTITY_PARAMETERS, sharedParameters, TierApi } from '../tier';
import { alarmResources } from './alarms';
import { alarmTopicResources } from './alarm-topic';
import { dashboardResources } from './dashboard';
import { xrayResources } from './xray';

/**
 * XOperations: what the platform team watches: the encrypted alarm topic and its e-mail
 * subscriptions, the alarms of every tier, the dashboard, and X-Ray's group and sampling rule.
 */
export const OPERATIONS_API: TierApi = {
  kind: 'XOperations',
  plural: 'xoperations',
  description: 'the alarms, alarm topic, dashboard and X-Ray settings of one assessment platform.',
  parameters: obj(
    'Who is told, the sizing inputs (thresholds scale with the band), the keys and the ALB the alarms watch.',
    {
      ...sharedParameters([...IDENTITY_PARAMETERS, 'capacity', 'operations']),
      keys: KEYS_PARAMETER,
      alb: obj('The internal ALB (from the application tier).', { arn: str('ARN of the internal ALB.', { maxLength: 2048, pattern: '^arn:aws[a-z-]*:elasticloadbalancing:.+:loadbalancer/app/.+$' }) }),
    },
    { required: ['environment', 'environmentSuffix', 'owner', 'awsAccountId'], ...keptObjects('keys') },
  ),
  status: obj('Observed outputs of the operations tier.', { operations: OPERATIONS_STATUS }),
  resources: () => [...alarmTopicResources(), ...alarmResources(), ...dashboardResources(), ...xrayResources()],
};
