import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { KEY_ARN_PARAMETERS } from '../../composition/keys-tier';
import { logBucketResources } from '../../composition/storage/log-bucket';
import { ANALYTICS_BUCKET } from './names';

/** Objects move to Glacier Instant Retrieval after this many days (the retention's minimum exceeds it). */
export const ANALYTICS_GLACIER_AFTER_DAYS = 90;

/**
 * The analytics bucket Firehose delivers the events to: SSE-KMS with the analytics key and a bucket
 * key, versioning, public access fully blocked, BucketOwnerEnforced, a policy that denies any
 * request without TLS, and a lifecycle (Standard-IA after 30 days, Glacier Instant Retrieval after
 * 90, expiry after the claim's events.analyticsRetentionDays). Only Firehose's role writes to it
 * (its IAM policy); the bucket policy grants nothing. Kept by a prod retirement.
 */
export function analyticsBucketResources(): ResourcesResources[] {
  return logBucketResources({
    name: 'analytics',
    bucketName: ANALYTICS_BUCKET,
    component: 'events',
    writers: [],
    encryption: { algorithm: 'aws:kms', kmsKeyArnPath: `${KEY_ARN_PARAMETERS}.analyticsKeyArn` },
    retention: { daysPath: 'spec.parameters.events.analyticsRetentionDays', glacierAfterDays: ANALYTICS_GLACIER_AFTER_DAYS },
  });
}
