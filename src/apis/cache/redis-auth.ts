import { DEFAULT_REGION } from '../../config';
import { UserGroup, UserV1Beta2 } from '../../../imports/elasticache-elasticache.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { awsName, baseTags, composed, EXTERNAL_NAME, LABEL, sibling } from '../../composition/resource';
import { toXr } from '../../composition/patches';

/** The application's Redis user: IAM authentication, so no password or token exists at all. */
export const APP_USER = awsName('app');

/**
 * What the application user may do: every key (`~*`) and pub/sub channel (`&*`; Redis 7 grants no
 * channel by default), every command except the @dangerous category (FLUSHALL/FLUSHDB, KEYS,
 * CONFIG, DEBUG, MONITOR, SHUTDOWN, ACL, REPLICAOF, MIGRATE, ...), plus INFO, which Redis 7 puts
 * in @dangerous but clients and health checks need. README "Redis access" says the same.
 */
export const APP_ACCESS_STRING = 'on ~* &* +@all -@dangerous +info';

/**
 * Redis RBAC. ElastiCache requires a user named "default" in every user group; ours is switched
 * off ("off", no commands) so that only the IAM-authenticated application user can connect.
 */
export function redisAuthResources(): ResourcesResources[] {
  return [
    composed({
      name: 'redis-user-default',
      awsName: 'default',
      nameFields: [EXTERNAL_NAME],
      base: UserV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'redis-user' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            engine: 'redis',
            userName: 'default',
            accessString: 'off -@all',
            authenticationMode: { type: 'no-password-required' },
            tags: baseTags('cache'),
          },
        },
      }),
    }),
    composed({
      name: 'redis-user-app',
      awsName: 'app',
      nameFields: [EXTERNAL_NAME, 'spec.forProvider.userName'],
      base: UserV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'redis-user' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            engine: 'redis',
            accessString: APP_ACCESS_STRING,
            authenticationMode: { type: 'iam' },
            tags: baseTags('cache'),
          },
        },
      }),
      // IAM authentication requires the user ID (external name) and the user name to be equal.
      patches: [
        toXr('spec.forProvider.userName', 'status.cache.userName'),
      ],
      connectionDetails: { redisUser: 'spec.forProvider.userName' },
    }),
    composed({
      name: 'redis-user-group',
      awsName: 'redis',
      nameFields: [EXTERNAL_NAME],
      base: UserGroup.manifest({
        metadata: { labels: { [LABEL.component]: 'redis-user-group' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            engine: 'redis',
            userIdSelector: sibling({ [LABEL.component]: 'redis-user' }),
            tags: baseTags('cache'),
          },
        },
      }),
    }),
  ];
}
