import { fromXr, fromXrRequired, Patch } from './patches';

/** The key ARNs the keys tier publishes in status.keys, which the platform copies to its own status.keys. */
export const KEY_ARN_FIELDS = ['studentRecordsKeyArn', 'analyticsKeyArn', 'logsKeyArn', 'secretsKeyArn'] as const;
export type KeyArnField = (typeof KEY_ARN_FIELDS)[number];

/** Where a tier finds the key ARNs: its `spec.parameters.keys`, which the platform fills from the keys tier's status. */
export const KEY_ARN_PARAMETERS = 'spec.parameters.keys';

/**
 * A key's ARN from the tier's parameters, into `to`. Required: the resource is not composed until
 * the keys tier has created the key, so it never starts without its encryption. An ARN, not a
 * reference, both because the key lives in another composite resource and because it is what AWS
 * reads back (a key ID would be a permanent diff on fields that force replacement).
 */
export function keyArnPatch(field: KeyArnField, to: string): Patch {
  return fromXrRequired(`${KEY_ARN_PARAMETERS}.${field}`, to);
}

/** The platform passes the key ARNs from its status to a tier's spec.parameters.keys. */
export function keyArnsToTier(): Patch[] {
  return KEY_ARN_FIELDS.map((f) => fromXr(`status.keys.${f}`, `${KEY_ARN_PARAMETERS}.${f}`));
}
