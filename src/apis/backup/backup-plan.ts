import { DEFAULT_REGION } from '../../config';
import { PlanV1Beta2, Selection } from '../../../imports/backup-backup.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { TOKEN, tokenPatch } from '../../composition/aws-policy';
import { fromXr, fromXrRequired, toXr } from '../../composition/patches';
import { baseTags, composed, LABEL, sibling } from '../../composition/resource';
import { BACKUP_PLAN, BACKUP_SCHEDULE } from './names';

/** Where the backup tier finds the stores it covers (from the platform). */
export const STORES_PARAMETER = 'spec.parameters.stores';
const AURORA_ARN = `arn:aws:rds:${TOKEN.region}:${TOKEN.account}:cluster:\${CLUSTER_ID}`;
const EFS_ARN = `arn:aws:elasticfilesystem:${TOKEN.region}:${TOKEN.account}:file-system/\${FILE_SYSTEM_ID}`;

/**
 * The backup plan: one daily rule into the vault, started within an hour of BACKUP_SCHEDULE and
 * finished within twelve, each recovery point kept `backup.retentionDays` (at least 35 in prod), and
 * one selection: the Aurora cluster and the EFS file system, by ARN, taken with the backup role.
 */
export function backupPlanResources(): ResourcesResources[] {
  return [
    composed({
      name: 'backup-plan',
      base: PlanV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'backup-plan' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            rule: [
              {
                ruleName: 'daily',
                schedule: BACKUP_SCHEDULE,
                scheduleExpressionTimezone: 'Etc/UTC',
                startWindow: 60,
                // Twelve hours: a first full backup of a large file system takes long.
                completionWindow: 720,
                recoveryPointTags: baseTags('backup'),
                targetVaultNameSelector: sibling({ [LABEL.component]: 'backup-vault' }),
              },
            ],
            tags: baseTags('backup'),
          },
        },
      }),
      patches: [
        tokenPatch(BACKUP_PLAN, 'spec.forProvider.name'),

        fromXr('spec.parameters.backup.retentionDays', 'spec.forProvider.rule[0].lifecycle.deleteAfter'),
        toXr('status.atProvider.id', 'status.backup.planId'),
        toXr('status.atProvider.arn', 'status.backup.planArn'),
      ],
    }),
    composed({
      name: 'backup-selection',
      taggable: false,
      base: Selection.manifest({ spec: { forProvider: { region: DEFAULT_REGION } } }),
      patches: [
        tokenPatch(`ap-stores-${TOKEN.suffix}`, 'spec.forProvider.name'),
        fromXrRequired('status.backup.planId', 'spec.forProvider.planId'),
        fromXrRequired('status.backup.roleArn', 'spec.forProvider.iamRoleArn'),
        tokenPatch(AURORA_ARN, 'spec.forProvider.resources[0]', { '${CLUSTER_ID}': `${STORES_PARAMETER}.auroraClusterIdentifier` }),
        tokenPatch(EFS_ARN, 'spec.forProvider.resources[1]', { '${FILE_SYSTEM_ID}': `${STORES_PARAMETER}.fileSystemId` }),
      ],
    }),
  ];
}
