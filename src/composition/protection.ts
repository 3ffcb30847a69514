import { ResourcesPatchSets, ResourcesPatchSetsPatches } from '../../imports/pt-pt.fn.crossplane.io';
import { combine, mapTo, Patch, XR } from './patches';

/**
 * What deleting a claim does to its AWS resources (README "Deleting and retiring an environment").
 *
 * - dev and staging: every managed resource is deleted (Aurora and Redis leave a final snapshot).
 * - prod: nothing in AWS is deleted. Every managed resource is orphaned, so a delete that gets past
 *   the admission policy (src/api/deletion-guard.ts) leaves the whole environment running as it
 *   was, with nothing half-deleted: a store never loses the subnet group, parameter group,
 *   security group, key or rotation it depends on.
 * - prod with `spec.parameters.retire: true`: the environment is deleted like dev, except the
 *   resources that are `retainedInProd`.
 *
 * Retained in prod even on retirement: the KMS keys (the final snapshots and backups are encrypted
 * with them and would become unreadable once a key is deleted) and the log groups (the audit trail
 * outlives the environment; each group's retention still applies).
 */
export const DELETION_POLICY = {
  dev: { active: 'Delete', retired: 'Delete' },
  staging: { active: 'Delete', retired: 'Delete' },
  prod: { active: 'Orphan', retired: 'Delete' },
} as const;

/** The `<environment>/<retire>` key the deletion-policy patches map from. */
const stateKey = (environment: string, retire: boolean) => `${environment}/${retire}`;

/** The deletion policy of a resource in every environment and retirement state. */
export function deletionPolicyMap(retainedInProd: boolean): Record<string, 'Delete' | 'Orphan'> {
  const map: Record<string, 'Delete' | 'Orphan'> = {};
  for (const [env, policy] of Object.entries(DELETION_POLICY)) {
    map[stateKey(env, false)] = policy.active;
    map[stateKey(env, true)] = retainedInProd && env === 'prod' ? 'Orphan' : policy.retired;
  }
  return map;
}

/** spec.deletionPolicy from the claim's environment and retirement. */
export function deletionPolicyPatch(retainedInProd: boolean): Patch {
  return combine([XR.environment, XR.retire], '%s/%v', 'spec.deletionPolicy', mapTo(deletionPolicyMap(retainedInProd)));
}

/** The patch sets that every managed resource uses one of (see composed()). */
export const DELETION_POLICY_PATCH_SET = { deleted: 'deletion-policy', retainedInProd: 'deletion-policy-retained-in-prod' } as const;

/** The two deletion-policy patch sets (a patch set's patch has the same fields as a resource's). */
export function deletionPolicyPatchSets(): ResourcesPatchSets[] {
  const asSetPatch = (p: Patch) => p as unknown as ResourcesPatchSetsPatches;
  return [
    { name: DELETION_POLICY_PATCH_SET.deleted, patches: [asSetPatch(deletionPolicyPatch(false))] },
    { name: DELETION_POLICY_PATCH_SET.retainedInProd, patches: [asSetPatch(deletionPolicyPatch(true))] },
  ];
}

/**
 * Aurora's deletion protection: the claim's `database.deletionProtection`, switched off by a
 * retirement (prod cannot turn the parameter itself off).
 */
export function auroraDeletionProtectionPatch(): Patch {
  return combine([`${XR.db}.deletionProtection`, XR.retire], '%v/%v', 'spec.forProvider.deletionProtection', mapTo({
    'true/false': true,
    'true/true': false,
    'false/false': false,
    'false/true': false,
  }));
}
