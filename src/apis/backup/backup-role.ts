import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { serviceRoleResources } from '../../composition/iam-role';
import { toXr } from '../../composition/patches';
import { BACKUP_MANAGED_POLICY, BACKUP_ROLE } from './names';

/**
 * The role AWS Backup takes the plan's backups with: AWS's managed backup policy (snapshots of the
 * selected Aurora cluster, EFS backups, the grants on their keys; restores are an operator's act
 * with their own role, README "Backups"). AWS documents this service role's trust without
 * confused-deputy conditions.
 */
export function backupRoleResources(): ResourcesResources[] {
  return serviceRoleResources({
    name: 'backup-role',
    roleName: BACKUP_ROLE,
    description: 'AWS Backup: takes the daily backups of the Aurora cluster and the EFS file system',
    component: 'backup',
    service: 'backup.amazonaws.com',
    trust: { none: "AWS Backup's documented service-role trust has no confused-deputy condition keys" },
    managedPolicyArns: [BACKUP_MANAGED_POLICY],
    // Kept with the vault: AWS Backup manages a recovery point's lifecycle (its expiry) with the
    // role that took it; without it, expired recovery points would stay, billed.
    alwaysRetained: true,
    patches: [toXr('status.atProvider.arn', 'status.backup.roleArn')],
  });
}
