import { DEFAULT_CONTAINER_PORT } from '../../api/parameters';
import { int, obj } from '../../api/schema';
import { NETWORK_STATUS } from '../../api/status';
import { KEYS_PARAMETER, keptObjects } from '../tier-parameters';
import { IDENTITY_PARAMETERS, sharedParameters, TierApi } from '../tier';
import { flowLogResources } from './flow-logs';
import { natResources } from './nat';
import { routingResources } from './routing';
import { securityGroupResources } from './security-groups';
import { subnetResources } from './subnets';
import { vpcResources } from './vpc';

/**
 * XNetwork: the VPC of one platform over 2 or 3 AZs: public, private and isolated data subnets,
 * routing, NAT gateways, the traffic path's security groups (NLB, ALB, app) and their rules, the default security group
 * without rules, and flow logs. Its status gives the store tiers the VPC, the data subnets and the
 * app's security group.
 */
export const NETWORK_API: TierApi = {
  kind: 'XNetwork',
  plural: 'xnetworks',
  description: 'the VPC of one assessment platform: subnets per tier and AZ, routing, NAT, security groups and flow logs.',
  parameters: obj(
    'The VPC to build, and the platform identity its names and tags carry.',
    {
      ...sharedParameters([...IDENTITY_PARAMETERS, 'network']),
      application: obj('What the traffic path\'s rules need of the application.', {
        containerPort: int(`Port the application tasks serve on; the ALB reaches them on it. Default: ${DEFAULT_CONTAINER_PORT}.`, 1024, 65535, { default: DEFAULT_CONTAINER_PORT }),
      }, { default: {} }),
      keys: KEYS_PARAMETER,
    },
    { required: ['environment', 'environmentSuffix', 'owner', 'awsAccountId'], ...keptObjects('keys') },
  ),
  status: obj('Observed outputs of the network tier.', { network: NETWORK_STATUS }),
  resources: () => [...vpcResources(), ...subnetResources(), ...natResources(), ...routingResources(), ...securityGroupResources(), ...flowLogResources()],
};
