import { DEFAULT_REGION, LABEL_PREFIX } from '../../config';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { ClusterV1Beta2 } from '../../../imports/rds-rds.aws.upbound.io';
import { sizedBy } from '../../sizing/sizing-patches';
import { convertTo, fromXr, fromXrRequired, toXr, XR } from '../../composition/patches';
import { AURORA_IAM_AUTH_LOG_GROUP, AURORA_LOG_GROUP, dataKeyArnPatch } from '../keys/kms-keys';
import { keyArnPatch } from '../../composition/keys-tier';
import { encryptedLogGroup } from '../../composition/logging/log-group';
import { auroraDeletionProtectionPatch } from '../../composition/protection';
import { baseTags, composed, EXTERNAL_NAME, finalSnapshotName, LABEL, sibling } from '../../composition/resource';

export const DATABASE_NAME = 'assessments';
export const MASTER_USERNAME = 'platform_admin';

/**
 * Annotations on the cluster that carry the sizing in force to the XR status: the capacity-table
 * tier, and the readers (the claim's override, else the table's value). They have no AWS effect.
 */
export const SIZING_ANNOTATION = {
  tier: `metadata.annotations[${LABEL_PREFIX}/capacity-tier]`,
  readers: `metadata.annotations[${LABEL_PREFIX}/database-readers]`,
} as const;

/**
 * The Aurora PostgreSQL Serverless v2 cluster. Storage and Performance Insights are encrypted with
 * the data-class key; the master password is generated and kept by RDS in Secrets Manager under
 * the secrets key (never in a manifest); IAM database authentication is on; deletion protection
 * and a final snapshot guard against loss; postgresql logs go to an encrypted log group.
 */
/** The logs Aurora exports to CloudWatch: the postgresql log (pgaudit, connections) and IAM authentication failures. */
export const AURORA_LOG_EXPORTS = [
  { log: 'postgresql', name: 'aurora-postgresql-log-group', group: AURORA_LOG_GROUP, status: 'logGroupArn' },
  { log: 'iam-db-auth-error', name: 'aurora-iam-auth-error-log-group', group: AURORA_IAM_AUTH_LOG_GROUP, status: 'iamAuthErrorLogGroupArn' },
] as const;

/**
 * The log groups RDS exports to. Composed, so they are encrypted with the logs key, kept
 * LOG_RETENTION_DAYS and tagged; left to RDS they would be created with none of that. Their ARNs
 * come back through the XR status, and the cluster waits for both (below), so each group exists
 * before RDS starts exporting to it.
 */
export function auroraLogGroupResources(): ResourcesResources[] {
  return AURORA_LOG_EXPORTS.map((e) => encryptedLogGroup(e.name, e.group, `aurora-${e.log}-log`, toXr('status.atProvider.arn', `status.database.${e.status}`)));
}

