import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { TOKEN } from '../../composition/aws-policy';
import { ECS_CLUSTER_NAME } from '../application/names';
import { DEPLOYMENT_RULE } from './names';
import { noticeRuleResources } from './notice-rule';

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

/** The rule that sends a failed deployment to the alarm topic. */
export function deploymentFailureResources(): ResourcesResources[] {
  return noticeRuleResources({
    name: 'deployment-failed-rule',
    ruleName: DEPLOYMENT_RULE,
    description: 'A deployment of the assessment service failed and was rolled back',
    pattern: DEPLOYMENT_FAILED_PATTERN,
  });
}
