import { DEFAULT_REGION } from '../../config';
import { ServiceV1Beta2, ServiceV1Beta2SpecManagementPolicies } from '../../../imports/ecs-ecs.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { DEFAULT_CONTAINER_PORT } from '../../api/parameters';
import { fromXr, fromXrRequired, mapTo, toXr, XR } from '../../composition/patches';
import { baseTags, composed, EXTERNAL_NAME, LABEL, sibling } from '../../composition/resource';
import { sizedBy } from '../../sizing/sizing-patches';
import { CAPACITY_STRATEGY } from './ecs-cluster';
import { PRIVATE_SUBNET_IDS } from './efs';
import { APP_CONTAINER } from './names';

/** Everything but LateInitialize (see the service's spec). */
const M = ServiceV1Beta2SpecManagementPolicies;
export const SERVICE_MANAGEMENT_POLICIES = [M.OBSERVE, M.CREATE, M.UPDATE, M.DELETE] as const;

/** The task definition revision Crossplane last set on the service (not what the AWS console may have set meanwhile). */
export const SERVICE_TASK_DEFINITION = 'status.application.serviceTaskDefinitionArn';

/**
 * The ECS service: in the private subnets with the app tier's group and no public IP, spread over
 * the AZs (Fargate places tasks across the subnets' AZs and rebalances them), registered with the
 * ALB's target group, rolled out with the deployment circuit breaker and rollback.
 *
 * `desiredCount` is set once, at creation (initProvider), to the minimum tasks: afterwards the
 * autoscaler owns it, and Crossplane never writes it back (principle: no reconcile fights).
 */
export function serviceResources(): ResourcesResources[] {
  return [
    composed({
      name: 'ecs-service',
      awsName: 'assessment',
      nameFields: [EXTERNAL_NAME],
      base: ServiceV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'ecs-service' } },
        spec: {
          // No LateInitialize: the provider would copy the desired count AWS reports into
          // forProvider and reset every scale-out of the autoscaler on its next poll.
          managementPolicies: [...SERVICE_MANAGEMENT_POLICIES],
          forProvider: {
            region: DEFAULT_REGION,
            clusterSelector: sibling({ [LABEL.component]: 'ecs-cluster' }),
            schedulingStrategy: 'REPLICA',
            platformVersion: 'LATEST',
            availabilityZoneRebalancing: 'ENABLED',
            deploymentCircuitBreaker: { enable: true, rollback: true },
            deploymentMinimumHealthyPercent: 100,
            deploymentMaximumPercent: 200,
            healthCheckGracePeriodSeconds: 60,
            enableEcsManagedTags: true,
            propagateTags: 'SERVICE',
            enableExecuteCommand: false,
            waitForSteadyState: false,
            networkConfiguration: { assignPublicIp: false },
            loadBalancer: [
              {
                containerName: APP_CONTAINER,
                containerPort: DEFAULT_CONTAINER_PORT,
                targetGroupArnSelector: sibling({ [LABEL.component]: 'alb-target-group' }),
              },
            ],
            tags: baseTags('application'),
          },
        },
      }),
      patches: [
        // The revision's ARN, which is what AWS reads back (a selector resolves to the family name:
        // a permanent diff, and after a rollback the family would mean the latest revision again).
        // First the revision Crossplane last set on the service; then, once registered, the
        // revision of the task definition as composed now. While a new revision replaces the
        // task definition (task-definition.ts) the second is absent for a reconcile or two, and
        // the service stays where it is instead of losing its task definition (a Required patch
        // is ignored for a resource that exists).
        fromXr(SERVICE_TASK_DEFINITION, 'spec.forProvider.taskDefinition'),
        fromXrRequired('status.application.taskDefinitionArn', 'spec.forProvider.taskDefinition'),
        fromXrRequired(PRIVATE_SUBNET_IDS, 'spec.forProvider.networkConfiguration.subnets'),
        fromXrRequired('spec.parameters.vpc.appSecurityGroupId', 'spec.forProvider.networkConfiguration.securityGroups[0]'),
        fromXr('spec.parameters.application.containerPort', 'spec.forProvider.loadBalancer[0].containerPort'),
        fromXr(XR.environment, 'spec.forProvider.capacityProviderStrategy', mapTo(CAPACITY_STRATEGY)),
        ...sizedBy('minTasks', 'spec.initProvider.desiredCount', 'spec.parameters.application.minTasks'),
        toXr('status.atProvider.arn', 'status.application.serviceArn'),
        toXr('spec.forProvider.taskDefinition', SERVICE_TASK_DEFINITION),
      ],
    }),
  ];
}

