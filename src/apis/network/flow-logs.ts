import { DEFAULT_REGION } from '../../config';
import { FlowLogV1Beta2 } from '../../../imports/ec2-ec2.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { logGroupArn, TOKEN } from '../../composition/aws-policy';
import { serviceRoleResources } from '../../composition/iam-role';
import { encryptedLogGroup } from '../../composition/logging/log-group';
import { baseTags, composed, LABEL, sibling } from '../../composition/resource';

export const FLOW_LOG_GROUP = `/aws/vpc/flow-logs/ap-${TOKEN.suffix}`;
/** The flow-log role's name: `ap-flow-logs-<suffix>-<region>` (at most 13 + 12 + 1 + 14 = 40 of IAM's 64 characters). */
export const FLOW_LOG_ROLE = `ap-flow-logs-${TOKEN.suffix}-${TOKEN.region}`;

/** VPC flow logs (all traffic) into a KMS-encrypted log group, delivered by a scoped IAM role. */
export function flowLogResources(): ResourcesResources[] {
  return [
    encryptedLogGroup('flow-logs-log-group', FLOW_LOG_GROUP, 'flow-logs'),
    // Delivered by a role only VPC Flow Logs may assume, for this account's flow logs. IAM names are
    // global to the account: the region keeps two claims with the same suffix apart.
    ...serviceRoleResources({
      name: 'flow-logs-role',
      roleName: FLOW_LOG_ROLE,
      description: 'Delivers VPC flow logs to CloudWatch Logs',
      component: 'flow-logs',
      service: 'vpc-flow-logs.amazonaws.com',
      trust: { sourceArn: `arn:aws:ec2:${TOKEN.region}:${TOKEN.account}:vpc-flow-log/*` },
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'WriteFlowLogs',
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
            Resource: [logGroupArn(FLOW_LOG_GROUP), `${logGroupArn(FLOW_LOG_GROUP)}:*`],
          },
          {
            // In AWS's documented flow-log role; a list action, scoped to the account's log
            // groups in the claim's region (it reads names, never log data).
            Sid: 'FindTheLogGroup',
            Effect: 'Allow',
            Action: 'logs:DescribeLogGroups',
            Resource: `arn:aws:logs:${TOKEN.region}:${TOKEN.account}:log-group:*`,
          },
        ],
      },
    }),
    composed({
      name: 'flow-log',
      base: FlowLogV1Beta2.manifest({
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            vpcIdSelector: sibling({ [LABEL.component]: 'vpc' }),
            trafficType: 'ALL',
            logDestinationType: 'cloud-watch-logs',
            logDestinationSelector: sibling({ [LABEL.component]: 'flow-logs' }),
            iamRoleArnSelector: sibling({ [LABEL.component]: 'flow-logs-role' }),
            maxAggregationInterval: 60,
            tags: baseTags('flow-logs'),
          },
        },
      }),
    }),
  ];
}
