import { obj } from '../../api/schema';
import { DATABASE_STATUS, DELETION_SAFETY_STATUS, SIZING_STATUS } from '../../api/status';
import { deletionOrderResources } from '../../composition/deletion-order';
import { KEYS_PARAMETER, VPC_PARAMETER, keptObjects } from '../tier-parameters';
import { IDENTITY_PARAMETERS, sharedParameters, TierApi } from '../tier';
import { storeSecurityGroupResources, POSTGRES_PORT } from '../network/security-groups';
import { auroraClusterResource, auroraLogGroupResources } from './aurora-cluster';
import { auroraInstanceResources } from './aurora-instances';
import { auroraNetworkResources } from './aurora-network';
import { DATABASE_DEPENDENCIES } from './deletion-order';
import { masterSecretRotationResource } from './master-secret-rotation';

/**
 * XDatabase: Aurora PostgreSQL Serverless v2 of one platform: cluster, writer and readers, subnet
 * and parameter groups, its security group with the app tier's two rules, the exported log groups
 * and the master secret's rotation, deleted in a safe order (ClusterUsages).
 */
export const DATABASE_API: TierApi = {
  kind: 'XDatabase',
  plural: 'xdatabases',
  description: 'the Aurora PostgreSQL cluster of one assessment platform, sized by the capacity table.',
  parameters: obj(
    'The database to build, its sizing inputs, where it lives and the keys it uses.',
    { ...sharedParameters([...IDENTITY_PARAMETERS, 'capacity', 'network', 'database']), vpc: VPC_PARAMETER, keys: KEYS_PARAMETER },
    { required: ['environment', 'environmentSuffix', 'owner', 'awsAccountId'], ...keptObjects('vpc', 'keys') },
  ),
  status: obj('Observed outputs of the database tier.', { database: DATABASE_STATUS, sizing: SIZING_STATUS, deletionSafety: DELETION_SAFETY_STATUS }),
  resources: () => [
    ...storeSecurityGroupResources('aurora', POSTGRES_PORT, 'Aurora PostgreSQL', 'database'),
    ...auroraNetworkResources(),
    ...auroraLogGroupResources(),
    auroraClusterResource(),
    ...auroraInstanceResources(),
    masterSecretRotationResource(),
    ...deletionOrderResources(DATABASE_DEPENDENCIES),
  ],
};
