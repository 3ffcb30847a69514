import { obj, str } from '../../api/schema';
import { API_STATUS } from '../../api/status';
import { KEYS_PARAMETER, VPC_PARAMETER, keptObjects } from '../tier-parameters';
import { IDENTITY_PARAMETERS, sharedParameters, TierApi } from '../tier';
import { accountLoggingResources } from './account-logging';
import { nlbResources } from './nlb';
import { restApiResources } from './rest-api';
import { stageResources } from './stage';
import { wafResources } from './waf';

/**
 * XEdge: the one public entry of one platform: API Gateway (REST, regional, IAM-authorized) with
 * throttling, X-Ray and encrypted access logs, the WAF in front of its stage, and the private path
 * behind it: VPC link -> internal NLB -> the application tier's internal ALB.
 */
export const EDGE_API: TierApi = {
  kind: 'XEdge',
  plural: 'xedges',
  description: 'the public front door of one assessment platform: API Gateway behind a WAF, reaching the internal ALB through a VPC link and an NLB.',
  parameters: obj(
    'The API to build, where its private path lives, the keys it uses and the ALB it reaches.',
    {
      ...sharedParameters([...IDENTITY_PARAMETERS, 'application', 'api']),
      vpc: VPC_PARAMETER,
      keys: KEYS_PARAMETER,
      alb: obj('The application tier\'s internal ALB. Until it is set, the NLB does not forward.', {
        arn: str('ARN of the internal ALB.', { pattern: '^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:loadbalancer/app/.+$', maxLength: 2048 }),
      }, { 'x-kubernetes-validations': [{ rule: '!has(oldSelf.arn) || (has(self.arn) && self.arn == oldSelf.arn)', message: 'spec.parameters.alb.arn cannot change or disappear once set' }] }),
    },
    { required: ['environment', 'environmentSuffix', 'owner', 'awsAccountId', 'application'], ...keptObjects('vpc', 'keys', 'alb') },
  ),
  status: obj('Observed outputs of the edge tier.', {
    api: {
      ...API_STATUS,
      properties: {
        ...API_STATUS.properties,
        rootResourceId: { type: 'string', description: 'ID of the API\'s root resource.' },
        policyId: { type: 'string', description: 'ID of the resource policy (the deployment waits for it).' },
        rootIntegrationId: { type: 'string', description: 'ID of the root integration (the deployment waits for it).' },
        proxyIntegrationId: { type: 'string', description: 'ID of the proxy integration (the deployment waits for it).' },
        deploymentId: { type: 'string', description: 'ID of the deployment the stage serves (the one of this Composition version).' },
        wafLogGroupArn: { type: 'string', description: 'ARN of the WAF log group.' },
      },
    },
  }),
  resources: () => [...nlbResources(), ...restApiResources(), ...stageResources(), ...accountLoggingResources(), ...wafResources()],
};
