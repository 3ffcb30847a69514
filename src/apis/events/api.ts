import { obj } from '../../api/schema';
import { EVENTS_STATUS, SIZING_STATUS } from '../../api/status';
import { KEYS_PARAMETER, keptObjects } from '../tier-parameters';
import { IDENTITY_PARAMETERS, sharedParameters, TierApi } from '../tier';
import { analyticsBucketResources } from './analytics-bucket';
import { firehoseResources } from './firehose';
import { kinesisStreamResources } from './kinesis-stream';

/**
 * XEvents: the student activity events of one platform: the Kinesis Data Stream the service writes
 * to, Firehose with its role and error log group, and the analytics bucket it delivers to.
 */
export const EVENTS_API: TierApi = {
  kind: 'XEvents',
  plural: 'xevents',
  description: 'the student activity events of one assessment platform: Kinesis Data Stream, Firehose and the analytics bucket.',
  parameters: obj(
    'The events pipeline to build, its sizing inputs and the keys it uses.',
    { ...sharedParameters([...IDENTITY_PARAMETERS, 'capacity', 'events']), keys: KEYS_PARAMETER },
    { required: ['environment', 'environmentSuffix', 'owner', 'awsAccountId'], ...keptObjects('keys') },
  ),
  status: obj('Observed outputs of the events tier.', {
    events: { ...EVENTS_STATUS, properties: { ...EVENTS_STATUS.properties, firehoseRoleArn: { type: 'string', description: "ARN of Firehose's role." } } },
    bucketArns: obj("ARNs of the tier's buckets.", { analytics: { type: 'string', description: 'The analytics bucket.' } }),
    bucketNames: obj("Names of the tier's buckets.", { analytics: { type: 'string', description: 'The analytics bucket.' } }),
    sizing: SIZING_STATUS,
  }),
  resources: () => [...kinesisStreamResources(), ...analyticsBucketResources(), ...firehoseResources()],
};
