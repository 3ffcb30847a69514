import { DEFAULT_REGION } from '../../config';
import { DefaultSecurityGroup, SecurityGroup, SecurityGroupEgressRule, SecurityGroupIngressRule } from '../../../imports/ec2-ec2.aws.upbound.io';
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
 * Least-privilege rules between tiers. The only 0.0.0.0/0 ingress is HTTPS to the ALB. The app
 * tier may reach Aurora and Redis, and 443 anywhere: AWS APIs (Secrets Manager, KMS, Logs, ECR,
 * STS) through the NAT gateways. Once the VPC endpoints exist (the network tier of the
 * nested-composition issue) that 443 narrows to the endpoints' security group plus the S3 prefix
 * list. The ALB reaches only the app port of the app tier; Aurora and Redis have no egress rule.
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
  return [...groups, ...RULES.map(ruleResource), defaultSecurityGroupResource()];
}

/**
 * The VPC's default security group, managed with no rules: when the provider adopts it, it removes
 * every rule AWS put there (all traffic between members, all egress; Terraform's
 * aws_default_security_group), so anything that lands in it by default (an ENI created without a
 * group) can talk to nothing. It is never deleted in AWS (a VPC's default group cannot be); the
 * provider only lets go of it.
 */
export function defaultSecurityGroupResource(): ResourcesResources {
  return composed({
    name: 'sg-default',
    base: DefaultSecurityGroup.manifest({
      metadata: { labels: { [LABEL.component]: 'default-security-group' } },
      spec: { forProvider: { region: DEFAULT_REGION, vpcIdSelector: sibling({ [LABEL.component]: 'vpc' }), tags: baseTags('network') } },
    }),
  });
}
