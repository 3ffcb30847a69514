import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { KEY_CHANGE_RULE } from './names';
import { noticeRuleResources } from './notice-rule';

/** The platform's four keys, as tokens of the pattern, and where the operations XR has each ARN. */
export const KEY_ARN_FIELDS: Record<string, string> = {
  '${STUDENT_RECORDS_KEY_ARN}': 'spec.parameters.keys.studentRecordsKeyArn',
  '${ANALYTICS_KEY_ARN}': 'spec.parameters.keys.analyticsKeyArn',
  '${LOGS_KEY_ARN}': 'spec.parameters.keys.logsKeyArn',
  '${SECRETS_KEY_ARN}': 'spec.parameters.keys.secretsKeyArn',
};

/**
 * KMS calls that can make a platform key unusable, and with it Aurora, Redis, the file system, the
 * secrets, the logs and every snapshot and recovery point encrypted under it: scheduling its
 * deletion, disabling it, replacing its policy, turning off its rotation. The key policy lets the
 * account's IAM administer the keys (docs/architecture.md, Known gaps), and the 30-day deletion
 * window only helps if someone hears of it. CloudTrail (the platform's trail logs every
 * management event) delivers these calls to EventBridge; each names the key's ARN in `resources`.
 */
export const KEY_CHANGED_PATTERN = {
  source: ['aws.kms'],
  'detail-type': ['AWS API Call via CloudTrail'],
  detail: {
    eventSource: ['kms.amazonaws.com'],
    eventName: ['ScheduleKeyDeletion', 'DisableKey', 'PutKeyPolicy', 'DisableKeyRotation'],
    resources: { ARN: Object.keys(KEY_ARN_FIELDS) },
  },
};

/** The rule that sends a deletion, disabling, policy change or rotation stop of a platform key to the alarm topic. */
export function keyChangeResources(): ResourcesResources[] {
  return noticeRuleResources({
    name: 'key-changed-rule',
    ruleName: KEY_CHANGE_RULE,
    description: "A platform KMS key was scheduled for deletion, disabled, given a new policy or had its rotation turned off",
    pattern: KEY_CHANGED_PATTERN,
    fields: KEY_ARN_FIELDS,
  });
}
