import { ResourcesResources } from '../../imports/pt-pt.fn.crossplane.io';
import { APPLICATION_API } from '../apis/application/api';
import { CACHE_API } from '../apis/cache/api';
import { DATABASE_API } from '../apis/database/api';
import { EDGE_API } from '../apis/edge/api';
import { ENDPOINTS_API } from '../apis/endpoints/api';
import { EVENTS_API } from '../apis/events/api';
import { AUDIT_API } from '../apis/audit/api';
import { OPERATIONS_API } from '../apis/operations/api';
import { BACKUP_API } from '../apis/backup/api';
import { INTEGRATIONS_API } from '../apis/integrations/api';
import { KEYS_API } from '../apis/keys/api';
import { NETWORK_API } from '../apis/network/api';
import { IDENTITY_PARAMETERS, TierApi } from '../apis/tier';
import { API_GROUP, API_VERSION, CROSSPLANE_NAMESPACE } from '../config';
import { Dependency, deletionOrderResources, party, protectedWhileComposed } from './deletion-order';
import { KEY_ARN_FIELDS, keyArnsToTier } from './keys-tier';
import { IMAGE_REPOSITORY_REGEXP } from '../api/parameters';
import { API_STATUS, APPLICATION_STATUS, AUDIT_STATUS, BACKUP_STATUS, EVENTS_STATUS, OPERATIONS_STATUS } from '../api/status';
import { ALB_LOG_DELIVERY_PRINCIPALS, LOG_DELIVERY_SERVICE_PRINCIPAL } from '../apis/application/alb-log-delivery';
import { combine, fromXr, matchLiteral, Patch, regexpGroup, toXr } from './patches';
import { composed, LABEL } from './resource';

/**
 * The platform's composed resources: one composite resource per tier, the values passed between
 * them through the platform's status, and the order in which they go. Everything AWS is inside
 * the tiers.
 */

const identity = (): Patch[] => IDENTITY_PARAMETERS.map((p) => fromXr(`spec.parameters.${p}`, `spec.parameters.${p}`));
const params = (...names: string[]): Patch[] => names.map((p) => fromXr(`spec.parameters.${p}`, `spec.parameters.${p}`));
/** The network tier's outputs a store tier needs, from the platform's status. */
const vpcToTier = (): Patch[] => [
  fromXr('status.network.vpcId', 'spec.parameters.vpc.id'),
  fromXr('status.network.dataSubnetIds', 'spec.parameters.vpc.dataSubnetIds'),
  fromXr('status.network.appSecurityGroupId', 'spec.parameters.vpc.appSecurityGroupId'),
];

/** One tier composite resource, labelled with its name so that Usages and tests find it. */
function tier(api: TierApi, name: string, patches: Patch[], connectionDetails?: Record<string, string>): ResourcesResources {
  // A tier with connection secret keys writes its secret next to every XR's; the name comes from the platform's UID.
  const secret = api.connectionSecretKeys?.length ? { writeConnectionSecretToRef: { namespace: CROSSPLANE_NAMESPACE } } : {};
  return composed({
    name,
    managed: false,
    base: { apiVersion: `${API_GROUP}/${API_VERSION}`, kind: api.kind, metadata: { labels: { [LABEL.component]: name } }, spec: { parameters: {}, ...secret } },
    patches,
    connectionDetails,
  });
}

/** What each tier publishes that the platform copies to its own status. */
const SIZING_FROM_DATABASE = ['tier', 'databaseMinCapacity', 'databaseMaxCapacity', 'databaseReaders'];
const SIZING_FROM_CACHE = ['cacheNodeType', 'cacheShards', 'cacheReplicas'];
const SIZING_FROM_APPLICATION = ['taskCpu', 'taskMemory', 'minTasks', 'maxTasks'];

