import { TOKEN } from '../../composition/aws-policy';

/** The platform's backup vault (its name also carries the backup tier's UID: backup-vault.ts) and plan. */
export const BACKUP_VAULT = `ap-backup-${TOKEN.suffix}`;
/** Every vault of this suffix, as the failed-backup rule matches them. */
export const BACKUP_VAULT_PREFIX = `ap-backup-${TOKEN.suffix}-`;
export const BACKUP_PLAN = `ap-backup-${TOKEN.suffix}`;
/** The role AWS Backup takes the backups with (IAM is global: it carries the region). */
export const BACKUP_ROLE = `ap-backup-${TOKEN.suffix}-${TOKEN.region}`;
/** Daily, at 03:00 UTC, outside exam hours in the default region; AWS starts it within an hour. */
export const BACKUP_SCHEDULE = 'cron(0 3 * * ? *)';
/** AWS's managed policy for a Backup service role (what AWS Backup needs to snapshot Aurora and back up EFS). */
export const BACKUP_MANAGED_POLICY = 'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup';
