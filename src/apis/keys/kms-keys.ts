import { DEFAULT_REGION } from '../../config';
import { Alias, Key } from '../../../imports/kms-kms.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { accountRoot, policyPatch, PolicyDocument, TOKEN } from '../../composition/aws-policy';
import { FLOW_LOG_GROUP } from '../network/flow-logs';
import { APP_LOG_GROUP, CONTAINER_INSIGHTS_LOG_GROUP, ECS_CLUSTER_NAME } from '../application/names';
import { API_ACCESS_LOG_GROUP, WAF_LOG_GROUP } from '../edge/names';
import { FIREHOSE_LOG_GROUP } from '../events/names';
import { TRAIL_ARN, TRAIL_LOG_GROUP } from '../audit/names';
import { ALARM_ARNS, ALARM_TOPIC_ARN, FIS_LOG_GROUP, NOTICE_RULE_ARNS, OPERATIONS_DLQ_ARN } from '../operations/names';
import { DATA_CLASSIFICATIONS } from '../../api/parameters';
import { party, protectedWhileComposed } from '../../composition/deletion-order';
import { combine, Patch, regexpGroup, toXr, XR } from '../../composition/patches';
import { awsName, baseTags, composed, EXTERNAL_NAME, LABEL, nameFromSuffix } from '../../composition/resource';

/** Which KMS key class encrypts the data stores for each dataClassification. */
export const STORE_KEY_BY_CLASSIFICATION = { 'student-records': 'student-records', 'de-identified': 'analytics' } as const;

/**
 * Set `to` to the ARN of the data-class key the claim's dataClassification chooses, from the tier's
 * spec.parameters.keys (the keys tier's status, passed on by the platform). A key ARN, not a reference: provider-upjet-aws resolves the
 * ElastiCache `kmsKeyId` and the cluster instance's `performanceInsightsKmsKeyId` references to the
 * key ID (no ARN extractor), while AWS reads back the ARN, a permanent diff on a field that forces
 * replacement. P&T cannot pick a field by a value, so the classification and every data-class key
 * ARN are joined (`<class>|<arn 1>|<arn 2>`) and one regexp group keeps the chosen ARN: the
 * prefix for class i skips the class name and the i ARNs before its own.
 */
export function dataKeyArnPatch(to: string): Patch {
  const classes = DATA_CLASSIFICATIONS;
  const skip = classes.map((c, i) => `(?:${c.replace(/[-]/g, '\\-')}\\|${'[^|]+\\|'.repeat(i)})?`).join('');
  return combine(
    [XR.dataClassification, ...classes.map((c) => `spec.parameters.keys.${STATUS_FIELD[STORE_KEY_BY_CLASSIFICATION[c]]}`)],
    classes.map(() => '%s').concat('%s').join('|'),
    to,
    regexpGroup(`^${skip}([^|]+)`, 1),
  );
}

/** One customer-managed key per data class. */
export const KEY_CLASSES = ['student-records', 'analytics', 'logs', 'secrets'] as const;
export type KeyClass = (typeof KEY_CLASSES)[number];

/** Log groups the logs key may encrypt: flow logs, Aurora's postgresql and iam-db-auth-error exports, Redis slow log, the service's log, API access log and WAF log. */
export const AURORA_LOG_GROUP = `/aws/rds/cluster/ap-aurora-${TOKEN.suffix}/postgresql`;
export const AURORA_IAM_AUTH_LOG_GROUP = `/aws/rds/cluster/ap-aurora-${TOKEN.suffix}/iam-db-auth-error`;
export const REDIS_LOG_GROUP = `/aws/elasticache/ap-redis-${TOKEN.suffix}/slow-log`;
export const LOG_GROUPS = [FLOW_LOG_GROUP, AURORA_LOG_GROUP, AURORA_IAM_AUTH_LOG_GROUP, REDIS_LOG_GROUP, APP_LOG_GROUP, CONTAINER_INSIGHTS_LOG_GROUP, API_ACCESS_LOG_GROUP, WAF_LOG_GROUP, FIREHOSE_LOG_GROUP, TRAIL_LOG_GROUP, FIS_LOG_GROUP];

const STATUS_FIELD: Record<KeyClass, string> = {
  'student-records': 'studentRecordsKeyArn',
  analytics: 'analyticsKeyArn',
  logs: 'logsKeyArn',
  secrets: 'secretsKeyArn',
};

const DESCRIPTION: Record<KeyClass, string> = {
  'student-records': 'FERPA student records: Aurora, Redis, EFS, the backup vault, Performance Insights',
  analytics: 'Analytics: the events stream and bucket; the data stores of a de-identified claim',
  logs: 'CloudWatch Logs (flow logs, database, cache, service, API access, WAF, Firehose errors, trail, FIS), the CloudTrail log files, the alarm topic and the operations dead-letter queue',
  secrets: 'Secrets Manager: database master secret, cache connection secret',
};

