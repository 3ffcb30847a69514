import { SecurityGroup } from '../../../imports/ec2-ec2.aws.upbound.io';
import { Group } from '../../../imports/cloudwatchlogs-cloudwatchlogs.aws.upbound.io';
import { ClusterParameterGroup, ClusterV1Beta2, SubnetGroup } from '../../../imports/rds-rds.aws.upbound.io';
import { Dependency, ENI_WHY, LOG_WHY, party } from '../../composition/deletion-order';
import { LABEL } from '../../composition/resource';

export const AURORA = party('aurora-cluster', ClusterV1Beta2.GVK, { [LABEL.component]: 'aurora-cluster' });

/** Inside the database tier: the cluster goes before its security group, groups and log groups. */
export const DATABASE_DEPENDENCIES: readonly Dependency[] = [
  { user: AURORA, used: party('sg-aurora', SecurityGroup.GVK, { [LABEL.tier]: 'aurora' }), why: ENI_WHY },
  { user: AURORA, used: party('aurora-subnet-group', SubnetGroup.GVK, { [LABEL.component]: 'aurora-subnet-group' }), why: 'RDS refuses to delete a DB subnet group in use' },
  {
    user: AURORA,
    used: party('aurora-cluster-parameter-group', ClusterParameterGroup.GVK, { [LABEL.component]: 'aurora-cluster-parameter-group' }),
    why: 'RDS refuses to delete a parameter group in use',
  },
  { user: AURORA, used: party('aurora-postgresql-log', Group.GVK, { [LABEL.component]: 'aurora-postgresql-log' }), why: LOG_WHY },
  { user: AURORA, used: party('aurora-iam-auth-error-log', Group.GVK, { [LABEL.component]: 'aurora-iam-db-auth-error-log' }), why: LOG_WHY },
];
