import { DEFAULT_REGION } from '../../config';
import { SecurityGroup, SecurityGroupEgressRule, SecurityGroupIngressRule } from '../../../imports/ec2-ec2.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { toXr } from '../patches';
import { baseTags, composed, LABEL, sibling } from '../resource';

/** Port the application containers listen on behind the ALB. */
export const APP_PORT = 8080;
export const POSTGRES_PORT = 5432;
export const REDIS_PORT = 6379;
export const HTTPS_PORT = 443;

/** Security-group tiers; each is one SecurityGroup labelled with its tier. */
export const TIERS = ['alb', 'app', 'aurora', 'redis'] as const;
export type Tier = (typeof TIERS)[number];

const DESCRIPTIONS: Record<Tier, string> = {
  alb: 'Internet-facing ALB: HTTPS in, app port out',
  app: 'Application tasks: from the ALB only',
  aurora: 'Aurora PostgreSQL: 5432 from the app tier only',
  redis: 'ElastiCache Redis: 6379 from the app tier only',
};

const group = (tier: Tier) => sibling({ [LABEL.tier]: tier });

interface RuleSpec {
  readonly name: string;
  readonly direction: 'ingress' | 'egress';
  readonly tier: Tier;
  readonly port: number;
  readonly description: string;
  /** The other side: a tier's security group, or anywhere (ALB 443 in, HTTPS to AWS APIs out). */
  readonly peer: Tier | 'anywhere';
}

/**
 * Least-privilege rules between tiers. The only 0.0.0.0/0 ingress is HTTPS to the ALB; app
 * egress to 443 anywhere lets tasks reach AWS APIs through the NAT gateways.
 */
export const RULES: readonly RuleSpec[] = [
  { name: 'alb-in-https', direction: 'ingress', tier: 'alb', port: HTTPS_PORT, peer: 'anywhere', description: 'HTTPS from the internet' },
  { name: 'alb-out-app', direction: 'egress', tier: 'alb', port: APP_PORT, peer: 'app', description: 'to application tasks' },
  { name: 'app-in-alb', direction: 'ingress', tier: 'app', port: APP_PORT, peer: 'alb', description: 'from the ALB' },
  { name: 'app-out-aurora', direction: 'egress', tier: 'app', port: POSTGRES_PORT, peer: 'aurora', description: 'to Aurora PostgreSQL' },
  { name: 'app-out-redis', direction: 'egress', tier: 'app', port: REDIS_PORT, peer: 'redis', description: 'to ElastiCache Redis' },
  { name: 'app-out-https', direction: 'egress', tier: 'app', port: HTTPS_PORT, peer: 'anywhere', description: 'HTTPS to AWS APIs' },
  { name: 'aurora-in-app', direction: 'ingress', tier: 'aurora', port: POSTGRES_PORT, peer: 'app', description: 'PostgreSQL from the app tier' },
  { name: 'redis-in-app', direction: 'ingress', tier: 'redis', port: REDIS_PORT, peer: 'app', description: 'Redis from the app tier' },
];

function ruleResource(rule: RuleSpec): ResourcesResources {
  const forProvider = {
    region: DEFAULT_REGION,
    securityGroupIdSelector: group(rule.tier),
    ipProtocol: 'tcp',
    fromPort: rule.port,
    toPort: rule.port,
    description: rule.description,
    ...(rule.peer === 'anywhere' ? { cidrIpv4: '0.0.0.0/0' } : {}),
    ...(rule.peer !== 'anywhere' ? { referencedSecurityGroupIdSelector: group(rule.peer) } : {}),
    tags: baseTags('network'),
  };
  const base =
    rule.direction === 'ingress'
      ? SecurityGroupIngressRule.manifest({ spec: { forProvider } })
      : SecurityGroupEgressRule.manifest({ spec: { forProvider } });
  return composed({
    name: `sg-rule-${rule.name}`,
    awsName: rule.name,
    base,
  });
}

/** One security group per tier plus the rules between them. */
export function securityGroupResources(): ResourcesResources[] {
  const groups = TIERS.map((tier) =>
    composed({
      name: `sg-${tier}`,
      awsName: tier,
      nameFields: ['spec.forProvider.name'],
      base: SecurityGroup.manifest({
        metadata: { labels: { [LABEL.tier]: tier } },
        spec: { forProvider: { region: DEFAULT_REGION, description: DESCRIPTIONS[tier], vpcIdSelector: sibling({ [LABEL.component]: 'vpc' }), tags: baseTags('network') } },
      }),
      patches: [
        ...(tier === 'alb' || tier === 'app' ? [toXr('status.atProvider.id', `status.network.${tier}SecurityGroupId`)] : []),
      ],
    }),
  );
  return [...groups, ...RULES.map(ruleResource)];
}
