import { DEFAULT_REGION } from '../../config';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { ClusterInstance } from '../../../imports/rds-rds.aws.upbound.io';
import { Zone, ZONES } from '../../config';
import { dataKeyArnPatch } from '../keys/kms-keys';
import { format, fromXr, XR } from '../../composition/patches';
import { baseTags, composed, EXTERNAL_NAME, LABEL, sibling } from '../../composition/resource';

/** Most readers a claim may ask for (XRD maximum of database.readers). */
export const MAX_READERS = 5;

/** An instance slot: 0 is the writer, 1..MAX_READERS are readers. */
export interface InstanceSlot {
  /** Composed-resource name. */
  readonly name: string;
  /** Reader number (0 for the writer). */
  readonly index: number;
  /** AZ letter of this slot. */
  readonly zone: Zone;
  /** The AZ count this variant is for, when the slot's zone depends on it. */
  readonly azCount?: 2 | 3;
}

/**
 * Instance k sits in zone ZONES[k % azCount], so the writer and readers spread over the AZs.
 * Where that zone differs between 2 and 3 AZs, the slot has one variant per AZ count and the
 * filter step keeps the one that matches the claim.
 */
export function instanceSlots(): InstanceSlot[] {
  const slots: InstanceSlot[] = [{ name: 'aurora-instance-writer', index: 0, zone: 'a' }];
  for (let k = 1; k <= MAX_READERS; k++) {
    const z2 = ZONES[k % 2];
    const z3 = ZONES[k % 3];
    if (z2 === z3) slots.push({ name: `aurora-instance-reader-${k}`, index: k, zone: z2 });
    else {
      slots.push({ name: `aurora-instance-reader-${k}-az2`, index: k, zone: z2, azCount: 2 });
      slots.push({ name: `aurora-instance-reader-${k}-az3`, index: k, zone: z3, azCount: 3 });
    }
  }
  return slots;
}

/**
 * Serverless v2 instances of the cluster: private, TLS CA pinned, Performance Insights encrypted with the student-records key,
 * minor versions upgraded only through the claim's engineVersion (no drift fight).
 */
export function auroraInstanceResources(): ResourcesResources[] {
  return instanceSlots().map((slot) =>
    composed({
      name: slot.name,
      awsName: slot.index === 0 ? 'aurora-writer' : `aurora-reader-${slot.index}`,
      nameFields: [EXTERNAL_NAME],
      // A reader the claim scales away (fewer readers, a lower capacity band) must go, also in an
      // active prod environment: orphaned, it would keep running behind the reader endpoint,
      // unmanaged, and later block the cluster's deletion. Instances hold no data (the cluster's
      // storage does). The writer slot follows the cluster, so a prod delete past the deletion
      // guard leaves the database running.
      alwaysDeleted: slot.index > 0,
      base: ClusterInstance.manifest({
        metadata: { labels: { [LABEL.component]: 'aurora-instance', [LABEL.zone]: slot.zone } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            clusterIdentifierSelector: sibling({ [LABEL.component]: 'aurora-cluster' }),
            engine: 'aurora-postgresql',
            instanceClass: 'db.serverless',
            publiclyAccessible: false,
            autoMinorVersionUpgrade: false,
            caCertIdentifier: 'rds-ca-rsa2048-g1',
            // As on the cluster: a change (a new CA certificate) applies now, never deferred.
            applyImmediately: true,
            performanceInsightsEnabled: true,
            performanceInsightsRetentionPeriod: 7,
            // Failover prefers reader 1, the last reader removed when the readers in force shrink,
            // so a later scale-in never deletes the instance that became the writer. Tiers 0-1
            // keep Serverless v2 readers scaled with the writer.
            promotionTier: slot.index <= 1 ? 0 : 1,
            copyTagsToSnapshot: true,
            tags: { ...baseTags('database'), Role: slot.index === 0 ? 'writer' : 'reader' },
          },
        },
      }),
      patches: [
        fromXr(XR.region, 'spec.forProvider.availabilityZone', format(`%s${slot.zone}`)),
        // The data-class key's ARN, as on the cluster: the reference would resolve to the key ID,
        // which AWS reads back as the ARN.
        dataKeyArnPatch('spec.forProvider.performanceInsightsKmsKeyId'),
      ],
    }),
  );
}
