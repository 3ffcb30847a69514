import { TOKEN } from '../../composition/aws-policy';

/** The stream the service puts student activity events into. */
export const EVENTS_STREAM = `ap-events-${TOKEN.suffix}`;
export const EVENTS_STREAM_ARN = `arn:aws:kinesis:${TOKEN.region}:${TOKEN.account}:stream/${EVENTS_STREAM}`;
/** The Firehose stream that delivers the events to the analytics bucket. */
export const DELIVERY_STREAM = `ap-events-to-s3-${TOKEN.suffix}`;
/** Firehose's error log group, and the stream in it that Firehose writes delivery errors to. */
export const FIREHOSE_LOG_GROUP = `/aws/kinesisfirehose/${DELIVERY_STREAM}`;
export const FIREHOSE_LOG_STREAM = 'S3Delivery';
/** The analytics bucket: globally unique, so it carries the account and region. */
export const ANALYTICS_BUCKET = `ap-analytics-${TOKEN.suffix}-${TOKEN.account}-${TOKEN.region}`;
export const ANALYTICS_BUCKET_ARN = `arn:aws:s3:::${ANALYTICS_BUCKET}`;

/**
 * Where Firehose writes: events under a UTC date path (Hive-style, so Athena or Glue partition by
 * it), records it could not deliver under errors/ by error type. The partition key of a record is
 * the student's pseudonymous ID (README "Events").
 */
export const EVENTS_PREFIX = 'events/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/';
export const ERRORS_PREFIX = 'errors/!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/';
