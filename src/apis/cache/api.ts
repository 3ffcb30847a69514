import { obj } from '../../api/schema';
import { CACHE_STATUS, DELETION_SAFETY_STATUS, SIZING_STATUS } from '../../api/status';
import { deletionOrderResources } from '../../composition/deletion-order';
import { KEYS_PARAMETER, VPC_PARAMETER, keptObjects } from '../tier-parameters';
import { IDENTITY_PARAMETERS, sharedParameters, TierApi } from '../tier';
import { REDIS_PORT, storeSecurityGroupResources } from '../network/security-groups';
import { CACHE_DEPENDENCIES } from './deletion-order';
import { redisResources } from './redis';
import { redisAuthResources } from './redis-auth';
import { REDIS_URL_KEY, redisConnectionSecretResources } from './redis-connection-secret';

/**
 * XCache: ElastiCache Redis OSS of one platform: the replication group (cluster mode, Multi-AZ,
 * TLS, KMS), its users and user group, subnet and parameter groups, its security group with the
 * app tier's two rules, the slow-log group and the rediss:// URL in Secrets Manager, deleted in a
 * safe order (ClusterUsages).
 */
export const CACHE_API: TierApi = {
  kind: 'XCache',
  plural: 'xcaches',
  description: 'the ElastiCache Redis cluster of one assessment platform, sized by the capacity table.',
  parameters: obj(
    'The cache to build, its sizing inputs, where it lives and the keys it uses.',
    { ...sharedParameters([...IDENTITY_PARAMETERS, 'capacity', 'network', 'cache']), vpc: VPC_PARAMETER, keys: KEYS_PARAMETER },
    { required: ['environment', 'environmentSuffix', 'owner', 'awsAccountId'], ...keptObjects('vpc', 'keys') },
  ),
  status: obj('Observed outputs of the cache tier.', { cache: CACHE_STATUS, sizing: SIZING_STATUS, deletionSafety: DELETION_SAFETY_STATUS }),
  // The URL travels through the tier's own connection secret into Secrets Manager (redis-connection-secret.ts).
  connectionSecretKeys: [REDIS_URL_KEY],
  resources: () => [
    ...storeSecurityGroupResources('redis', REDIS_PORT, 'ElastiCache Redis', 'cache'),
    ...redisAuthResources(),
    ...redisResources(),
    ...redisConnectionSecretResources(),
    ...deletionOrderResources(CACHE_DEPENDENCIES),
  ],
};
