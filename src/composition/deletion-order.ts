import { ClusterUsage } from '../../imports/protection-protection.crossplane.io';
import { ResourcesResources } from '../../imports/pt-pt.fn.crossplane.io';
import { composed } from './resource';

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
}

export const party = (name: string, gvk: { apiVersion: string; kind: string }, labels: Record<string, string>): Party => ({ name, ...gvk, labels });

export const ENI_WHY = 'its network interfaces sit in this security group; AWS refuses to delete the group while they exist';
export const LOG_WHY = 'it writes its log here until it is gone; deleted earlier, the group would be created again by the service, without the logs key, retention or tags';

/*
 * Deletion order. When a claim is deleted, Kubernetes deletes every composed resource at once.
 * Each pair of a tier's list (database/deletion-order.ts, cache/deletion-order.ts) or of the
 * platform's (tiers.ts) becomes a ClusterUsage (protection.crossplane.io): Crossplane's admission
 * webhook refuses to delete the used resource while its user exists, and replays the delete as
 * soon as the user is gone (replayDeletion), instead of waiting on AWS errors and the garbage
 * collector's back-off.
 */

/** The composed-resource name of a dependency's ClusterUsage. */
export const usageName = (d: Dependency) => `usage-${d.user.name}-uses-${d.used.name}`;

const selectorOf = (p: Party) => ({ apiVersion: p.apiVersion, kind: p.kind, resourceSelector: { matchControllerRef: true, matchLabels: { ...p.labels } } });

/** One ClusterUsage per dependency. */
export function deletionOrderResources(dependencies: readonly Dependency[]): ResourcesResources[] {
  return dependencies.map((d) =>
    composed({
      name: usageName(d),
      managed: false,
      base: ClusterUsage.manifest({
        spec: { of: selectorOf(d.used), by: selectorOf(d.user), replayDeletion: true, reason: `${d.user.name} is deleted first: ${d.why}` },
      }),
    }),
  );
}

/**
 * A ClusterUsage with no user: Crossplane's webhook refuses every delete of `protectedParty`
 * until the Usage itself goes, which happens only when the composite resource that composed both
 * is deleted (then the blocked delete is replayed). So a resource that others depend on by value
 * (a KMS key whose ARN the stores carry, a tier composite) cannot be deleted by hand: deleted, it
 * would be created anew with new IDs, and every store that names the old one would be replaced.
 */
export function protectedWhileComposed(protectedParty: Party, why: string): ResourcesResources {
  return composed({
    name: `usage-protect-${protectedParty.name}`,
    managed: false,
    base: ClusterUsage.manifest({
      spec: { of: selectorOf(protectedParty), replayDeletion: true, reason: `deleted only with its composite resource: ${why}` },
    }),
  });
}
