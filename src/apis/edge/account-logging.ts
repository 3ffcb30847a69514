import { DEFAULT_REGION } from '../../config';
import { Account } from '../../../imports/apigateway-apigateway.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { PolicyDocument, TOKEN } from '../../composition/aws-policy';
import { serviceRoleResources } from '../../composition/iam-role';
import { composed, LABEL, sibling } from '../../composition/resource';

/** Composed-resource names of the account-level settings, left out when the claim does not manage them (filters.ts). */
export const ACCOUNT_LOGGING_RESOURCES: readonly string[] = ['api-gateway-account', 'api-gateway-cloudwatch-role', 'api-gateway-cloudwatch-role-policy'];

/**
 * What API Gateway may do with the account's CloudWatch role: write access logs into the
 * platform's API access-log groups of this account and region (every environment's, since the
 * setting is one per account and region), and find them.
 */
export const CLOUDWATCH_ROLE_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'WriteAccessLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
      Resource: `arn:aws:logs:${TOKEN.region}:${TOKEN.account}:log-group:/aws/apigateway/ap-api-*`,
    },
    { Sid: 'FindLogGroups', Effect: 'Allow', Action: 'logs:DescribeLogGroups', Resource: `arn:aws:logs:${TOKEN.region}:${TOKEN.account}:log-group:*` },
  ],
};

/**
 * API Gateway's account-level CloudWatch role, which access logging needs. It is one setting per
 * account and region: exactly one claim per account and region manages it
 * (`api.manageAccountSettings`, default true); the others set it to false (README "Several
 * environments in one account").
 */
export function accountLoggingResources(): ResourcesResources[] {
  return [
    ...serviceRoleResources({
      name: 'api-gateway-cloudwatch-role',
      roleName: `ap-apigateway-cloudwatch-${TOKEN.suffix}-${TOKEN.region}`,
      description: 'API Gateway writes the platform APIs\' access logs',
      component: 'edge',
      service: 'apigateway.amazonaws.com',
      trust: { sourceArn: `arn:aws:apigateway:${TOKEN.region}::/*` },
      policy: CLOUDWATCH_ROLE_POLICY,
    }),
    composed({
      name: 'api-gateway-account',
      taggable: false,
      base: Account.manifest({
        spec: { forProvider: { region: DEFAULT_REGION, cloudwatchRoleArnSelector: sibling({ [LABEL.component]: 'api-gateway-cloudwatch-role' }) } },
      }),
    }),
  ];
}
