import { ResourcesResources } from '../../imports/pt-pt.fn.crossplane.io';
import { KEYS_API } from '../apis/keys/api';
import { IDENTITY_PARAMETERS } from '../apis/tier';
import { API_GROUP, API_VERSION } from '../config';
import { fromXr, fromXrRequired, Patch, toXr } from './patches';
import { composed, LABEL } from './resource';

/** The key ARNs the keys tier publishes in status.keys, which the platform copies to its own status.keys. */
export const KEY_ARN_FIELDS = ['studentRecordsKeyArn', 'analyticsKeyArn', 'logsKeyArn', 'secretsKeyArn'] as const;
export type KeyArnField = (typeof KEY_ARN_FIELDS)[number];

/** The keys tier as the platform composes it: the identity parameters in, the key ARNs out. */
export function keysTierResource(): ResourcesResources {
  return composed({
    name: 'keys',
    managed: false,
    base: {
      apiVersion: `${API_GROUP}/${API_VERSION}`,
      kind: KEYS_API.kind,
      metadata: { labels: { [LABEL.component]: 'keys' } },
      spec: { parameters: {} },
    },
    patches: [
      ...IDENTITY_PARAMETERS.map((p) => fromXr(`spec.parameters.${p}`, `spec.parameters.${p}`)),
      ...KEY_ARN_FIELDS.map((f) => toXr(`status.keys.${f}`, `status.keys.${f}`)),
    ],
  });
}

/**
 * A key's ARN from the platform's status, into `to`. Required: the resource is not composed until
 * the keys tier has created the key, so it never starts without its encryption. An ARN, not a
 * reference, both because the key lives in another composite resource and because it is what AWS
 * reads back (a key ID would be a permanent diff on fields that force replacement).
 */
export function keyArnPatch(field: KeyArnField, to: string): Patch {
  return fromXrRequired(`status.keys.${field}`, to);
}
