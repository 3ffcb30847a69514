import { DEFAULT_REGION } from '../../config';
import { ParameterGroup, ReplicationGroupV1Beta2, SubnetGroup } from '../../../imports/elasticache-elasticache.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { sizedBy } from '../../sizing/sizing-patches';
import { tokenPatch } from '../../composition/aws-policy';
import { dataKeyArnPatch, REDIS_LOG_GROUP } from '../keys/kms-keys';
import { encryptedLogGroup } from '../../composition/logging/log-group';
import { fromXr, toXr, XR } from '../../composition/patches';
import { awsName, baseTags, composed, EXTERNAL_NAME, finalSnapshotName, LABEL, nameFromSuffix, sibling } from '../../composition/resource';
import { REDIS_PORT } from '../network/security-groups';
import { dataSubnetGroupFields, dataSubnetIdsPatch } from '../network/subnets';

export const REDIS_FAMILY = 'redis7';

/**
 * ElastiCache Redis OSS in cluster mode: shards and replicas from the capacity table, Multi-AZ
 * with automatic failover, TLS required in transit, at rest encrypted with the data-class key,
 * RBAC through the user group (IAM authentication, no token), slow log to an encrypted log group,
 * daily snapshots and a final snapshot on delete.
 */
export function redisResources(): ResourcesResources[] {
  return [
    composed({
      name: 'redis-subnet-group',
      awsName: 'redis',
      nameFields: [EXTERNAL_NAME],
      base: SubnetGroup.manifest({
        metadata: { labels: { [LABEL.component]: 'redis-subnet-group' } },
        spec: { forProvider: dataSubnetGroupFields('ElastiCache: isolated data subnets only', 'cache') },
      }),
      patches: [dataSubnetIdsPatch()],
    }),
    composed({
      name: 'redis-parameter-group',
      awsName: 'redis',
      nameFields: ['spec.forProvider.name', EXTERNAL_NAME],
      base: ParameterGroup.manifest({
        metadata: { labels: { [LABEL.component]: 'redis-parameter-group' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            family: REDIS_FAMILY,
            description: 'Assessment platform: cluster mode',
            parameter: [{ name: 'cluster-enabled', value: 'yes' }],
            tags: baseTags('cache'),
          },
        },
      }),
    }),
    encryptedLogGroup('redis-slow-log-group', REDIS_LOG_GROUP, 'redis-slow-log'),
    composed({
      name: 'redis',
      awsName: 'redis',
      nameFields: [EXTERNAL_NAME],
      base: ReplicationGroupV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'redis' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            description: 'Assessment platform session and answer cache',
            engine: 'redis',
            clusterMode: 'enabled',
            port: REDIS_PORT,
            automaticFailoverEnabled: true,
            multiAzEnabled: true,
            transitEncryptionEnabled: true,
            transitEncryptionMode: 'required',
            atRestEncryptionEnabled: 'true',
            autoMinorVersionUpgrade: 'false',
            // A reviewed claim change is the change window: node-type and engine changes apply now,
            // never deferred to the maintenance window while the provider re-issues them on every
            // poll (it reads back the old value until then). Shard and replica changes are always
            // immediate in AWS. Same in every environment (README "Changes to a running environment").
            applyImmediately: true,
            subnetGroupNameSelector: sibling({ [LABEL.component]: 'redis-subnet-group' }),
            securityGroupIdSelector: sibling({ [LABEL.tier]: 'redis' }),
            snapshotWindow: '02:00-03:00',
            maintenanceWindow: 'sun:04:00-sun:05:00',
            logDeliveryConfiguration: [{ destinationType: 'cloudwatch-logs', logFormat: 'json', logType: 'slow-log' }],
            tags: baseTags('cache'),
          },
        },
      }),
      patches: [
        nameFromSuffix('spec.forProvider.parameterGroupName', awsName('redis')),
        finalSnapshotName('spec.forProvider.finalSnapshotIdentifier', 'redis-final'),
        nameFromSuffix('spec.forProvider.userGroupIds[0]', awsName('redis')),
        tokenPatch(REDIS_LOG_GROUP, 'spec.forProvider.logDeliveryConfiguration[0].destination'),
        fromXr(`${XR.cache}.engineVersion`, 'spec.forProvider.engineVersion'),
        fromXr(`${XR.cache}.snapshotRetentionDays`, 'spec.forProvider.snapshotRetentionLimit'),
        dataKeyArnPatch('spec.forProvider.kmsKeyId'),
        ...sizedBy('cacheNodeType', 'spec.forProvider.nodeType', `${XR.cache}.nodeType`),
        ...sizedBy('cacheShards', 'spec.forProvider.numNodeGroups', `${XR.cache}.shards`),
        ...sizedBy('cacheReplicas', 'spec.forProvider.replicasPerNodeGroup', `${XR.cache}.replicas`),
        toXr('status.atProvider.configurationEndpointAddress', 'status.cache.configurationEndpoint'),
        toXr('spec.deletionPolicy', 'status.deletionSafety.redisDeletionPolicy'),
        toXr('spec.forProvider.port', 'status.cache.port'),
        toXr('spec.forProvider.nodeType', 'status.sizing.cacheNodeType'),
        toXr('spec.forProvider.numNodeGroups', 'status.sizing.cacheShards'),
        toXr('spec.forProvider.replicasPerNodeGroup', 'status.sizing.cacheReplicas'),
      ],
      connectionDetails: {
        redisEndpoint: 'status.atProvider.configurationEndpointAddress',
        redisPort: 'spec.forProvider.port',
      },
    }),
  ];
}
