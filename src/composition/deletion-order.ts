import { SecurityGroup } from '../../imports/ec2-ec2.aws.upbound.io';
import { ParameterGroup, ReplicationGroupV1Beta2, SubnetGroup as CacheSubnetGroup, UserGroup } from '../../imports/elasticache-elasticache.aws.upbound.io';
import { Group } from '../../imports/cloudwatchlogs-cloudwatchlogs.aws.upbound.io';
import { ClusterUsage } from '../../imports/protection-protection.crossplane.io';
import { ResourcesResources } from '../../imports/pt-pt.fn.crossplane.io';
import { ClusterParameterGroup, ClusterV1Beta2, SubnetGroup as DbSubnetGroup } from '../../imports/rds-rds.aws.upbound.io';
import { KEYS_API } from '../apis/keys/api';
import { API_GROUP, API_VERSION } from '../config';
import { Patch } from './patches';
import { composed, LABEL } from './resource';

/** One composed resource of this XR, found by its kind and labels (which must single it out). */
export interface Party {
  /** Short name used in the ClusterUsage's composed-resource name. */
  readonly name: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly labels: Record<string, string>;
}

/** `user` cannot be deleted cleanly while `used` is gone; so `used` waits for `user`. */
export interface Dependency {
  readonly user: Party;
  readonly used: Party;
  /** Why the order matters; the ClusterUsage's reason, shown when a delete is refused. */
  readonly why: string;
  /** Patches that set `used`'s labels from the claim, for a choice the claim makes. Default: none. */
  readonly usedPatches?: Patch[];
}

const party = (name: string, gvk: { apiVersion: string; kind: string }, labels: Record<string, string>): Party => ({ name, ...gvk, labels });

const AURORA = party('aurora-cluster', ClusterV1Beta2.GVK, { [LABEL.component]: 'aurora-cluster' });
const REDIS = party('redis', ReplicationGroupV1Beta2.GVK, { [LABEL.component]: 'redis' });
/** The keys tier (XKeys): the data-class key, the secrets key and the logs key live in it. */
const KEYS = party('keys', { apiVersion: `${API_GROUP}/${API_VERSION}`, kind: KEYS_API.kind }, { [LABEL.component]: 'keys' });

const KEY_WHY = 'its storage and final snapshot are encrypted with the data-class key of the keys tier; a key pending deletion is disabled, so the final snapshot would fail and the store would be stuck';
const LOG_WHY = 'it writes its log here until it is gone; deleted earlier, the group would be created again by the service, without the logs key, retention or tags';
const ENI_WHY = 'its network interfaces sit in this security group; AWS refuses to delete the group while they exist';

/**
 * Deletion order of the data tier. When a claim is deleted, Kubernetes deletes every composed
 * resource at once. Each pair here becomes a ClusterUsage (protection.crossplane.io): Crossplane's
 * admission webhook refuses to delete the used resource while its user exists, and replays the
 * delete as soon as the user is gone (replayDeletion), instead of waiting on AWS errors and the
 * garbage collector's back-off.
 */
export const DATA_TIER_DEPENDENCIES: readonly Dependency[] = [
  { user: AURORA, used: KEYS, why: `${KEY_WHY}; RDS keeps the master password in Secrets Manager under the secrets key until the cluster is gone` },
  { user: AURORA, used: party('sg-aurora', SecurityGroup.GVK, { [LABEL.tier]: 'aurora' }), why: ENI_WHY },
  { user: AURORA, used: party('aurora-subnet-group', DbSubnetGroup.GVK, { [LABEL.component]: 'aurora-subnet-group' }), why: 'RDS refuses to delete a DB subnet group in use' },
  {
    user: AURORA,
    used: party('aurora-cluster-parameter-group', ClusterParameterGroup.GVK, { [LABEL.component]: 'aurora-cluster-parameter-group' }),
    why: 'RDS refuses to delete a parameter group in use',
  },
  { user: AURORA, used: party('aurora-postgresql-log', Group.GVK, { [LABEL.component]: 'aurora-postgresql-log' }), why: LOG_WHY },
  { user: AURORA, used: party('aurora-iam-auth-error-log', Group.GVK, { [LABEL.component]: 'aurora-iam-db-auth-error-log' }), why: LOG_WHY },
  { user: REDIS, used: KEYS, why: KEY_WHY },
  { user: REDIS, used: party('redis-slow-log', Group.GVK, { [LABEL.component]: 'redis-slow-log' }), why: LOG_WHY },
  { user: REDIS, used: party('sg-redis', SecurityGroup.GVK, { [LABEL.tier]: 'redis' }), why: ENI_WHY },
  { user: REDIS, used: party('redis-subnet-group', CacheSubnetGroup.GVK, { [LABEL.component]: 'redis-subnet-group' }), why: 'ElastiCache refuses to delete a subnet group in use' },
  { user: REDIS, used: party('redis-parameter-group', ParameterGroup.GVK, { [LABEL.component]: 'redis-parameter-group' }), why: 'ElastiCache refuses to delete a parameter group in use' },
  { user: REDIS, used: party('redis-user-group', UserGroup.GVK, { [LABEL.component]: 'redis-user-group' }), why: 'ElastiCache refuses to delete a user group in use' },
];

/** The composed-resource name of a dependency's ClusterUsage. */
export const usageName = (d: Dependency) => `usage-${d.user.name}-uses-${d.used.name}`;

const selectorOf = (p: Party) => ({ apiVersion: p.apiVersion, kind: p.kind, resourceSelector: { matchControllerRef: true, matchLabels: { ...p.labels } } });

/** One ClusterUsage per dependency. */
export function deletionOrderResources(dependencies: readonly Dependency[] = DATA_TIER_DEPENDENCIES): ResourcesResources[] {
  return dependencies.map((d) =>
    composed({
      name: usageName(d),
      managed: false,
      base: ClusterUsage.manifest({
        spec: { of: selectorOf(d.used), by: selectorOf(d.user), replayDeletion: true, reason: `${d.user.name} is deleted first: ${d.why}` },
      }),
      patches: d.usedPatches,
    }),
  );
}
