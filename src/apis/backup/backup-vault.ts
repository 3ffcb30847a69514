import { DEFAULT_REGION } from '../../config';
import { Vault } from '../../../imports/backup-backup.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { TOKEN } from '../../composition/aws-policy';
import { combine, regexpGroup, toXr, XR } from '../../composition/patches';
import { baseTags, composed, EXTERNAL_NAME, LABEL } from '../../composition/resource';
import { dataKeyArnPatch } from '../keys/kms-keys';
import { BACKUP_VAULT } from './names';

/**
 * The backup vault: its recovery points are encrypted with the data-class key (the one the stores
 * use), and it is never deleted by Crossplane, in any environment: backups exist to outlive a
 * mistake, an accidental claim deletion included. AWS refuses to delete a vault that holds recovery
 * points, so a Delete policy would hold a dev teardown for up to the retention; orphaned, the vault
 * stays and its recovery points expire by the plan's retention. `forceDestroy` stays false. Its
 * name, `ap-backup-<suffix>-<tier UID>` (50 characters at most), is new for every claim.
 */
export function backupVaultResources(): ResourcesResources[] {
  return [
    composed({
      name: 'backup-vault',
      alwaysRetained: true,
      base: Vault.manifest({
        metadata: { labels: { [LABEL.component]: 'backup-vault' } },
        spec: { forProvider: { region: DEFAULT_REGION, forceDestroy: false, tags: baseTags('backup') } },
      }),
      patches: [
        // Named by this tier's UID too: a claim re-created with the same suffix gets its own vault
        // (with its own key) instead of adopting the kept one, whose key AWS cannot change.
        combine([XR.suffix, 'metadata.uid'], `${BACKUP_VAULT.replace(TOKEN.suffix, '%s')}-%s`, EXTERNAL_NAME, regexpGroup('^(.{1,50})', 1)),
        dataKeyArnPatch('spec.forProvider.kmsKeyArn'),
        toXr('status.atProvider.arn', 'status.backup.vaultArn'),
        toXr(EXTERNAL_NAME, 'status.backup.vaultName'),
      ],
    }),
  ];
}