export function auroraClusterResource(): ResourcesResources {
  return composed({
    name: 'aurora-cluster',
    awsName: 'aurora',
    nameFields: [EXTERNAL_NAME],
    base: ClusterV1Beta2.manifest({
      metadata: { labels: { [LABEL.component]: 'aurora-cluster' } },
      spec: {
        forProvider: {
          region: DEFAULT_REGION,
          engine: 'aurora-postgresql',
          engineMode: 'provisioned',
          databaseName: DATABASE_NAME,
          masterUsername: MASTER_USERNAME,
          manageMasterUserPassword: true,
          storageEncrypted: true,
          iamDatabaseAuthenticationEnabled: true,
          enabledCloudwatchLogsExports: AURORA_LOG_EXPORTS.map((e) => e.log),
          performanceInsightsEnabled: true,
          performanceInsightsRetentionPeriod: 7,
          preferredBackupWindow: '01:00-02:00',
          preferredMaintenanceWindow: 'sun:03:00-sun:04:00',
          copyTagsToSnapshot: true,
          skipFinalSnapshot: false,
          // Automated backups outlive the cluster for their retention period (RDS's "retained
          // automated backups"), so a retirement keeps point-in-time recovery, not only the final
          // snapshot. (Terraform's default would delete them with the cluster.)
          deleteAutomatedBackups: false,
          // As for Redis: a merged claim change (engine version, backup window) applies now, not in
          // the maintenance window while the provider keeps seeing a diff and re-issuing it.
          applyImmediately: true,
          dbSubnetGroupNameSelector: sibling({ [LABEL.component]: 'aurora-subnet-group' }),
          dbClusterParameterGroupNameSelector: sibling({ [LABEL.component]: 'aurora-cluster-parameter-group' }),
          vpcSecurityGroupIdSelector: sibling({ [LABEL.tier]: 'aurora' }),
          tags: baseTags('database'),
        },
      },
    }),
    patches: [
      finalSnapshotName('spec.forProvider.finalSnapshotIdentifier', 'aurora-final'),
      fromXr(`${XR.db}.engineVersion`, 'spec.forProvider.engineVersion'),
      fromXr(`${XR.db}.backupRetentionDays`, 'spec.forProvider.backupRetentionPeriod'),
      // A restore: read by AWS only when the cluster is created, so in initProvider (never
      // compared afterwards). Absent in the claim, these patches set nothing: an empty database.
      fromXr(`${XR.db}.restoreFrom.snapshot`, 'spec.initProvider.snapshotIdentifier'),
      fromXr(`${XR.db}.restoreFrom.pointInTime.sourceClusterIdentifier`, 'spec.initProvider.restoreToPointInTime.sourceClusterIdentifier'),
      fromXr(`${XR.db}.restoreFrom.pointInTime.sourceClusterResourceId`, 'spec.initProvider.restoreToPointInTime.sourceClusterResourceId'),
      fromXr(`${XR.db}.restoreFrom.pointInTime.restoreToTime`, 'spec.initProvider.restoreToPointInTime.restoreToTime'),
      fromXr(`${XR.db}.restoreFrom.pointInTime.latestRestorableTime`, 'spec.initProvider.restoreToPointInTime.useLatestRestorableTime'),
      auroraDeletionProtectionPatch(),
      // Storage: the data-class key; the master secret: the secrets key. ARNs from the keys tier.
      dataKeyArnPatch('spec.forProvider.kmsKeyId'),
      keyArnPatch('secretsKeyArn', 'spec.forProvider.masterUserSecretKmsKeyId'),
      // v1beta2 Cluster has no selector for this key; its ARN comes back through the XR status.
      // Performance Insights holds SQL text: the data-class key, by ARN (what AWS reads back).
      dataKeyArnPatch('spec.forProvider.performanceInsightsKmsKeyId'),
      // Not composed until its log groups exist (no AWS effect: annotations).
      ...AURORA_LOG_EXPORTS.map((e) => fromXrRequired(`status.database.${e.status}`, `metadata.annotations[${LABEL_PREFIX}/${e.log}-log-group-arn]`)),
      ...sizedBy('auroraMinAcu', 'spec.forProvider.serverlessv2ScalingConfiguration.minCapacity', `${XR.db}.minCapacity`),
      ...sizedBy('auroraMaxAcu', 'spec.forProvider.serverlessv2ScalingConfiguration.maxCapacity', `${XR.db}.maxCapacity`),
      ...sizedBy('tier', SIZING_ANNOTATION.tier),
      ...sizedBy('auroraReaders', SIZING_ANNOTATION.readers, `${XR.db}.readers`, convertTo('string')),
      toXr(SIZING_ANNOTATION.tier, 'status.sizing.tier'),
      toXr(SIZING_ANNOTATION.readers, 'status.sizing.databaseReaders', convertTo('int64')),
      toXr('metadata.annotations[crossplane.io/external-name]', 'status.database.clusterIdentifier'),
      toXr('status.atProvider.endpoint', 'status.database.endpoint'),
      toXr('status.atProvider.readerEndpoint', 'status.database.readerEndpoint'),
      toXr('status.atProvider.port', 'status.database.port'),
      toXr('status.atProvider.masterUserSecret[0].secretArn', 'status.database.masterUserSecretArn'),
      // What the deletion guard (src/api/deletion-guard.ts) checks before it admits a delete.
      toXr('status.atProvider.deletionProtection', 'status.deletionSafety.auroraDeletionProtection'),
      toXr('spec.deletionPolicy', 'status.deletionSafety.auroraDeletionPolicy'),
      toXr('spec.forProvider.serverlessv2ScalingConfiguration.minCapacity', 'status.sizing.databaseMinCapacity'),
      toXr('spec.forProvider.serverlessv2ScalingConfiguration.maxCapacity', 'status.sizing.databaseMaxCapacity'),
    ],
    connectionDetails: {
      databaseEndpoint: 'status.atProvider.endpoint',
      databaseReaderEndpoint: 'status.atProvider.readerEndpoint',
      databasePort: 'status.atProvider.port',
      databaseMasterUserSecretArn: 'status.atProvider.masterUserSecret[0].secretArn',
    },
  });
}
