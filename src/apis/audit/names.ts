import { TOKEN } from '../../composition/aws-policy';

/** The platform's trail: multi-region, named per environment. */
export const TRAIL = `ap-trail-${TOKEN.suffix}`;
export const TRAIL_ARN = `arn:aws:cloudtrail:${TOKEN.region}:${TOKEN.account}:trail/${TRAIL}`;
/** The trail's bucket: globally unique, so it carries the account and region. */
export const TRAIL_BUCKET = `ap-cloudtrail-${TOKEN.suffix}-${TOKEN.account}-${TOKEN.region}`;
export const TRAIL_BUCKET_ARN = `arn:aws:s3:::${TRAIL_BUCKET}`;
/** The log group the trail also delivers to (CloudTrail creates its log streams in it). */
export const TRAIL_LOG_GROUP = `/aws/cloudtrail/${TRAIL}`;
