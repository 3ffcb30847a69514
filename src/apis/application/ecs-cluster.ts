import { DEFAULT_REGION } from '../../config';
import { ClusterCapacityProviders, ClusterV1Beta2 } from '../../../imports/ecs-ecs.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { fromXr, mapTo, toXr, XR } from '../../composition/patches';
import { dataKeyArnPatch } from '../keys/kms-keys';
import { baseTags, composed, EXTERNAL_NAME, LABEL, sibling } from '../../composition/resource';

/**
 * The capacity providers per environment: on-demand Fargate everywhere; Fargate Spot in dev only,
 * where an interrupted task costs nothing. The first is the base of the default strategy.
 */
export const CAPACITY_STRATEGY: Record<'dev' | 'staging' | 'prod', { capacityProvider: string; base: number; weight: number }[]> = {
  dev: [
    { capacityProvider: 'FARGATE', base: 1, weight: 1 },
    { capacityProvider: 'FARGATE_SPOT', base: 0, weight: 3 },
  ],
  staging: [{ capacityProvider: 'FARGATE', base: 1, weight: 1 }],
  prod: [{ capacityProvider: 'FARGATE', base: 1, weight: 1 }],
};
export const capacityProvidersOf = (strategy: readonly { capacityProvider: string }[]) => strategy.map((s) => s.capacityProvider);

/** The ECS cluster with Container Insights (enhanced) and encrypted Fargate ephemeral storage, and its capacity providers. */
export function ecsClusterResources(): ResourcesResources[] {
  return [
    composed({
      name: 'ecs-cluster',
      awsName: 'assessment',
      nameFields: [EXTERNAL_NAME],
      base: ClusterV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'ecs-cluster' } },
        spec: { forProvider: { region: DEFAULT_REGION, setting: [{ name: 'containerInsights', value: 'enhanced' }], tags: baseTags('application') } },
      }),
      patches: [
        // The tasks' ephemeral storage (/tmp, image layers) under the data-class key, not an AWS-owned one.
        dataKeyArnPatch('spec.forProvider.configuration.managedStorageConfiguration.fargateEphemeralStorageKmsKeyId'),
        toXr('status.atProvider.arn', 'status.application.clusterArn'),
      ],
    }),
    composed({
      name: 'ecs-capacity-providers',
      taggable: false,
      base: ClusterCapacityProviders.manifest({
        metadata: { labels: { [LABEL.component]: 'ecs-capacity-providers' } },
        spec: { forProvider: { region: DEFAULT_REGION, clusterNameSelector: sibling({ [LABEL.component]: 'ecs-cluster' }) } },
      }),
      patches: [
        fromXr(XR.environment, 'spec.forProvider.capacityProviders', mapTo(Object.fromEntries(Object.entries(CAPACITY_STRATEGY).map(([env, s]) => [env, capacityProvidersOf(s)])))),
        fromXr(XR.environment, 'spec.forProvider.defaultCapacityProviderStrategy', mapTo(CAPACITY_STRATEGY)),
      ],
    }),
  ];
}