/**
 * The AWS services that may use each key on a caller's behalf (`kms:ViaService`), in the claim's
 * region. CloudWatch Logs, CloudWatch and EventBridge use the logs key as service principals (below).
 */
export const KEY_USERS: Record<KeyClass, readonly string[]> = {
  // Aurora storage, snapshots and Performance Insights (rds), Redis at rest and its snapshots
  // (elasticache), the service's file system (elasticfilesystem).
  // AWS Backup's recovery points of the EFS file system in the platform's vault (backup).
  'student-records': ['rds', 'elasticache', 'elasticfilesystem', 'backup'],
  // The stores of a de-identified claim, plus the events stream (kinesis) and the analytics bucket (s3).
  analytics: ['rds', 'elasticache', 'elasticfilesystem', 'backup', 'kinesis', 's3'],
  logs: [],
  // The RDS-managed master secret and the Redis connection secret.
  secrets: ['secretsmanager'],
};

/** What a key administrator may do: manage the key, never use it, never grant its use. */
export const KEY_ADMIN_ACTIONS = [
  'kms:CancelKeyDeletion', 'kms:CreateAlias', 'kms:DeleteAlias', 'kms:DescribeKey', 'kms:DisableKey', 'kms:DisableKeyRotation',
  'kms:EnableKey', 'kms:EnableKeyRotation', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListAliases', 'kms:ListGrants',
  'kms:ListKeyPolicies', 'kms:ListResourceTags', 'kms:PutKeyPolicy', 'kms:RevokeGrant', 'kms:RotateKeyOnDemand', 'kms:ScheduleKeyDeletion',
  'kms:TagResource', 'kms:UntagResource', 'kms:UpdateAlias', 'kms:UpdateKeyDescription',
] as const;

/** Cryptographic use of a key. */
export const KEY_USE_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'] as const;

/**
 * Key policy, least privilege:
 * - administration by the account (delegated to IAM, AWS's baseline that keeps the key manageable),
 *   with no cryptographic action and no grant creation;
 * - use only through the AWS services that need the key, in the claim's region, by principals of
 *   the claim's account (`kms:ViaService`, `kms:CallerAccount`);
 * - grants only for AWS resources (`kms:GrantIsForAWSResource`), which is how RDS and ElastiCache
 *   hold on to a key, through the same services;
 * - the logs key: the regional CloudWatch Logs service, only for this platform's log groups (the
 *   encryption context names each group).
 */