export function tierResources(): ResourcesResources[] {
  return [
    tier(KEYS_API, 'keys', [...identity(), ...KEY_ARN_FIELDS.map((f) => toXr(`status.keys.${f}`, `status.keys.${f}`))]),
    tier(NETWORK_API, 'network', [
      ...identity(),
      ...params('network'),
      fromXr('spec.parameters.application.containerPort', 'spec.parameters.application.containerPort'),
      ...keyArnsToTier(),
      toXr('status.network', 'status.network'),
    ]),
    tier(
      DATABASE_API,
      'database',
      [
        ...identity(),
        ...params('capacity', 'network', 'database'),
        ...vpcToTier(),
        ...keyArnsToTier(),
        toXr('status.database', 'status.database'),
        ...SIZING_FROM_DATABASE.map((f) => toXr(`status.sizing.${f}`, `status.sizing.${f}`)),
        toXr('status.deletionSafety.auroraDeletionProtection', 'status.deletionSafety.auroraDeletionProtection'),
        toXr('status.deletionSafety.auroraDeletionPolicy', 'status.deletionSafety.auroraDeletionPolicy'),
      ],
      {
        databaseEndpoint: 'status.database.endpoint',
        databaseReaderEndpoint: 'status.database.readerEndpoint',
        databasePort: 'status.database.port',
        databaseMasterUserSecretArn: 'status.database.masterUserSecretArn',
      },
    ),
    tier(
      CACHE_API,
      'cache',
      [
        ...identity(),
        ...params('capacity', 'network', 'cache'),
        ...vpcToTier(),
        ...keyArnsToTier(),
        // The cache tier's connection secret carries the rediss:// URL into Secrets Manager.
        combine(['metadata.uid'], '%s-cache', 'spec.writeConnectionSecretToRef.name'),
        toXr('status.cache', 'status.cache'),
        ...SIZING_FROM_CACHE.map((f) => toXr(`status.sizing.${f}`, `status.sizing.${f}`)),
        toXr('status.deletionSafety.redisDeletionPolicy', 'status.deletionSafety.redisDeletionPolicy'),
      ],
      {
        redisUrl: 'status.cache.url',
        redisEndpoint: 'status.cache.configurationEndpoint',
        redisPort: 'status.cache.port',
        redisUser: 'status.cache.userName',
      },
    ),
    tier(ENDPOINTS_API, 'endpoints', [
      ...identity(),
      ...params('network'),
      fromXr('status.network.vpcId', 'spec.parameters.vpc.id'),
      fromXr('status.network.privateSubnetIds', 'spec.parameters.vpc.privateSubnetIds'),
      fromXr('status.network.privateRouteTableIds', 'spec.parameters.vpc.privateRouteTableIds'),
      fromXr('status.network.appSecurityGroupId', 'spec.parameters.vpc.appSecurityGroupId'),
    ]),
    tier(
      APPLICATION_API,
      'application',
      [
        ...identity(),
        ...params('capacity', 'network', 'application'),
        fromXr('status.network.vpcId', 'spec.parameters.vpc.id'),
        fromXr('status.network.privateSubnetIds', 'spec.parameters.vpc.privateSubnetIds'),
        fromXr('status.network.appSecurityGroupId', 'spec.parameters.vpc.appSecurityGroupId'),
        fromXr('status.network.albSecurityGroupId', 'spec.parameters.vpc.albSecurityGroupId'),
        ...keyArnsToTier(),
        fromXr('status.database.endpoint', 'spec.parameters.connections.databaseEndpoint'),
        fromXr('status.database.readerEndpoint', 'spec.parameters.connections.databaseReaderEndpoint'),
        fromXr('status.database.masterUserSecretArn', 'spec.parameters.connections.databaseSecretArn'),
        fromXr('status.cache.connectionSecretArn', 'spec.parameters.connections.cacheSecretArn'),
        fromXr('spec.parameters.application.image', 'spec.parameters.imageRepository', regexpGroup(IMAGE_REPOSITORY_REGEXP, 1)),
        fromXr('spec.parameters.region', 'spec.parameters.albLogDeliveryPrincipal', matchLiteral(ALB_LOG_DELIVERY_PRINCIPALS, LOG_DELIVERY_SERVICE_PRINCIPAL)),
        ...Object.keys(APPLICATION_STATUS.properties!).filter((f) => f !== 'albLogsBucketName').map((f) => toXr(`status.application.${f}`, `status.application.${f}`)),
        toXr('status.bucketNames.albLogs', 'status.application.albLogsBucketName'),
        ...SIZING_FROM_APPLICATION.map((f) => toXr(`status.sizing.${f}`, `status.sizing.${f}`)),
      ],
      {
        albDnsName: 'status.application.albDnsName',
        ecsClusterArn: 'status.application.clusterArn',
        ecsServiceArn: 'status.application.serviceArn',
      },
    ),
    tier(
      EDGE_API,
      'edge',
      [
        ...identity(),
        ...params('application', 'api'),
        fromXr('status.network.vpcId', 'spec.parameters.vpc.id'),
        fromXr('status.network.privateSubnetIds', 'spec.parameters.vpc.privateSubnetIds'),
        fromXr('status.network.nlbSecurityGroupId', 'spec.parameters.vpc.nlbSecurityGroupId'),
        ...keyArnsToTier(),
        fromXr('status.application.albArn', 'spec.parameters.alb.arn'),
        ...Object.keys(API_STATUS.properties!).map((f) => toXr(`status.api.${f}`, `status.api.${f}`)),
      ],
      { apiUrl: 'status.api.url', apiRegionalDomainName: 'status.api.regionalDomainName' },
    ),
    tier(
      EVENTS_API,
      'events',
      [
        ...identity(),
        ...params('capacity', 'events'),
        ...keyArnsToTier(),
        ...Object.keys(EVENTS_STATUS.properties!).filter((f) => !f.startsWith('analyticsBucket')).map((f) => toXr(`status.events.${f}`, `status.events.${f}`)),
        toXr('status.bucketArns.analytics', 'status.events.analyticsBucketArn'),
        toXr('status.bucketNames.analytics', 'status.events.analyticsBucketName'),
        toXr('status.sizing.kinesisShards', 'status.sizing.kinesisShards'),
      ],
      { eventsStreamArn: 'status.events.streamArn' },
    ),
    tier(AUDIT_API, 'audit', [
      ...identity(),
      ...params('audit'),
      ...keyArnsToTier(),
      ...Object.keys(AUDIT_STATUS.properties!).filter((f) => !f.startsWith('trailBucket')).map((f) => toXr(`status.audit.${f}`, `status.audit.${f}`)),
      toXr('status.bucketArns.trailLogs', 'status.audit.trailBucketArn'),
      toXr('status.bucketNames.trailLogs', 'status.audit.trailBucketName'),
    ]),
    tier(OPERATIONS_API, 'operations', [
      ...identity(),
      ...params('capacity', 'operations', 'application'),
      ...keyArnsToTier(),
      fromXr('status.network.vpcId', 'spec.parameters.vpc.id'),
      fromXr('status.network.privateSubnetIds', 'spec.parameters.vpc.privateSubnetIds'),
      fromXr('status.network.dataSubnetIds', 'spec.parameters.vpc.dataSubnetIds'),
      fromXr('status.network.appSecurityGroupId', 'spec.parameters.vpc.appSecurityGroupId'),
      fromXr('status.network.healthSecurityGroupId', 'spec.parameters.vpc.healthSecurityGroupId'),
      fromXr('status.application.albArn', 'spec.parameters.alb.arn'),
      fromXr('status.application.clusterArn', 'spec.parameters.service.clusterArn'),
      fromXr('status.application.serviceTaskDefinitionArn', 'spec.parameters.service.taskDefinitionArn'),
      fromXr('status.application.albDnsName', 'spec.parameters.service.albDnsName'),
      ...Object.keys(OPERATIONS_STATUS.properties!).map((f) => toXr(`status.operations.${f}`, `status.operations.${f}`)),
    ]),
    tier(BACKUP_API, 'backup', [
      ...identity(),
      ...params('backup'),
      ...keyArnsToTier(),
      fromXr('status.database.clusterIdentifier', 'spec.parameters.stores.auroraClusterIdentifier'),
      fromXr('status.application.fileSystemId', 'spec.parameters.stores.fileSystemId'),
      ...Object.keys(BACKUP_STATUS.properties!).map((f) => toXr(`status.backup.${f}`, `status.backup.${f}`)),
    ]),
    tier(INTEGRATIONS_API, 'integrations', [...identity(), ...params('integrations'), ...keyArnsToTier(), toXr('status.integrations.secretArns', 'status.integrations.secretArns')]),
    ...deletionOrderResources(PLATFORM_DEPENDENCIES),
    // No tier can be deleted on its own: only with the platform, in the order above.
    ...[KEYS, NETWORK, ENDPOINTS, DATABASE, CACHE, APPLICATION, EDGE, EVENTS, AUDIT, OPERATIONS, BACKUP, INTEGRATIONS].map((t) => protectedWhileComposed(t, 'deleted alone, it would be composed anew, empty, while its stores or their dependencies are left orphaned or half-deleted')),
  ];
}

