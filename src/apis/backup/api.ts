import { obj, str } from '../../api/schema';
import { BACKUP_STATUS } from '../../api/status';
import { KEYS_PARAMETER, keptObjects } from '../tier-parameters';
import { IDENTITY_PARAMETERS, sharedParameters, TierApi } from '../tier';
import { backupPlanResources } from './backup-plan';
import { backupRoleResources } from './backup-role';
import { backupVaultResources } from './backup-vault';

/**
 * XBackup: backups beyond each store's own: an AWS Backup vault encrypted with the data-class
 * key, a daily plan, and its selection of the Aurora cluster and the EFS file system.
 */
export const BACKUP_API: TierApi = {
  kind: 'XBackup',
  plural: 'xbackups',
  description: 'the AWS Backup vault, plan and selection of one assessment platform.',
  parameters: obj(
    'How long backups are kept, the keys, and the stores to back up.',
    {
      ...sharedParameters([...IDENTITY_PARAMETERS, 'backup']),
      keys: KEYS_PARAMETER,
      stores: obj('The stores the plan covers (from the database and application tiers). Until both are set, the selection is not created.', {
        auroraClusterIdentifier: str('Identifier of the Aurora cluster.', { maxLength: 63, pattern: '^[a-z][a-z0-9-]*$' }),
        fileSystemId: str('ID of the EFS file system.', { maxLength: 64, pattern: '^fs-[0-9a-f]+$' }),
      }),
    },
    { required: ['environment', 'environmentSuffix', 'owner', 'awsAccountId'], ...keptObjects('keys') },
  ),
  status: obj('Observed outputs of the backup tier.', {
    backup: { ...BACKUP_STATUS, properties: { ...BACKUP_STATUS.properties, planId: { type: 'string', description: 'ID of the backup plan.' }, roleArn: { type: 'string', description: 'ARN of the backup role.' } } },
  }),
  resources: () => [...backupVaultResources(), ...backupRoleResources(), ...backupPlanResources()],
};
