import { DEFAULT_REGION, ZONES } from '../../config';
import { AccessPointV1Beta2, BackupPolicyV1Beta2, FileSystemPolicy, FileSystemV1Beta2, MountTarget } from '../../../imports/efs-efs.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { policyPatchWith, PolicyDocument } from '../../composition/aws-policy';
import { fromXr, fromXrRequired, toXr } from '../../composition/patches';
import { baseTags, composed, LABEL, nameFromSuffix, awsName, sibling } from '../../composition/resource';
import { dataKeyArnPatch } from '../keys/kms-keys';
import { NFS_PORT, storeSecurityGroupResources } from '../network/security-groups';
import { APP_UID } from './names';

export const PRIVATE_SUBNET_IDS = 'spec.parameters.vpc.privateSubnetIds';
/** Zone c's mount target exists only with 3 AZs and once zone c's subnet ID is known (filters.ts). */
export const ZONE_C_MOUNT_TARGET = { name: 'efs-mount-target-c', ids: PRIVATE_SUBNET_IDS };

const fileSystem = sibling({ [LABEL.component]: 'efs-file-system' });

/**
 * The file system policy: no access without TLS, and the task role may mount and write only
 * through the access point. Nothing else in the account is admitted by this policy.
 */
export const FILE_SYSTEM_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyWithoutTls',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: '*',
      Resource: '${FILE_SYSTEM_ARN}',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
    {
      Sid: 'TaskRoleThroughAccessPoint',
      Effect: 'Allow',
      Principal: { AWS: '${TASK_ROLE_ARN}' },
      Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
      Resource: '${FILE_SYSTEM_ARN}',
      Condition: { StringEquals: { 'elasticfilesystem:AccessPointArn': '${ACCESS_POINT_ARN}' }, Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } },
    },
  ],
};

/**
 * EFS for the service's shared files: encrypted with the data-class key, elastic throughput,
 * lifecycle to Infrequent Access after 30 days (back on first access), automatic backups, a mount
 * target in every private subnet behind its own group (2049 from the app tier only), an access
 * point with the service's POSIX user, and the policy above. The file system is kept by a prod
 * retirement: unlike Aurora and Redis it leaves no final snapshot (README "Deleting and retiring").
 */
export function efsResources(): ResourcesResources[] {
  return [
    ...storeSecurityGroupResources('efs', NFS_PORT, 'EFS (NFS over TLS)', 'application'),
    composed({
      name: 'efs-file-system',
      retainedInProd: true,
      base: FileSystemV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'efs-file-system' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            encrypted: true,
            performanceMode: 'generalPurpose',
            throughputMode: 'elastic',
            lifecyclePolicy: [{ transitionToIa: 'AFTER_30_DAYS' }, { transitionToPrimaryStorageClass: 'AFTER_1_ACCESS' }],
            tags: baseTags('application'),
          },
        },
      }),
      patches: [
        nameFromSuffix('spec.forProvider.creationToken', awsName('files')),
        dataKeyArnPatch('spec.forProvider.kmsKeyId'),
        toXr('status.atProvider.id', 'status.application.fileSystemId'),
        toXr('status.atProvider.arn', 'status.application.fileSystemArn'),
      ],
    }),
    composed({
      name: 'efs-backup-policy',
      taggable: false,
      // EFS's automatic backups off, explicitly: the backup tier's plan backs the file system up
      // daily into the platform's vault, encrypted with the data-class key, while automatic backups
      // would keep a second copy of student records in aws/efs/automatic-backup-vault, under AWS
      // Backup's AWS managed key. Kept with the file system on a prod retirement.
      retainedInProd: true,
      base: BackupPolicyV1Beta2.manifest({ spec: { forProvider: { region: DEFAULT_REGION, fileSystemIdSelector: fileSystem, backupPolicy: { status: 'DISABLED' } } } }),
    }),
    composed({
      name: 'efs-access-point',
      base: AccessPointV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'efs-access-point' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            fileSystemIdSelector: fileSystem,
            posixUser: { uid: APP_UID, gid: APP_UID },
            rootDirectory: { path: '/assessment', creationInfo: { ownerUid: APP_UID, ownerGid: APP_UID, permissions: '0750' } },
            tags: baseTags('application'),
          },
        },
      }),
      patches: [toXr('status.atProvider.id', 'status.application.accessPointId'), toXr('status.atProvider.arn', 'status.application.accessPointArn')],
    }),
    composed({
      name: 'efs-file-system-policy',
      taggable: false,
      base: FileSystemPolicy.manifest({ spec: { forProvider: { region: DEFAULT_REGION, fileSystemIdSelector: fileSystem, bypassPolicyLockoutSafetyCheck: false } } }),
      patches: [
        policyPatchWith(FILE_SYSTEM_POLICY, 'spec.forProvider.policy', {
          '${FILE_SYSTEM_ARN}': 'status.application.fileSystemArn',
          '${TASK_ROLE_ARN}': 'status.application.taskRoleArn',
          '${ACCESS_POINT_ARN}': 'status.application.accessPointArn',
        }),
      ],
    }),
    ...ZONES.map((zone, i) =>
      composed({
        name: `efs-mount-target-${zone}`,
        taggable: false,
        base: MountTarget.manifest({
          metadata: { labels: { [LABEL.component]: 'efs-mount-target', [LABEL.zone]: zone } },
          spec: { forProvider: { region: DEFAULT_REGION, fileSystemIdSelector: fileSystem, securityGroupsSelector: sibling({ [LABEL.tier]: 'efs' }) } },
        }),
        patches: [i < 2 ? fromXrRequired(`${PRIVATE_SUBNET_IDS}[${i}]`, 'spec.forProvider.subnetId') : fromXr(`${PRIVATE_SUBNET_IDS}[${i}]`, 'spec.forProvider.subnetId')],
      }),
    ),
  ];
}
