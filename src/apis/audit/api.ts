import { obj } from '../../api/schema';
import { AUDIT_STATUS } from '../../api/status';
import { KEYS_PARAMETER, keptObjects } from '../tier-parameters';
import { IDENTITY_PARAMETERS, sharedParameters, TierApi } from '../tier';
import { trailResources } from './trail';
import { trailBucketResources } from './trail-bucket';

/**
 * XAudit: the audit trail of one platform: a multi-region CloudTrail trail with log file
 * validation, its encrypted bucket and log group, and the data events of the analytics bucket.
 */
export const AUDIT_API: TierApi = {
  kind: 'XAudit',
  plural: 'xaudits',
  description: 'the audit trail of one assessment platform: CloudTrail, its bucket and its log group.',
  parameters: obj(
    'The trail to build and the keys it uses.',
    { ...sharedParameters([...IDENTITY_PARAMETERS, 'audit']), keys: KEYS_PARAMETER },
    { required: ['environment', 'environmentSuffix', 'owner', 'awsAccountId'], ...keptObjects('keys') },
  ),
  status: obj('Observed outputs of the audit tier.', {
    audit: { ...AUDIT_STATUS, properties: { ...AUDIT_STATUS.properties, logsRoleArn: { type: 'string', description: "ARN of CloudTrail's role for the log group." } } },
    bucketArns: obj("ARNs of the tier's buckets.", { trailLogs: { type: 'string', description: 'The trail bucket.' } }),
    bucketNames: obj("Names of the tier's buckets.", { trailLogs: { type: 'string', description: 'The trail bucket.' } }),
  }),
  resources: () => [...trailBucketResources(), ...trailResources()],
};
