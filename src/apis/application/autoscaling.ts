import { DEFAULT_REGION } from '../../config';
import { PolicyV1Beta2, Target } from '../../../imports/appautoscaling-appautoscaling.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { fromXr, fromXrRequired, regexpGroup, toXr } from '../../composition/patches';
import { baseTags, composed, EXTERNAL_NAME, LABEL, sibling } from '../../composition/resource';
import { sizedBy } from '../../sizing/sizing-patches';

/** Scale out fast on an exam start, scale in slowly so that a short lull does not drop capacity. */
export const SCALE_OUT_COOLDOWN_SECONDS = 60;
export const SCALE_IN_COOLDOWN_SECONDS = 300;

const target = sibling({ [LABEL.component]: 'autoscaling-target' });

function trackingPolicy(name: string, metric: string, targetPath: string): ResourcesResources {
  return composed({
    name,
    awsName: name,
    nameFields: [EXTERNAL_NAME],
    taggable: false,
    base: PolicyV1Beta2.manifest({
      spec: {
        forProvider: {
          region: DEFAULT_REGION,
          policyType: 'TargetTrackingScaling',
          resourceIdSelector: target,
          scalableDimensionSelector: target,
          serviceNamespaceSelector: target,
          targetTrackingScalingPolicyConfiguration: {
            predefinedMetricSpecification: { predefinedMetricType: metric },
            scaleOutCooldown: SCALE_OUT_COOLDOWN_SECONDS,
            scaleInCooldown: SCALE_IN_COOLDOWN_SECONDS,
            disableScaleIn: false,
          },
        },
      },
    }),
    patches: [
      fromXr(targetPath, 'spec.forProvider.targetTrackingScalingPolicyConfiguration.targetValue'),
    ],
  });
}

/**
 * Application Auto Scaling of the service's desired count: bounds from the capacity table (or the
 * claim's overrides), target tracking on average CPU and on average memory; the larger of the two
 * wins when they disagree.
 */
export function autoscalingResources(): ResourcesResources[] {
  return [
    composed({
      name: 'autoscaling-target',
      base: Target.manifest({
        metadata: { labels: { [LABEL.component]: 'autoscaling-target' } },
        spec: { forProvider: { region: DEFAULT_REGION, serviceNamespace: 'ecs', scalableDimension: 'ecs:service:DesiredCount', tags: baseTags('application') } },
      }),
      patches: [
        // service/<cluster>/<service>, from the service's ARN: the target is registered only once the service exists.
        fromXrRequired('status.application.serviceArn', 'spec.forProvider.resourceId', regexpGroup('^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:(service/[^/]+/[^/]+)$', 1)),
        ...sizedBy('minTasks', 'spec.forProvider.minCapacity', 'spec.parameters.application.minTasks'),
        ...sizedBy('maxTasks', 'spec.forProvider.maxCapacity', 'spec.parameters.application.maxTasks'),
        toXr('spec.forProvider.minCapacity', 'status.sizing.minTasks'),
        toXr('spec.forProvider.maxCapacity', 'status.sizing.maxTasks'),
      ],
    }),
    trackingPolicy('autoscaling-cpu', 'ECSServiceAverageCPUUtilization', 'spec.parameters.application.cpuTargetPercent'),
    trackingPolicy('autoscaling-memory', 'ECSServiceAverageMemoryUtilization', 'spec.parameters.application.memoryTargetPercent'),
  ];
}
