import { DEFAULT_REGION } from '../../config';
import { DeliveryStreamV1Beta2 } from '../../../imports/firehose-firehose.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { logGroupArn, PolicyDocument, TOKEN, tokenPatch } from '../../composition/aws-policy';
import { serviceRoleResources } from '../../composition/iam-role';
import { KEY_ARN_PARAMETERS, keyArnPatch } from '../../composition/keys-tier';
import { encryptedLogGroup } from '../../composition/logging/log-group';
import { fromXr, fromXrRequired, toXr } from '../../composition/patches';
import { baseTags, composed, LABEL } from '../../composition/resource';
import {
  ANALYTICS_BUCKET_ARN,
  DELIVERY_STREAM,
  ERRORS_PREFIX,
  EVENTS_PREFIX,
  EVENTS_STREAM_ARN,
  FIREHOSE_LOG_GROUP,
  FIREHOSE_LOG_STREAM,
} from './names';

/**
 * What Firehose may do, and nothing more: read exactly the events stream and decrypt it only
 * through Kinesis; write exactly the analytics bucket and encrypt only through S3 for objects of
 * that bucket (encryption context); write delivery errors to exactly its log stream.
 */
export const FIREHOSE_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ReadEventsStream', Effect: 'Allow', Action: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetShardIterator', 'kinesis:GetRecords', 'kinesis:ListShards'], Resource: EVENTS_STREAM_ARN },
    {
      Sid: 'DecryptEventsStream',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: '${ANALYTICS_KEY_ARN}',
      Condition: { StringEquals: { 'kms:ViaService': `kinesis.${TOKEN.region}.amazonaws.com` }, StringLike: { 'kms:EncryptionContext:aws:kinesis:arn': EVENTS_STREAM_ARN } },
    },
    {
      Sid: 'WriteAnalyticsBucket',
      Effect: 'Allow',
      Action: ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject'],
      Resource: [ANALYTICS_BUCKET_ARN, `${ANALYTICS_BUCKET_ARN}/*`],
    },
    {
      Sid: 'EncryptAnalyticsObjects',
      Effect: 'Allow',
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: '${ANALYTICS_KEY_ARN}',
      // With the bucket key S3 asks KMS with the bucket's ARN as the encryption context, without it the object's.
      Condition: { StringEquals: { 'kms:ViaService': `s3.${TOKEN.region}.amazonaws.com` }, StringLike: { 'kms:EncryptionContext:aws:s3:arn': [ANALYTICS_BUCKET_ARN, `${ANALYTICS_BUCKET_ARN}/*`] } },
    },
    { Sid: 'WriteDeliveryErrors', Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: `${logGroupArn(FIREHOSE_LOG_GROUP)}:log-stream:${FIREHOSE_LOG_STREAM}` },
  ],
};

/**
 * Firehose from the events stream to the analytics bucket: date-partitioned prefixes, an error
 * prefix, GZIP, the claim's buffering, SSE-KMS with the analytics key, and delivery errors logged to
 * an encrypted log group. Firehose retries an S3 delivery for up to 24 hours; records it cannot
 * deliver land under the error prefix, and the stream keeps them for its retention meanwhile.
 */
export function firehoseResources(): ResourcesResources[] {
  return [
    encryptedLogGroup('firehose-log-group', FIREHOSE_LOG_GROUP, 'events-log', toXr('status.atProvider.arn', 'status.events.deliveryLogGroupArn')),
    ...serviceRoleResources({
      name: 'firehose-role',
      roleName: `ap-firehose-${TOKEN.suffix}-${TOKEN.region}`,
      description: 'Firehose: reads the events stream, writes the analytics bucket and its error log',
      component: 'events',
      service: 'firehose.amazonaws.com',
      // Firehose's documented trust: sts:ExternalId is the account.
      trust: { externalId: true },
      policy: FIREHOSE_POLICY,
      tokens: { '${ANALYTICS_KEY_ARN}': `${KEY_ARN_PARAMETERS}.analyticsKeyArn` },
      patches: [toXr('status.atProvider.arn', 'status.events.firehoseRoleArn')],
    }),
    composed({
      name: 'events-delivery-stream',
      base: DeliveryStreamV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'events-delivery-stream' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            destination: 'extended_s3',
            extendedS3Configuration: {
              prefix: EVENTS_PREFIX,
              errorOutputPrefix: ERRORS_PREFIX,
              compressionFormat: 'GZIP',
              cloudwatchLoggingOptions: { enabled: true, logStreamName: FIREHOSE_LOG_STREAM },
            },
            tags: baseTags('events'),
          },
        },
      }),
      patches: [
        tokenPatch(DELIVERY_STREAM, 'spec.forProvider.name'),
        fromXrRequired('status.events.streamArn', 'spec.forProvider.kinesisSourceConfiguration.kinesisStreamArn'),
        fromXrRequired('status.events.firehoseRoleArn', 'spec.forProvider.kinesisSourceConfiguration.roleArn'),
        fromXrRequired('status.events.firehoseRoleArn', 'spec.forProvider.extendedS3Configuration.roleArn'),
        fromXrRequired('status.bucketArns.analytics', 'spec.forProvider.extendedS3Configuration.bucketArn'),
        keyArnPatch('analyticsKeyArn', 'spec.forProvider.extendedS3Configuration.kmsKeyArn'),
        tokenPatch(FIREHOSE_LOG_GROUP, 'spec.forProvider.extendedS3Configuration.cloudwatchLoggingOptions.logGroupName'),
        fromXr('spec.parameters.events.bufferSizeMiB', 'spec.forProvider.extendedS3Configuration.bufferingSize'),
        fromXr('spec.parameters.events.bufferIntervalSeconds', 'spec.forProvider.extendedS3Configuration.bufferingInterval'),
        toXr('status.atProvider.arn', 'status.events.deliveryStreamArn'),
      ],
    }),
  ];
}
