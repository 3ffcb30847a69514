import { DEFAULT_REGION } from '../../config';
import { StreamV1Beta2, StreamV1Beta2SpecManagementPolicies } from '../../../imports/kinesis-kinesis.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { tokenPatch } from '../../composition/aws-policy';
import { keyArnPatch } from '../../composition/keys-tier';
import { fromXr, toXr } from '../../composition/patches';
import { baseTags, composed, EXTERNAL_NAME, LABEL } from '../../composition/resource';
import { sizedBy } from '../../sizing/sizing-patches';
import { EVENTS_STREAM } from './names';

const M = StreamV1Beta2SpecManagementPolicies;
/**
 * Everything but LateInitialize: the provider would copy the shard count AWS reports into
 * forProvider, which an on-demand stream must not have (the provider then refuses every update),
 * and which AWS changes on its own as an on-demand stream scales.
 */
export const STREAM_MANAGEMENT_POLICIES = [M.OBSERVE, M.CREATE, M.UPDATE, M.DELETE] as const;

/** The two capacity modes; the claim's events.streamMode picks one (filters.ts) and cannot change. */
export const STREAM_VARIANTS = [
  { name: 'events-stream-on-demand', mode: 'ON_DEMAND' },
  { name: 'events-stream-provisioned', mode: 'PROVISIONED' },
] as const;

/**
 * The student activity stream: encrypted with the analytics key, retention from the claim. On
 * demand (Kinesis scales the shards) by default; provisioned with the capacity table's shards, or
 * the claim's override, as an option. Data is kept in AWS by a prod retirement only as long as the
 * stream's own retention; Firehose has copied it to the analytics bucket, which is kept.
 */
export function kinesisStreamResources(): ResourcesResources[] {
  return STREAM_VARIANTS.map(({ name, mode }) =>
    composed({
      name,
      base: StreamV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'events-stream' } },
        spec: {
          managementPolicies: [...STREAM_MANAGEMENT_POLICIES],
          forProvider: {
            region: DEFAULT_REGION,
            encryptionType: 'KMS',
            streamModeDetails: { streamMode: mode },
            // When the stream is deleted (dev, staging, a prod retirement), consumers registered on
            // it by hand go with it instead of blocking the delete; none are composed.
            enforceConsumerDeletion: true,
            tags: baseTags('events'),
          },
        },
      }),
      patches: [
        tokenPatch(EVENTS_STREAM, EXTERNAL_NAME),
        keyArnPatch('analyticsKeyArn', 'spec.forProvider.kmsKeyId'),
        fromXr('spec.parameters.events.retentionHours', 'spec.forProvider.retentionPeriod'),
        ...(mode === 'PROVISIONED' ? [...sizedBy('kinesisShards', 'spec.forProvider.shardCount', 'spec.parameters.events.shards'), toXr('spec.forProvider.shardCount', 'status.sizing.kinesisShards')] : []),
        toXr('status.atProvider.arn', 'status.events.streamArn'),
        toXr(EXTERNAL_NAME, 'status.events.streamName'),
      ],
    }),
  );
}
