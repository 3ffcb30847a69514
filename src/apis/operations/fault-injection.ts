import { DEFAULT_REGION } from '../../config';
import { ExperimentTemplateV1Beta2 } from '../../../imports/fis-fis.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { logGroupArn, PolicyDocument, TOKEN, tokenPatch } from '../../composition/aws-policy';
import { serviceRoleResources } from '../../composition/iam-role';
import { encryptedLogGroup } from '../../composition/logging/log-group';
import { toXr } from '../../composition/patches';
import { baseTags, composed, LABEL } from '../../composition/resource';
import { REDIS_REPLICATION_GROUP } from '../application/names';
import { FIS_LOG_GROUP, FIS_ZONE_INDEX } from './names';

/**
 * The composed resource that exists only while fault injection is on (filters.ts): the template.
 * Its role and log group stay: an experiment still running when fault injection is turned off
 * needs its role to put the subnets' network ACLs back (a role without a template is inert).
 */
export const FAULT_INJECTION_RESOURCES = ['az-failure-experiment'] as const;
const FIS_ROLE_NAME = `ap-fis-az-failure-${TOKEN.suffix}-${TOKEN.region}`;
/** How long the experiment holds the zone down. */
export const AZ_FAILURE_DURATION = 'PT10M';
/** The zone the experiment takes down: the first of the claim's, `<region>a`. */
const ZONE = `${TOKEN.region}${'abc'[FIS_ZONE_INDEX]}`;
const SUBNET_ARN = (token: string) => `arn:aws:ec2:${TOKEN.region}:${TOKEN.account}:subnet/${token}`;
const SUBNETS = [SUBNET_ARN('${PRIVATE_SUBNET}'), SUBNET_ARN('${DATA_SUBNET}')];
const VPC_ARN = `arn:aws:ec2:${TOKEN.region}:${TOKEN.account}:vpc/\${VPC_ID}`;
const NETWORK_ACLS = `arn:aws:ec2:${TOKEN.region}:${TOKEN.account}:network-acl/*`;
const AURORA_ARN = `arn:aws:rds:${TOKEN.region}:${TOKEN.account}:cluster:ap-aurora-${TOKEN.suffix}`;
const REDIS_ARN = `arn:aws:elasticache:${TOKEN.region}:${TOKEN.account}:replicationgroup:${REDIS_REPLICATION_GROUP}`;
/** The stop condition: the API's fast 5XX alarm (alarms.ts, 1-minute periods); the experiment stops within minutes when students see errors. */
export const STOP_ALARM_ARN = `arn:aws:cloudwatch:${TOKEN.region}:${TOKEN.account}:alarm:ap-alarm-api-5xx-fast-${TOKEN.suffix}`;

/**
 * What FIS may do for this experiment and nothing else: swap the network ACL of exactly zone a's
 * private and data subnets for a deny-all ACL it creates and tags in the platform's VPC, and
 * delete only ACLs it tagged; fail over exactly the Aurora cluster; cut power to exactly the Redis
 * replication group's nodes in the zone; deliver its log to CloudWatch Logs. The describe calls
 * and log delivery set-up have no resource-level permissions (WILDCARD_RESOURCE_ACTIONS).
 */
export const FIS_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'CreateAclInPlatformVpc', Effect: 'Allow', Action: 'ec2:CreateNetworkAcl', Resource: VPC_ARN },
    { Sid: 'CreateDenyAllAcl', Effect: 'Allow', Action: 'ec2:CreateNetworkAcl', Resource: NETWORK_ACLS, Condition: { StringEquals: { 'aws:RequestTag/managedByFIS': 'true' } } },
    {
      Sid: 'TagDenyAllAcl',
      Effect: 'Allow',
      Action: 'ec2:CreateTags',
      Resource: NETWORK_ACLS,
      Condition: { StringEquals: { 'ec2:CreateAction': 'CreateNetworkAcl', 'aws:RequestTag/managedByFIS': 'true' } },
    },
    {
      Sid: 'ChangeOnlyOwnAcls',
      Effect: 'Allow',
      Action: ['ec2:CreateNetworkAclEntry', 'ec2:DeleteNetworkAcl'],
      Resource: NETWORK_ACLS,
      Condition: { StringEquals: { 'ec2:ResourceTag/managedByFIS': 'true' } },
    },
    { Sid: 'SwapZoneSubnetAcls', Effect: 'Allow', Action: 'ec2:ReplaceNetworkAclAssociation', Resource: [...SUBNETS, NETWORK_ACLS], Condition: { ArnEquals: { 'ec2:Vpc': VPC_ARN } } },
    {
      Sid: 'DescribeNetwork',
      Effect: 'Allow',
      Action: ['ec2:DescribeNetworkAcls', 'ec2:DescribeManagedPrefixLists', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'ec2:GetManagedPrefixListEntries'],
      Resource: '*',
    },
    { Sid: 'FailOverAurora', Effect: 'Allow', Action: ['rds:FailoverDBCluster', 'rds:DescribeDBClusters'], Resource: AURORA_ARN },
    { Sid: 'InterruptRedisZone', Effect: 'Allow', Action: ['elasticache:InterruptClusterAzPower', 'elasticache:DescribeReplicationGroups'], Resource: REDIS_ARN },
    { Sid: 'LogDeliverySetUp', Effect: 'Allow', Action: ['logs:CreateLogDelivery', 'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies', 'logs:DescribeLogGroups'], Resource: '*' },
  ],
};

