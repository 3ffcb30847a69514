import { DEFAULT_REGION } from '../../config';
import { Rule, TargetV1Beta2 } from '../../../imports/cloudwatchevents-cloudwatchevents.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { tokenPatch } from '../../composition/aws-policy';
import { fromXrRequired } from '../../composition/patches';
import { baseTags, composed, EXTERNAL_NAME, LABEL, sibling } from '../../composition/resource';
import { OPERATIONS_DLQ_ARN } from './names';

export interface NoticeRuleProps {
  /** Composed-resource name of the rule; its target is `<name>-target`. */
  readonly name: string;
  /** The rule's AWS name, with tokens (one of NOTICE_RULE_ARNS). */
  readonly ruleName: string;
  readonly description: string;
  /** The EventBridge event pattern, with tokens. */
  readonly pattern: Record<string, unknown>;
  /**
   * Tokens of the pattern that stand for fields of the tier's XR (`${NAME}` -> field path), such as
   * ARNs another tier published; the rule is composed once they all have values.
   * @default - none: the pattern's only tokens are region, account and suffix
   */
  readonly fields?: Record<string, string>;
}

/**
 * An EventBridge rule on the default bus that sends matching AWS events to the alarm topic.
 * EventBridge retries a delivery for up to an hour (185 attempts at most), then puts the event into
 * the operations dead-letter queue (its alarm fires).
 */
export function noticeRuleResources(p: NoticeRuleProps): ResourcesResources[] {
  return [
    composed({
      name: p.name,
      base: Rule.manifest({
        metadata: { labels: { [LABEL.component]: p.name } },
        spec: { forProvider: { region: DEFAULT_REGION, description: p.description, eventBusName: 'default', state: 'ENABLED', tags: baseTags('operations') } },
      }),
      patches: [tokenPatch(p.ruleName, EXTERNAL_NAME), tokenPatch(JSON.stringify(p.pattern), 'spec.forProvider.eventPattern', p.fields)],
    }),
    composed({
      name: `${p.name}-target`,
      taggable: false,
      base: TargetV1Beta2.manifest({
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            eventBusName: 'default',
            targetId: 'alarm-topic',
            ruleSelector: sibling({ [LABEL.component]: p.name }),
            retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 3600 },
          },
        },
      }),
      patches: [fromXrRequired('status.operations.alarmTopicArn', 'spec.forProvider.arn'), tokenPatch(OPERATIONS_DLQ_ARN, 'spec.forProvider.deadLetterConfig.arn')],
    }),
  ];
}
