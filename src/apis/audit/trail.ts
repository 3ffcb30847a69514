import { DEFAULT_REGION } from '../../config';
import { Trail } from '../../../imports/cloudtrail-cloudtrail.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { logGroupArn, PolicyDocument, TOKEN, tokenPatch } from '../../composition/aws-policy';
import { serviceRoleResources } from '../../composition/iam-role';
import { keyArnPatch } from '../../composition/keys-tier';
import { encryptedLogGroup } from '../../composition/logging/log-group';
import { fromXrRequired, toXr } from '../../composition/patches';
import { baseTags, composed, EXTERNAL_NAME, LABEL } from '../../composition/resource';
import { ANALYTICS_BUCKET_ARN } from '../events/names';
import { TRAIL, TRAIL_BUCKET, TRAIL_LOG_GROUP } from './names';

/** CloudTrail may write exactly the trail's log group (it creates its streams there). */
export const TRAIL_LOGS_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  // CloudTrail names its streams <account>_CloudTrail_<region> (one per region of the trail).
  Statement: [{ Sid: 'DeliverToLogGroup', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logGroupArn(TRAIL_LOG_GROUP)}:log-stream:${TOKEN.account}_CloudTrail_*` }],
};

/**
 * The platform's trail: every region (global service events included), log file validation, log
 * files encrypted with the logs key, delivered to the trail bucket and to an encrypted log group
 * (for metric filters and alarms). Besides management events it records the data events (reads
 * and writes of objects) of the analytics bucket: who read the student activity data.
 */
export function trailResources(): ResourcesResources[] {
  return [
    encryptedLogGroup('trail-log-group', TRAIL_LOG_GROUP, 'audit-log', toXr('status.atProvider.arn', 'status.audit.logGroupArn')),
    ...serviceRoleResources({
      name: 'trail-logs-role',
      roleName: `ap-cloudtrail-logs-${TOKEN.suffix}-${TOKEN.region}`,
      description: "CloudTrail: delivers the platform trail's events to its log group",
      component: 'audit',
      service: 'cloudtrail.amazonaws.com',
      // AWS documents this role's trust without conditions, and CloudTrail's delivery fails with
      // aws:SourceArn/aws:SourceAccount in it; the policy below names exactly the trail's streams.
      trust: { none: 'CloudTrail delivers to CloudWatch Logs without confused-deputy keys' },
      policy: TRAIL_LOGS_POLICY,
      patches: [toXr('status.atProvider.arn', 'status.audit.logsRoleArn')],
    }),
    composed({
      name: 'trail',
      base: Trail.manifest({
        metadata: { labels: { [LABEL.component]: 'trail' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            isMultiRegionTrail: true,
            includeGlobalServiceEvents: true,
            isOrganizationTrail: false,
            enableLogFileValidation: true,
            enableLogging: true,
            eventSelector: [{ readWriteType: 'All', includeManagementEvents: true, dataResource: [{ type: 'AWS::S3::Object' }] }],
            tags: baseTags('audit'),
          },
        },
      }),
      patches: [
        tokenPatch(TRAIL, EXTERNAL_NAME),
        tokenPatch(TRAIL_BUCKET, 'spec.forProvider.s3BucketName'),
        keyArnPatch('logsKeyArn', 'spec.forProvider.kmsKeyId'),
        tokenPatch(`${logGroupArn(TRAIL_LOG_GROUP)}:*`, 'spec.forProvider.cloudWatchLogsGroupArn'),
        fromXrRequired('status.audit.logsRoleArn', 'spec.forProvider.cloudWatchLogsRoleArn'),
        tokenPatch(`${ANALYTICS_BUCKET_ARN}/`, 'spec.forProvider.eventSelector[0].dataResource[0].values[0]'),
        toXr('status.atProvider.arn', 'status.audit.trailArn'),
      ],
    }),
  ];
}
