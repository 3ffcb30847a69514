import { SecurityGroup } from '../../../imports/ec2-ec2.aws.upbound.io';
import { Group } from '../../../imports/cloudwatchlogs-cloudwatchlogs.aws.upbound.io';
import { ClusterCapacityProviders, ClusterV1Beta2, ServiceV1Beta2 } from '../../../imports/ecs-ecs.aws.upbound.io';
import { FileSystemV1Beta2, MountTarget } from '../../../imports/efs-efs.aws.upbound.io';
import { LbListenerV1Beta2, LbTargetGroupV1Beta2, Lbv1Beta2 } from '../../../imports/elbv2-elbv2.aws.upbound.io';
import { Role } from '../../../imports/iam-iam.aws.upbound.io';
import { BucketV1Beta2 } from '../../../imports/s3-s3.aws.upbound.io';
import { Dependency, ENI_WHY, LOG_WHY, party } from '../../composition/deletion-order';
import { LABEL } from '../../composition/resource';

const byComponent = (name: string, gvk: { apiVersion: string; kind: string }, component = name) => party(name, gvk, { [LABEL.component]: component });
export const SERVICE = byComponent('ecs-service', ServiceV1Beta2.GVK);
const ROLE_WHY = 'its running tasks use the role until they have stopped (logs, secrets, file access)';

/**
 * Inside the application tier: the service stops its tasks before what they use goes; the
 * listener goes before its target group, and the ALB before the bucket it logs to.
 */
export const APPLICATION_DEPENDENCIES: readonly Dependency[] = [
  { user: SERVICE, used: byComponent('ecs-cluster', ClusterV1Beta2.GVK), why: 'ECS refuses to delete a cluster that still has services' },
  { user: SERVICE, used: byComponent('ecs-capacity-providers', ClusterCapacityProviders.GVK), why: 'ECS refuses to remove a capacity provider that a service uses' },
  { user: SERVICE, used: byComponent('app-log-group', Group.GVK, 'app-log'), why: LOG_WHY },
  { user: byComponent('ecs-cluster', ClusterV1Beta2.GVK), used: byComponent('container-insights-log-group', Group.GVK, 'container-insights-log'), why: LOG_WHY },
  { user: SERVICE, used: byComponent('execution-role', Role.GVK), why: ROLE_WHY },
  { user: SERVICE, used: byComponent('task-role', Role.GVK), why: ROLE_WHY },
  { user: SERVICE, used: byComponent('efs-file-system', FileSystemV1Beta2.GVK), why: 'its tasks mount the file system until they have stopped' },
  { user: SERVICE, used: byComponent('alb-listener', LbListenerV1Beta2.GVK), why: 'its tasks are registered in the target group the listener forwards to; they drain first' },
  { user: byComponent('alb-listener', LbListenerV1Beta2.GVK), used: byComponent('alb-target-group', LbTargetGroupV1Beta2.GVK), why: 'ELB refuses to delete a target group a listener forwards to' },
  { user: byComponent('alb', Lbv1Beta2.GVK), used: byComponent('alb-logs-bucket', BucketV1Beta2.GVK), why: 'the ALB writes its access logs there until it is gone' },
  // Zones a and b always exist; zone c's mount target is held back by AWS's own refusal (DependencyViolation) until it is gone.
  ...['a', 'b'].map((zone) => ({
    user: party(`efs-mount-target-${zone}`, MountTarget.GVK, { [LABEL.component]: 'efs-mount-target', [LABEL.zone]: zone }),
    used: party('sg-efs', SecurityGroup.GVK, { [LABEL.tier]: 'efs' }),
    why: ENI_WHY,
  })),
];
