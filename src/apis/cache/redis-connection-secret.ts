import { DEFAULT_REGION } from '../../config';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { Secret, SecretVersion } from '../../../imports/secretsmanager-secretsmanager.aws.upbound.io';
import { LABEL_PREFIX } from '../../config';
import { combine, fromXrRequired, toXr, XR } from '../../composition/patches';
import { baseTags, composed, LABEL, nameFromSuffix, sibling } from '../../composition/resource';
import { APP_USER } from './redis-auth';
import { keyArnPatch } from '../../composition/keys-tier';

/** Annotation on the secret resource that carries the assembled rediss:// URL. */
export const REDIS_URL_ANNOTATION = `${LABEL_PREFIX}/redis-url`;
/** Key of the XR connection secret that holds the URL. */
export const REDIS_URL_KEY = 'redisUrl';

/**
 * The rediss:// connection string in Secrets Manager, encrypted with the secrets key.
 *
 * Flow: the replication group's endpoint and port reach the XR status; they are combined with the
 * IAM user into `rediss://<user>@<endpoint>:<port>` on this Secret's annotation; that annotation is
 * exposed as the XR connection detail `redisUrl`; the SecretVersion reads it from the XR's
 * connection secret (secretStringSecretRef). The URL holds no password (IAM authentication).
 */
export function redisConnectionSecretResources(): ResourcesResources[] {
  return [
    composed({
      name: 'redis-connection-secret',
      base: Secret.manifest({
        metadata: { labels: { [LABEL.component]: 'redis-connection-secret' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            description: 'rediss:// connection string of the assessment platform cache (IAM auth, no password)',
            // Deleted at once in every environment: with a recovery window its fixed name would stay
            // taken for up to 30 days, and re-creating an environment with the same suffix (also
            // after a prod retirement) would fail. It holds no secret value (the URL names an
            // IAM-authenticated user, no password) and is rebuilt from the cache's status.
            recoveryWindowInDays: 0,
            tags: baseTags('cache'),
          },
        },
      }),
      patches: [
        nameFromSuffix('spec.forProvider.name', 'assessment-platform/%s/redis-url'),
        keyArnPatch('secretsKeyArn', 'spec.forProvider.kmsKeyId'),
        combine(
          [XR.suffix, 'status.cache.configurationEndpoint', 'status.cache.port'],
          // %v, not %d: a function sees every JSON number as a float64 (%d would print %!d(float64=6379)).
          `rediss://${APP_USER.replace('%s', '%[1]s')}@%[2]s:%[3]v`,
          `metadata.annotations[${REDIS_URL_ANNOTATION}]`,
        ),
        toXr(`metadata.annotations[${REDIS_URL_ANNOTATION}]`, 'status.cache.url'),
        toXr('status.atProvider.arn', 'status.cache.connectionSecretArn'),
      ],
      connectionDetails: { [REDIS_URL_KEY]: `metadata.annotations[${REDIS_URL_ANNOTATION}]` },
    }),
    composed({
      name: 'redis-connection-secret-version',
      taggable: false,
      base: SecretVersion.manifest({
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            secretIdSelector: sibling({ [LABEL.component]: 'redis-connection-secret' }),
            secretStringSecretRef: { key: REDIS_URL_KEY, name: '', namespace: '' },
          },
        },
      }),
      patches: [
        fromXrRequired('spec.writeConnectionSecretToRef.name', 'spec.forProvider.secretStringSecretRef.name'),
        fromXrRequired('spec.writeConnectionSecretToRef.namespace', 'spec.forProvider.secretStringSecretRef.namespace'),
      ],
    }),
  ];
}
