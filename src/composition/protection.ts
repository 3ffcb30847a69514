import { fromXr, mapTo, Patch, XR } from './patches';

/**
 * Deletion safety for stores of student data, keys and audit logs: in prod the managed resource
 * is orphaned when the claim is deleted (the AWS resource stays, with deletion protection and a
 * final snapshot as further guards); in dev and staging it is deleted.
 */
export const DELETION_POLICY_BY_ENVIRONMENT = { dev: 'Delete', staging: 'Delete', prod: 'Orphan' } as const;

export function protectInProd(): Patch {
  return fromXr(XR.environment, 'spec.deletionPolicy', mapTo({ ...DELETION_POLICY_BY_ENVIRONMENT }));
}