const tierParty = (api: TierApi, name: string) => party(name, { apiVersion: `${API_GROUP}/${API_VERSION}`, kind: api.kind }, { [LABEL.component]: name });
const KEYS = tierParty(KEYS_API, 'keys');
const NETWORK = tierParty(NETWORK_API, 'network');
const DATABASE = tierParty(DATABASE_API, 'database');
const CACHE = tierParty(CACHE_API, 'cache');
const ENDPOINTS = tierParty(ENDPOINTS_API, 'endpoints');
const APPLICATION = tierParty(APPLICATION_API, 'application');
const EDGE = tierParty(EDGE_API, 'edge');
const EVENTS = tierParty(EVENTS_API, 'events');
const AUDIT = tierParty(AUDIT_API, 'audit');
const OPERATIONS = tierParty(OPERATIONS_API, 'operations');
const BACKUP = tierParty(BACKUP_API, 'backup');
const INTEGRATIONS = tierParty(INTEGRATIONS_API, 'integrations');

const KEY_WHY = 'its storage and final snapshot are encrypted with the data-class key of the keys tier; a key pending deletion is disabled, so the final snapshot would fail and the store would be stuck';
const NETWORK_WHY = "its network interfaces sit in the network tier's data subnets; AWS refuses to delete the subnets while they exist";

