import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { TOKEN } from '../../composition/aws-policy';
import { KEY_ARN_PARAMETERS } from '../../composition/keys-tier';
import { logBucketResources } from '../../composition/storage/log-bucket';
import { TRAIL_ARN, TRAIL_BUCKET } from './names';

/** Trail objects move to Glacier Instant Retrieval after this many days (the retention's minimum exceeds it). */
export const TRAIL_GLACIER_AFTER_DAYS = 90;

/**
 * The trail's bucket: SSE-KMS with the logs key and a bucket key, versioning, public access fully
 * blocked, BucketOwnerEnforced, a lifecycle from audit.retentionDays, and a policy that denies any
 * request without TLS and admits only CloudTrail acting for exactly this trail (aws:SourceArn), to
 * read the bucket's ACL and to write under AWSLogs/<account>/. Kept by a prod retirement.
 */
export function trailBucketResources(): ResourcesResources[] {
  const cloudtrail = { Service: 'cloudtrail.amazonaws.com' };
  const forThisTrail = { StringEquals: { 'aws:SourceArn': TRAIL_ARN } };
  return logBucketResources({
    name: 'trail-logs',
    bucketName: TRAIL_BUCKET,
    component: 'audit',
    writers: [
      { Sid: 'CloudTrailAclCheck', Effect: 'Allow', Principal: cloudtrail, Action: 's3:GetBucketAcl', Resource: '${BUCKET_ARN}', Condition: forThisTrail },
      {
        Sid: 'CloudTrailWrite',
        Effect: 'Allow',
        Principal: cloudtrail,
        Action: 's3:PutObject',
        Resource: `\${BUCKET_ARN}/AWSLogs/${TOKEN.account}/*`,
        Condition: { StringEquals: { 'aws:SourceArn': TRAIL_ARN, 's3:x-amz-acl': 'bucket-owner-full-control' } },
      },
    ],
    encryption: { algorithm: 'aws:kms', kmsKeyArnPath: `${KEY_ARN_PARAMETERS}.logsKeyArn` },
    retention: { daysPath: 'spec.parameters.audit.retentionDays', glacierAfterDays: TRAIL_GLACIER_AFTER_DAYS },
    // CloudTrail encrypts each log file with the trail's ARN as the encryption context (the key
    // policy admits exactly that); a bucket key would make the context the bucket's ARN.
    bucketKey: false,
  });
}
