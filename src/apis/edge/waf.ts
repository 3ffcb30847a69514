import { DEFAULT_REGION } from '../../config';
import { WebAcl, WebAclAssociation, WebAclLoggingConfiguration } from '../../../imports/wafv2-wafv2.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { jsonTemplate, tokenPatch } from '../../composition/aws-policy';
import { encryptedLogGroup } from '../../composition/logging/log-group';
import { fromXrRequired, toXr } from '../../composition/patches';
import { baseTags, composed, LABEL, sibling } from '../../composition/resource';
import { WAF_LOG_GROUP } from './names';

const visibility = (metricName: string) => ({ SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: metricName });

const managed = (priority: number, name: string, overrides: { name: string; why: string }[] = []) => ({
  Name: name,
  Priority: priority,
  OverrideAction: { None: {} },
  Statement: {
    ManagedRuleGroupStatement: {
      VendorName: 'AWS',
      Name: name,
      ...(overrides.length ? { RuleActionOverrides: overrides.map((o) => ({ Name: o.name, ActionToUse: { Count: {} } })) } : {}),
    },
  },
  VisibilityConfig: visibility(name),
});

/**
 * Rules of the managed groups that count instead of block, each with the reason: an answer is
 * free text a student writes (an essay, an SQL or programming exam), which these body rules
 * would block with a 403 and the answer lost. The same rules block in the URI, query string and
 * headers; the service must treat every answer as data (parameterised queries, output encoding).
 */
export const COUNTED_RULES: Record<string, { name: string; why: string }[]> = {
  AWSManagedRulesCommonRuleSet: [
    { name: 'SizeRestrictions_BODY', why: 'an essay answer is larger than the 8 KB this rule blocks; API Gateway still caps a payload at 10 MB' },
    { name: 'CrossSiteScripting_BODY', why: 'an answer in a web-development exam contains HTML and script' },
    { name: 'GenericLFI_BODY', why: 'an answer may quote file paths (../)' },
    { name: 'GenericRFI_BODY', why: 'an answer may quote URLs' },
  ],
  AWSManagedRulesSQLiRuleSet: [
    { name: 'SQLi_BODY', why: 'an answer in a database exam is SQL' },
    { name: 'SQLiExtendedPatterns_BODY', why: 'an answer in a database exam is SQL' },
  ],
};

/**
 * The web ACL's rules, in the WAFv2 API's JSON (ruleJson): a rate limit per source IP first, then
 * AWS's managed groups: common, known bad inputs, SQL injection. `${WAF_LIMIT}` is the claim's limit.
 */
export const WAF_RULES = [
  {
    Name: 'RateLimitPerIp',
    Priority: 0,
    Action: { Block: {} },
    Statement: { RateBasedStatement: { Limit: '${WAF_LIMIT}', AggregateKeyType: 'IP', EvaluationWindowSec: 300 } },
    VisibilityConfig: visibility('RateLimitPerIp'),
  },
  managed(1, 'AWSManagedRulesCommonRuleSet', COUNTED_RULES.AWSManagedRulesCommonRuleSet),
  managed(2, 'AWSManagedRulesKnownBadInputsRuleSet'),
  managed(3, 'AWSManagedRulesSQLiRuleSet', COUNTED_RULES.AWSManagedRulesSQLiRuleSet),
];

const webAcl = sibling({ [LABEL.component]: 'web-acl' });

/**
 * The WAFv2 web ACL in front of the stage (REGIONAL), associated with it, and its logging into an
 * encrypted group, with the Authorization header (SigV4 signatures) and cookies redacted.
 */
export function wafResources(): ResourcesResources[] {
  return [
    composed({
      name: 'web-acl',
      awsName: 'api',
      nameFields: ['spec.forProvider.name'],
      base: WebAcl.manifest({
        metadata: { labels: { [LABEL.component]: 'web-acl' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            scope: 'REGIONAL',
            description: 'Assessment platform API: rate limit and AWS managed rules',
            defaultAction: { allow: {} },
            visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: 'assessment-api', sampledRequestsEnabled: true },
            tags: baseTags('edge'),
          },
        },
      }),
      patches: [
        tokenPatch(jsonTemplate(WAF_RULES, ['${WAF_LIMIT}']), 'spec.forProvider.ruleJson', { '${WAF_LIMIT}': 'spec.parameters.api.wafRateLimitPerIp' }),
        toXr('status.atProvider.arn', 'status.api.webAclArn'),
      ],
    }),
    composed({
      name: 'web-acl-association',
      taggable: false,
      base: WebAclAssociation.manifest({ spec: { forProvider: { region: DEFAULT_REGION, webAclArnSelector: webAcl } } }),
      patches: [fromXrRequired('status.api.stageArn', 'spec.forProvider.resourceArn')],
    }),
    encryptedLogGroup('waf-log-group', WAF_LOG_GROUP, 'waf-log', toXr('status.atProvider.arn', 'status.api.wafLogGroupArn')),
    composed({
      name: 'web-acl-logging',
      taggable: false,
      base: WebAclLoggingConfiguration.manifest({
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            resourceArnSelector: webAcl,
            redactedFields: [{ singleHeader: { name: 'authorization' } }, { singleHeader: { name: 'cookie' } }],
          },
        },
      }),
      patches: [fromXrRequired('status.api.wafLogGroupArn', 'spec.forProvider.logDestinationConfigs[0]')],
    }),
  ];
}