/**
 * Between tiers: a store tier is deleted before the keys and the network it uses. The claim's XR
 * is deleted in the foreground, so each tier composite stays until its own resources are gone, and
 * the Usage holds the keys and the network until then.
 */
export const PLATFORM_DEPENDENCIES: readonly Dependency[] = [
  { user: DATABASE, used: KEYS, why: `${KEY_WHY}; RDS keeps the master password in Secrets Manager under the secrets key until the cluster is gone` },
  { user: DATABASE, used: NETWORK, why: NETWORK_WHY },
  { user: CACHE, used: KEYS, why: KEY_WHY },
  { user: CACHE, used: NETWORK, why: NETWORK_WHY },
  { user: NETWORK, used: KEYS, why: 'its flow-log group is encrypted with the logs key' },
  { user: APPLICATION, used: KEYS, why: 'its log group, file system and secrets are encrypted with the keys of the keys tier' },
  { user: APPLICATION, used: NETWORK, why: "its tasks', ALB's and mount targets' network interfaces sit in the network tier's private subnets and security groups" },
  { user: EDGE, used: APPLICATION, why: "the NLB forwards to the application tier's ALB; ELB refuses to delete the ALB while it is a target" },
  { user: EDGE, used: KEYS, why: 'its access-log and WAF log groups are encrypted with the logs key' },
  { user: EDGE, used: NETWORK, why: "the NLB's network interfaces sit in the network tier's private subnets and its security group" },
  { user: EVENTS, used: KEYS, why: 'its stream and analytics bucket are encrypted with the analytics key and its error log group with the logs key' },
  { user: AUDIT, used: KEYS, why: "its log files, bucket and log group are encrypted with the logs key; the trail's last events of a teardown need it" },
  { user: OPERATIONS, used: KEYS, why: 'its alarm topic, dead-letter queue and experiment log group are encrypted with the logs key' },
  { user: OPERATIONS, used: APPLICATION, why: "its health-check schedule starts the service's task definition with the service's roles; gone first, every run would fail into the dead-letter queue" },
  { user: BACKUP, used: KEYS, why: "its vault's recovery points are encrypted with the data-class key of the keys tier" },
  { user: INTEGRATIONS, used: KEYS, why: 'its secrets are encrypted with the secrets key; a key pending deletion would make them unreadable while they are still recoverable' },
  { user: ENDPOINTS, used: NETWORK, why: "the interface endpoints' network interfaces sit in the network tier's private subnets and the gateway endpoint in its route tables" },
];