/**
 * The AZ-failure experiment template: for AZ_FAILURE_DURATION, zone a's private and data subnets
 * lose all connectivity (a deny-all network ACL), Aurora fails over to a reader in another zone,
 * and the Redis nodes in zone a lose power (replicas elsewhere are promoted). It stops at once when
 * the API's 5XX alarm fires, and logs every action to its own encrypted log group. Composed only
 * where operations.faultInjection allows it (off in prod unless set); a template does nothing
 * until someone starts an experiment from it.
 */
export function faultInjectionResources(): ResourcesResources[] {
  const vpcTokens = {
    '${VPC_ID}': 'spec.parameters.vpc.id',
    '${PRIVATE_SUBNET}': `spec.parameters.vpc.privateSubnetIds[${FIS_ZONE_INDEX}]`,
    '${DATA_SUBNET}': `spec.parameters.vpc.dataSubnetIds[${FIS_ZONE_INDEX}]`,
  };
  return [
    encryptedLogGroup('fis-log-group', FIS_LOG_GROUP, 'operations-log', toXr('status.atProvider.arn', 'status.operations.faultInjectionLogGroupArn')),
    ...serviceRoleResources({
      name: 'fis-role',
      roleName: FIS_ROLE_NAME,
      description: "FIS: takes zone a of the platform down (network ACL, Aurora failover, Redis power) and logs what it did",
      component: 'operations',
      service: 'fis.amazonaws.com',
      trust: { sourceArn: `arn:aws:fis:${TOKEN.region}:${TOKEN.account}:experiment/*` },
      policy: FIS_POLICY,
      tokens: vpcTokens,
      patches: [toXr('status.atProvider.arn', 'status.operations.faultInjectionRoleArn')],
    }),
    composed({
      name: 'az-failure-experiment',
      base: ExperimentTemplateV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'az-failure-experiment' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            description: 'AZ failure: zone a loses connectivity, Aurora fails over, Redis loses its zone-a nodes',
            action: [
              {
                name: 'disrupt-zone-subnets',
                actionId: 'aws:network:disrupt-connectivity',
                description: "Deny all traffic in and out of zone a's private and data subnets",
                parameter: [{ key: 'duration', value: AZ_FAILURE_DURATION }, { key: 'scope', value: 'all' }],
                target: { key: 'Subnets', value: 'zone-subnets' },
              },
              {
                name: 'fail-over-aurora',
                actionId: 'aws:rds:failover-db-cluster',
                description: 'Promote an Aurora reader in another zone to writer',
                target: { key: 'Clusters', value: 'aurora-cluster' },
              },
              {
                name: 'interrupt-redis-zone',
                actionId: 'aws:elasticache:replicationgroup-interrupt-az-power',
                description: "Cut power to the Redis nodes in zone a",
                parameter: [{ key: 'duration', value: AZ_FAILURE_DURATION }],
                target: { key: 'ReplicationGroups', value: 'redis' },
              },
            ],
            target: [
              { name: 'zone-subnets', resourceType: 'aws:ec2:subnet', selectionMode: 'ALL' },
              { name: 'aurora-cluster', resourceType: 'aws:rds:cluster', selectionMode: 'ALL' },
              { name: 'redis', resourceType: 'aws:elasticache:replicationgroup', selectionMode: 'ALL' },
            ],
            stopCondition: [{ source: 'aws:cloudwatch:alarm' }],
            logConfiguration: { logSchemaVersion: 2 },
            experimentOptions: { accountTargeting: 'single-account', emptyTargetResolutionMode: 'fail' },
            tags: baseTags('operations'),
          },
        },
      }),
      patches: [
        // The role's ARN from its name, not from its status: in prod, where the role is filtered out,
        // a Required patch on its status would warn on every render before the filter drops this.
        tokenPatch(`arn:aws:iam::${TOKEN.account}:role/${FIS_ROLE_NAME}`, 'spec.forProvider.roleArn'),
        toXr('status.atProvider.id', 'status.operations.experimentTemplateId'),
        ...SUBNETS.map((arn, i) => tokenPatch(arn, `spec.forProvider.target[0].resourceArns[${i}]`, i === 0 ? { '${PRIVATE_SUBNET}': vpcTokens['${PRIVATE_SUBNET}'] } : { '${DATA_SUBNET}': vpcTokens['${DATA_SUBNET}'] })),
        tokenPatch(AURORA_ARN, 'spec.forProvider.target[1].resourceArns[0]'),
        tokenPatch(REDIS_ARN, 'spec.forProvider.target[2].resourceArns[0]'),
        tokenPatch(ZONE, 'spec.forProvider.target[2].parameters.availabilityZoneIdentifier'),
        tokenPatch(STOP_ALARM_ARN, 'spec.forProvider.stopCondition[0].value'),
        tokenPatch(`${logGroupArn(FIS_LOG_GROUP)}:*`, 'spec.forProvider.logConfiguration.cloudwatchLogsConfiguration.logGroupArn'),
      ],
    }),
  ];
}
