import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { BACKUP_VAULT_PREFIX } from '../backup/names';
import { BACKUP_RULE } from './names';
import { noticeRuleResources } from './notice-rule';

/**
 * AWS Backup reports each job's end; a job of the platform's vault (every vault of this suffix:
 * its name carries the tier's UID) that failed, was aborted or expired before it could start means
 * a day without a backup.
 */
export const BACKUP_FAILED_PATTERN = {
  source: ['aws.backup'],
  'detail-type': ['Backup Job State Change'],
  detail: { state: ['FAILED', 'ABORTED', 'EXPIRED'], backupVaultName: [{ prefix: BACKUP_VAULT_PREFIX }] },
};

/** The rule that sends a failed backup job to the alarm topic. */
export function backupFailureResources(): ResourcesResources[] {
  return noticeRuleResources({
    name: 'backup-failed-rule',
    ruleName: BACKUP_RULE,
    description: "A daily backup of the platform's Aurora cluster or file system failed, was aborted or expired",
    pattern: BACKUP_FAILED_PATTERN,
  });
}
