import { DEFAULT_REGION } from '../../config';
import { Topic, TopicPolicy, TopicSubscription } from '../../../imports/sns-sns.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { accountRoot, policyPatch, PolicyDocument, TOKEN, tokenPatch } from '../../composition/aws-policy';
import { keyArnPatch } from '../../composition/keys-tier';
import { fromXr, fromXrRequired, toXr } from '../../composition/patches';
import { baseTags, composed, EXTERNAL_NAME, LABEL } from '../../composition/resource';
import { ALARM_ARNS, ALARM_TOPIC, ALARM_TOPIC_ARN, MAX_ALARM_EMAILS, NOTICE_RULE_ARNS } from './names';

/** The composed-resource names of the e-mail subscriptions, in list order. */
export const ALARM_SUBSCRIPTIONS = Array.from({ length: MAX_ALARM_EMAILS }, (_, i) => `alarm-subscription-${i}`);

/**
 * The topic's policy: CloudWatch may publish for exactly this platform's alarms, EventBridge for
 * exactly its failed-deployment, failed-backup and key-change rules, the account
 * manages the topic through IAM, and nobody may publish or subscribe without TLS.
 */
export const ALARM_TOPIC_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'CloudWatchAlarmsPublish',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: ALARM_TOPIC_ARN,
      Condition: { StringEquals: { 'aws:SourceAccount': TOKEN.account }, ArnLike: { 'aws:SourceArn': ALARM_ARNS } },
    },
    {
      Sid: 'NoticeRulesPublish',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: ALARM_TOPIC_ARN,
      Condition: { ArnEquals: { 'aws:SourceArn': NOTICE_RULE_ARNS } },
    },
    {
      Sid: 'AccountManages',
      Effect: 'Allow',
      Principal: { AWS: accountRoot },
      Action: ['sns:GetTopicAttributes', 'sns:SetTopicAttributes', 'sns:Subscribe', 'sns:ListSubscriptionsByTopic', 'sns:Publish'],
      Resource: ALARM_TOPIC_ARN,
    },
    { Sid: 'DenyWithoutTls', Effect: 'Deny', Principal: '*', Action: ['sns:Publish', 'sns:Subscribe'], Resource: ALARM_TOPIC_ARN, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
  ],
};

/**
 * The alarm topic, encrypted with the logs key (CloudWatch may use the key for this platform's
 * alarms only: kms-keys.ts), its policy, and up to MAX_ALARM_EMAILS e-mail subscriptions from
 * operations.alarmEmails (each is confirmed by its recipient; filters.ts composes one per address).
 */
export function alarmTopicResources(): ResourcesResources[] {
  return [
    composed({
      name: 'alarm-topic',
      base: Topic.manifest({ metadata: { labels: { [LABEL.component]: 'alarm-topic' } }, spec: { forProvider: { region: DEFAULT_REGION, tags: baseTags('operations') } } }),
      patches: [
        tokenPatch(ALARM_TOPIC, EXTERNAL_NAME),
        keyArnPatch('logsKeyArn', 'spec.forProvider.kmsMasterKeyId'),
        tokenPatch(`Assessment platform ${TOKEN.suffix} alarms`, 'spec.forProvider.displayName'),
        toXr('status.atProvider.arn', 'status.operations.alarmTopicArn'),
      ],
    }),
    composed({
      name: 'alarm-topic-policy',
      taggable: false,
      base: TopicPolicy.manifest({ spec: { forProvider: { region: DEFAULT_REGION } } }),
      patches: [fromXrRequired('status.operations.alarmTopicArn', 'spec.forProvider.arn'), policyPatch(ALARM_TOPIC_POLICY, 'spec.forProvider.policy')],
    }),
    ...ALARM_SUBSCRIPTIONS.map((name, i) =>
      composed({
        name,
        taggable: false,
        base: TopicSubscription.manifest({ spec: { forProvider: { region: DEFAULT_REGION, protocol: 'email' } } }),
        patches: [fromXrRequired('status.operations.alarmTopicArn', 'spec.forProvider.topicArn'), fromXr(`spec.parameters.operations.alarmEmails[${i}]`, 'spec.forProvider.endpoint')],
      }),
    ),
  ];
}
