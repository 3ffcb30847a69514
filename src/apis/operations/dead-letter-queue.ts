import { DEFAULT_REGION } from '../../config';
import { Queue, QueuePolicy } from '../../../imports/sqs-sqs.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { policyPatch, PolicyDocument, tokenPatch } from '../../composition/aws-policy';
import { keyArnPatch } from '../../composition/keys-tier';
import { fromXrRequired, toXr } from '../../composition/patches';
import { baseTags, composed, EXTERNAL_NAME, LABEL } from '../../composition/resource';
import { NOTICE_RULE_ARNS, OPERATIONS_DLQ, OPERATIONS_DLQ_ARN } from './names';

/** Fourteen days, SQS's longest retention: a dead letter waits for someone to look. */
export const DLQ_RETENTION_SECONDS = 1_209_600;

/**
 * The queue's policy: EventBridge may send for exactly the notice rules (failed deployment, failed backup, key change) (the schedule sends
 * through its own role, which IAM admits, as it admits the account's operators), and nobody may
 * use it without TLS.
 */
export const OPERATIONS_DLQ_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'NoticeRuleDeadLetters',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: OPERATIONS_DLQ_ARN,
      Condition: { ArnEquals: { 'aws:SourceArn': NOTICE_RULE_ARNS } },
    },
    { Sid: 'DenyWithoutTls', Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: OPERATIONS_DLQ_ARN, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
  ],
};

/**
 * The operations dead-letter queue: what the health-check schedule and the deployment rule could
 * not deliver after their retries. Encrypted with the logs key (a data key reused for 5 minutes),
 * kept 14 days; an alarm fires on any message in it (alarms.ts).
 */
export function deadLetterQueueResources(): ResourcesResources[] {
  return [
    composed({
      name: 'operations-dlq',
      base: Queue.manifest({
        metadata: { labels: { [LABEL.component]: 'operations-dlq' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            messageRetentionSeconds: DLQ_RETENTION_SECONDS,
            kmsDataKeyReusePeriodSeconds: 300,
            tags: baseTags('operations'),
          },
        },
      }),
      patches: [
        tokenPatch(OPERATIONS_DLQ, EXTERNAL_NAME),
        keyArnPatch('logsKeyArn', 'spec.forProvider.kmsMasterKeyId'),
        toXr('status.atProvider.arn', 'status.operations.deadLetterQueueArn'),
        toXr('status.atProvider.url', 'status.operations.deadLetterQueueUrl'),
      ],
    }),
    composed({
      name: 'operations-dlq-policy',
      taggable: false,
      base: QueuePolicy.manifest({ spec: { forProvider: { region: DEFAULT_REGION } } }),
      patches: [fromXrRequired('status.operations.deadLetterQueueUrl', 'spec.forProvider.queueUrl'), policyPatch(OPERATIONS_DLQ_POLICY, 'spec.forProvider.policy')],
    }),
  ];
}
