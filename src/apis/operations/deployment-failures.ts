import { DEFAULT_REGION } from '../../config';
import { Rule, TargetV1Beta2 } from '../../../imports/cloudwatchevents-cloudwatchevents.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { TOKEN, tokenPatch } from '../../composition/aws-policy';
import { fromXrRequired } from '../../composition/patches';
import { baseTags, composed, EXTERNAL_NAME, LABEL, sibling } from '../../composition/resource';
import { ECS_CLUSTER_NAME } from '../application/names';
import { DEPLOYMENT_RULE, OPERATIONS_DLQ_ARN } from './names';

/** The service's ARN, which ECS's deployment events name in `resources`. */
const SERVICE_ARN = `arn:aws:ecs:${TOKEN.region}:${TOKEN.account}:service/${ECS_CLUSTER_NAME}/${ECS_CLUSTER_NAME}`;

/**
 * ECS reports a deployment the circuit breaker rolled back as SERVICE_DEPLOYMENT_FAILED, for this
 * service only. The desired state still names the new revision, so Crossplane starts it again on
 * its next poll (README "A new image"): the platform team must hear of the first failure.
 */
export const DEPLOYMENT_FAILED_PATTERN = {
  source: ['aws.ecs'],
  'detail-type': ['ECS Deployment State Change'],
  resources: [SERVICE_ARN],
  detail: { eventName: ['SERVICE_DEPLOYMENT_FAILED'] },
};

/**
 * The rule that sends a failed deployment to the alarm topic. EventBridge retries a delivery for
 * up to an hour (185 attempts at most), then puts the event into the operations dead-letter queue.
 */
export function deploymentFailureResources(): ResourcesResources[] {
  return [
    composed({
      name: 'deployment-failed-rule',
      base: Rule.manifest({
        metadata: { labels: { [LABEL.component]: 'deployment-failed-rule' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            description: 'A deployment of the assessment service failed and was rolled back',
            eventBusName: 'default',
            state: 'ENABLED',
            tags: baseTags('operations'),
          },
        },
      }),
      patches: [tokenPatch(DEPLOYMENT_RULE, EXTERNAL_NAME), tokenPatch(JSON.stringify(DEPLOYMENT_FAILED_PATTERN), 'spec.forProvider.eventPattern')],
    }),
    composed({
      name: 'deployment-failed-target',
      taggable: false,
      base: TargetV1Beta2.manifest({
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            eventBusName: 'default',
            targetId: 'alarm-topic',
            ruleSelector: sibling({ [LABEL.component]: 'deployment-failed-rule' }),
            retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 3600 },
          },
        },
      }),
      patches: [fromXrRequired('status.operations.alarmTopicArn', 'spec.forProvider.arn'), tokenPatch(OPERATIONS_DLQ_ARN, 'spec.forProvider.deadLetterConfig.arn')],
    }),
  ];
}
