import { obj } from '../../api/schema';
import { APPLICATION_STATUS, SIZING_STATUS } from '../../api/status';
import { deletionOrderResources } from '../../composition/deletion-order';
import { KEYS_PARAMETER, VPC_PARAMETER, keptObjects } from '../tier-parameters';
import { IDENTITY_PARAMETERS, sharedParameters, TierApi } from '../tier';
import { albResources } from './alb';
import { appLogGroupResources } from './app-log-group';
import { autoscalingResources } from './autoscaling';
import { APPLICATION_DEPENDENCIES } from './deletion-order';
import { ecsClusterResources } from './ecs-cluster';
import { efsResources } from './efs';
import { iamRoleResources } from './iam-roles';
import { ALB_LOG_PRINCIPAL_PARAMETER, CONNECTIONS_PARAMETER, IMAGE_REPOSITORY_PARAMETER } from './parameters';
import { serviceResources } from './service';
import { taskDefinitionResources } from './task-definition';

/**
 * XApplication: the assessment service of one platform on ECS Fargate: cluster, task definition,
 * service and its autoscaling, the execution and task roles, the service's log group, EFS, and the
 * internal ALB with its access-log bucket, deleted in a safe order (ClusterUsages).
 */
export const APPLICATION_API: TierApi = {
  kind: 'XApplication',
  plural: 'xapplications',
  description: 'the assessment service of one assessment platform on ECS Fargate behind an internal ALB, sized by the capacity table.',
  parameters: obj(
    'The service to run, its sizing inputs, where it lives, the keys it uses and the stores it connects to.',
    {
      ...sharedParameters([...IDENTITY_PARAMETERS, 'capacity', 'network', 'application']),
      vpc: VPC_PARAMETER,
      keys: KEYS_PARAMETER,
      connections: CONNECTIONS_PARAMETER,
      imageRepository: IMAGE_REPOSITORY_PARAMETER,
      albLogDeliveryPrincipal: ALB_LOG_PRINCIPAL_PARAMETER,
    },
    { required: ['environment', 'environmentSuffix', 'owner', 'awsAccountId', 'application', 'imageRepository', 'albLogDeliveryPrincipal'], ...keptObjects('vpc', 'keys', 'connections') },
  ),
  status: obj('Observed outputs of the application tier.', {
    application: {
      ...APPLICATION_STATUS,
      properties: {
        ...APPLICATION_STATUS.properties,
        fileSystemArn: { type: 'string', description: 'ARN of the EFS file system (the task role and the file system policy name it).' },
        accessPointId: { type: 'string', description: 'ID of the EFS access point.' },
        accessPointArn: { type: 'string', description: 'ARN of the EFS access point.' },
      },
    },
    bucketArns: obj('ARNs of the tier\'s log buckets.', { albLogs: { type: 'string', description: 'The ALB access-log bucket.' } }),
    bucketNames: obj('Names of the tier\'s log buckets.', { albLogs: { type: 'string', description: 'The ALB access-log bucket.' } }),
    sizing: SIZING_STATUS,
  }),
  resources: () => [
    ...ecsClusterResources(),
    ...appLogGroupResources(),
    ...iamRoleResources(),
    ...efsResources(),
    ...albResources(),
    ...taskDefinitionResources(),
    ...serviceResources(),
    ...autoscalingResources(),
    ...deletionOrderResources(APPLICATION_DEPENDENCIES),
  ],
};
