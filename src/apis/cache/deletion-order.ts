import { SecurityGroup } from '../../../imports/ec2-ec2.aws.upbound.io';
import { Group } from '../../../imports/cloudwatchlogs-cloudwatchlogs.aws.upbound.io';
import { ParameterGroup, ReplicationGroupV1Beta2, SubnetGroup, UserGroup } from '../../../imports/elasticache-elasticache.aws.upbound.io';
import { Dependency, ENI_WHY, LOG_WHY, party } from '../../composition/deletion-order';
import { LABEL } from '../../composition/resource';

export const REDIS = party('redis', ReplicationGroupV1Beta2.GVK, { [LABEL.component]: 'redis' });

/** Inside the cache tier: the replication group goes before its security group, groups and slow-log group. */
export const CACHE_DEPENDENCIES: readonly Dependency[] = [
  { user: REDIS, used: party('redis-slow-log', Group.GVK, { [LABEL.component]: 'redis-slow-log' }), why: LOG_WHY },
  { user: REDIS, used: party('sg-redis', SecurityGroup.GVK, { [LABEL.tier]: 'redis' }), why: ENI_WHY },
  { user: REDIS, used: party('redis-subnet-group', SubnetGroup.GVK, { [LABEL.component]: 'redis-subnet-group' }), why: 'ElastiCache refuses to delete a subnet group in use' },
  { user: REDIS, used: party('redis-parameter-group', ParameterGroup.GVK, { [LABEL.component]: 'redis-parameter-group' }), why: 'ElastiCache refuses to delete a parameter group in use' },
  { user: REDIS, used: party('redis-user-group', UserGroup.GVK, { [LABEL.component]: 'redis-user-group' }), why: 'ElastiCache refuses to delete a user group in use' },
];
