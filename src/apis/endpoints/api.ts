import { obj, str } from '../../api/schema';
import { VPC_PARAMETER, keptObjects } from '../tier-parameters';
import { IDENTITY_PARAMETERS, sharedParameters, TierApi } from '../tier';
import { INTERFACE_ENDPOINTS, vpcEndpointResources } from './vpc-endpoints';

/**
 * XEndpoints: the VPC endpoints of one platform, attached: interface endpoints with private DNS
 * (Secrets Manager, KMS, ECR api and dkr, CloudWatch Logs, Kinesis, STS) in every private subnet
 * behind their own security group, and the S3 gateway endpoint on the private route tables. It
 * also holds the app tier's HTTPS egress, which reaches only these.
 */
export const ENDPOINTS_API: TierApi = {
  kind: 'XEndpoints',
  plural: 'xendpoints',
  description: `the VPC endpoints of one assessment platform (${INTERFACE_ENDPOINTS.map((e) => e.service).join(', ')}, and S3), attached to the private subnets and route tables.`,
  parameters: obj(
    'Where the endpoints go (IDs from the network tier) and the platform identity their names and tags carry.',
    { ...sharedParameters([...IDENTITY_PARAMETERS, 'network']), vpc: VPC_PARAMETER },
    { required: ['environment', 'environmentSuffix', 'owner', 'awsAccountId'], ...keptObjects('vpc') },
  ),
  status: obj('Observed outputs of the endpoints tier.', { s3PrefixListId: str("The S3 gateway endpoint's prefix list (the app tier's S3 egress rule names it).") }),
  resources: vpcEndpointResources,
};
