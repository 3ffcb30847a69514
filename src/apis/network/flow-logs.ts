import { DEFAULT_REGION } from '../../config';
import { FlowLogV1Beta2 } from '../../../imports/ec2-ec2.aws.upbound.io';
import { RolePolicy, Role } from '../../../imports/iam-iam.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { logGroupArn, policyPatch, TOKEN, tokenPatch } from '../../composition/aws-policy';
import { encryptedLogGroup } from '../../composition/logging/log-group';
import { baseTags, composed, EXTERNAL_NAME, LABEL, sibling } from '../../composition/resource';

export const FLOW_LOG_GROUP = `/aws/vpc/flow-logs/ap-${TOKEN.suffix}`;
/** The flow-log role's name: `ap-flow-logs-<suffix>-<region>` (at most 13 + 12 + 1 + 14 = 40 of IAM's 64 characters). */
export const FLOW_LOG_ROLE = `ap-flow-logs-${TOKEN.suffix}-${TOKEN.region}`;

/** VPC flow logs (all traffic) into a KMS-encrypted log group, delivered by a scoped IAM role. */
export function flowLogResources(): ResourcesResources[] {
  return [
    encryptedLogGroup('flow-logs-log-group', FLOW_LOG_GROUP, 'flow-logs'),
    composed({
      name: 'flow-logs-role',
      global: true,
      base: Role.manifest({
        metadata: { labels: { [LABEL.component]: 'flow-logs-role' } },
        spec: { forProvider: { description: 'Delivers VPC flow logs to CloudWatch Logs', tags: baseTags('flow-logs') } },
      }),
      patches: [
        // IAM names are global to the account: the region keeps two claims with the same suffix
        // in different regions apart.
        tokenPatch(FLOW_LOG_ROLE, EXTERNAL_NAME),
        policyPatch(
          {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 'vpc-flow-logs.amazonaws.com' },
                Action: 'sts:AssumeRole',
                Condition: {
                  StringEquals: { 'aws:SourceAccount': TOKEN.account },
                  ArnLike: { 'aws:SourceArn': `arn:aws:ec2:${TOKEN.region}:${TOKEN.account}:vpc-flow-log/*` },
                },
              },
            ],
          },
          'spec.forProvider.assumeRolePolicy',
        ),
      ],
    }),
    composed({
      name: 'flow-logs-role-policy',
      global: true,
      taggable: false,
      base: RolePolicy.manifest({
        spec: { forProvider: { roleSelector: sibling({ [LABEL.component]: 'flow-logs-role' }) } },
      }),
      patches: [
        policyPatch(
          {
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
          'spec.forProvider.policy',
        ),
      ],
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