export function keyPolicy(keyClass: KeyClass): PolicyDocument {
  const statements: Record<string, unknown>[] = [
    { Sid: 'KeyAdministration', Effect: 'Allow', Principal: { AWS: accountRoot }, Action: [...KEY_ADMIN_ACTIONS], Resource: '*' },
  ];
  const services = KEY_USERS[keyClass].map((svc) => `${svc}.${TOKEN.region}.amazonaws.com`);
  if (services.length) {
    const via = { 'kms:ViaService': services, 'kms:CallerAccount': TOKEN.account };
    statements.push(
      { Sid: 'UseThroughServices', Effect: 'Allow', Principal: { AWS: accountRoot }, Action: [...KEY_USE_ACTIONS], Resource: '*', Condition: { StringEquals: via } },
      {
        Sid: 'GrantsForAwsResources',
        Effect: 'Allow',
        Principal: { AWS: accountRoot },
        Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
        Resource: '*',
        Condition: { StringEquals: via, Bool: { 'kms:GrantIsForAWSResource': 'true' } },
      },
    );
  }
  if (keyClass === 'student-records' || keyClass === 'analytics') {
    // Fargate encrypts the service's ephemeral storage with the data-class key: only for this
    // platform's cluster (the encryption context names account and cluster), and only the grant
    // and data keys without plaintext that Fargate uses.
    const cluster = { 'kms:EncryptionContext:aws:ecs:clusterAccount': TOKEN.account, 'kms:EncryptionContext:aws:ecs:clusterName': ECS_CLUSTER_NAME };
    statements.push(
      { Sid: 'FargateEphemeralStorageDataKeys', Effect: 'Allow', Principal: { Service: 'fargate.amazonaws.com' }, Action: 'kms:GenerateDataKeyWithoutPlaintext', Resource: '*', Condition: { StringEquals: cluster } },
      {
        Sid: 'FargateEphemeralStorageGrants',
        Effect: 'Allow',
        Principal: { Service: 'fargate.amazonaws.com' },
        Action: 'kms:CreateGrant',
        Resource: '*',
        Condition: { StringEquals: cluster, 'ForAllValues:StringEquals': { 'kms:GrantOperations': ['Decrypt'] } },
      },
    );
  }
  if (keyClass === 'logs') {
    // CloudTrail encrypts the platform trail's log files (encryption context: the trail's ARN), and
    // principals of the account may decrypt them through S3 (reading the trail bucket).
    const trail = { 'aws:SourceArn': TRAIL_ARN };
    const trailContext = { 'kms:EncryptionContext:aws:cloudtrail:arn': TRAIL_ARN };
    statements.push(
      { Sid: 'CloudTrailEncryptLogFiles', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'kms:GenerateDataKey*', Resource: '*', Condition: { StringEquals: trail, StringLike: trailContext } },
      { Sid: 'CloudTrailDescribeKey', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'kms:DescribeKey', Resource: '*', Condition: { StringEquals: trail } },
      {
        Sid: 'ReadTrailLogFiles',
        Effect: 'Allow',
        Principal: { AWS: accountRoot },
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringEquals: { 'kms:CallerAccount': TOKEN.account, 'kms:ViaService': `s3.${TOKEN.region}.amazonaws.com` }, StringLike: trailContext },
      },
    );
    // CloudWatch publishes this platform's alarms to the encrypted alarm topic.
    statements.push({
      Sid: 'CloudWatchAlarmsToEncryptedTopic',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': TOKEN.account }, ArnLike: { 'aws:SourceArn': ALARM_ARNS } },
    });
    // EventBridge delivers the notice rules' events (failed deployment, failed backup, key change) to the
    // encrypted topic and, when it cannot, to the encrypted dead-letter queue: only for those rules
    // and that topic or queue.
    const fromRule = { 'aws:SourceAccount': TOKEN.account };
    statements.push(
      {
        Sid: 'NoticeRulesToEncryptedTopic',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Resource: '*',
        Condition: { StringEquals: { ...fromRule, 'kms:EncryptionContext:aws:sns:topicArn': ALARM_TOPIC_ARN }, ArnLike: { 'aws:SourceArn': NOTICE_RULE_ARNS } },
      },
      {
        Sid: 'NoticeRulesToEncryptedQueue',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Resource: '*',
        Condition: { StringEquals: { ...fromRule, 'kms:EncryptionContext:aws:sqs:arn': OPERATIONS_DLQ_ARN }, ArnLike: { 'aws:SourceArn': NOTICE_RULE_ARNS } },
      },
      // Principals of the account (the health-check scheduler's role) use the key through SQS for
      // exactly the operations dead-letter queue.
      {
        Sid: 'OperationsDeadLetterQueue',
        Effect: 'Allow',
        Principal: { AWS: accountRoot },
        Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        Resource: '*',
        Condition: { StringEquals: { 'kms:ViaService': `sqs.${TOKEN.region}.amazonaws.com`, 'kms:CallerAccount': TOKEN.account, 'kms:EncryptionContext:aws:sqs:arn': OPERATIONS_DLQ_ARN } },
      },
    );
    statements.push({
      Sid: 'CloudWatchLogsForPlatformLogGroups',
      Effect: 'Allow',
      Principal: { Service: `logs.${TOKEN.region}.amazonaws.com` },
      Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      Resource: '*',
      Condition: {
        ArnEquals: {
          'kms:EncryptionContext:aws:logs:arn': LOG_GROUPS.map((g) => `arn:aws:logs:${TOKEN.region}:${TOKEN.account}:log-group:${g}`),
        },
      },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

/** A key and its alias for each data class: rotation on, 30-day deletion window, kept in prod; a key cannot be deleted by hand. */
export function kmsKeyResources(): ResourcesResources[] {
  return KEY_CLASSES.flatMap((keyClass) => [
    protectedWhileComposed(
      party(`kms-key-${keyClass}`, Key.GVK, { [LABEL.keyClass]: keyClass }),
      'the stores and log groups carry its ARN; a new key would replace them, and a deleted one takes their snapshots with it',
    ),
    composed({
      name: `kms-key-${keyClass}`,
      retainedInProd: true,
      base: Key.manifest({
        metadata: { labels: { [LABEL.keyClass]: keyClass } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            description: DESCRIPTION[keyClass],
            keyUsage: 'ENCRYPT_DECRYPT',
            customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
            enableKeyRotation: true,
            rotationPeriodInDays: 365,
            deletionWindowInDays: 30,
            multiRegion: false,
            tags: { ...baseTags('keys'), KeyClass: keyClass },
          },
        },
      }),
      patches: [
        policyPatch(keyPolicy(keyClass), 'spec.forProvider.policy'),
        toXr('status.atProvider.arn', `status.keys.${STATUS_FIELD[keyClass]}`),
      ],
    }),
    composed({
      name: `kms-alias-${keyClass}`,
      taggable: false,
      base: Alias.manifest({
        spec: { forProvider: { region: DEFAULT_REGION, targetKeyIdSelector: { matchControllerRef: true, matchLabels: { [LABEL.keyClass]: keyClass } } } },
      }),
      patches: [nameFromSuffix(EXTERNAL_NAME, `alias/${awsName(keyClass)}`)],
    }),
  ]);
}
