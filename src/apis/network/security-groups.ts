import { DEFAULT_REGION } from '../../config';
import { DefaultSecurityGroup, SecurityGroup, SecurityGroupEgressRule, SecurityGroupIngressRule } from '../../../imports/ec2-ec2.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { DEFAULT_CONTAINER_PORT } from '../../api/parameters';
import { fromXr, fromXrRequired, Patch, toXr } from '../../composition/patches';
import { baseTags, composed, LABEL, sibling } from '../../composition/resource';

/** Where the network tier finds the claim's container port (the app tier's and the ALB's rules). */
export const CONTAINER_PORT_PARAMETER = 'spec.parameters.application.containerPort';
export const NFS_PORT = 2049;
export const POSTGRES_PORT = 5432;
export const REDIS_PORT = 6379;
export const HTTPS_PORT = 443;

/**
 * Security-group tiers; each is one SecurityGroup labelled with its tier. The network tier owns
 * the traffic path's (NLB, ALB, app) and their rules; each store tier owns its own (database:
 * aurora, cache: redis, application: efs) with the two rules that let the app tier reach it, so a
 * store's firewall lives and dies with the store.
 */
export const TIERS = ['nlb', 'alb', 'app', 'health', 'aurora', 'redis', 'efs'] as const;
export type Tier = (typeof TIERS)[number];
export type StoreTier = 'aurora' | 'redis' | 'efs';

const DESCRIPTIONS: Record<Tier, string> = {
  nlb: 'Internal NLB of the API Gateway VPC link: no inbound rule (PrivateLink only), HTTPS to the ALB',
  alb: 'Internal ALB: HTTPS from the VPC link NLB and the health check only, to the application tasks',
  app: 'Application tasks: from the ALB only',
  health: 'Scheduled health-check task (with the app group): HTTPS to the ALB only',
  aurora: 'Aurora PostgreSQL: 5432 from the app tier only',
  redis: 'ElastiCache Redis: 6379 from the app tier only',
  efs: 'EFS mount targets: NFS 2049 from the app tier only',
};

/** In a store tier, the app tier's security group ID arrives as a parameter from the network tier. */
export const APP_SECURITY_GROUP_PARAMETER = 'spec.parameters.vpc.appSecurityGroupId';
/** In a store tier, the VPC ID arrives as a parameter from the network tier. */
export const VPC_ID_PARAMETER = 'spec.parameters.vpc.id';

/** How a rule or group finds a security group: a sibling by its tier label, or the app tier's by the ID parameter. */
type GroupRef = { readonly sibling: Tier } | { readonly appFromParameter: true };

interface RuleSpec {
  readonly name: string;
  readonly direction: 'ingress' | 'egress';
  /** The group the rule belongs to. */
  readonly group: GroupRef;
  /** A port, or the claim's container port. */
  readonly port: number | 'container';
  readonly description: string;
  /** The other side: always a security group (nothing admits 0.0.0.0/0). */
  readonly peer: GroupRef;
}

/**
 * The network tier's rules: the one traffic path, API Gateway -> VPC link -> NLB -> ALB -> tasks.
 * No group admits 0.0.0.0/0. The NLB has no inbound rule: the VPC link reaches it over PrivateLink,
 * which its inbound rules do not apply to (the edge tier turns that enforcement off), and nothing
 * else in the VPC can. The ALB admits HTTPS from the NLB and from the health-check group (only the
 * scheduled health check carries it), the tasks their port from the ALB only. The app tier's egress lives with what it reaches: the store tiers' rules (Aurora, Redis,
 * EFS) and the endpoints tier's (HTTPS to the VPC endpoints and S3's prefix list); it has no rule
 * to the internet.
 */
export const NETWORK_RULES: readonly RuleSpec[] = [
  { name: 'nlb-out-alb', direction: 'egress', group: { sibling: 'nlb' }, port: HTTPS_PORT, peer: { sibling: 'alb' }, description: 'HTTPS to the internal ALB' },
  { name: 'alb-in-nlb', direction: 'ingress', group: { sibling: 'alb' }, port: HTTPS_PORT, peer: { sibling: 'nlb' }, description: 'HTTPS from the VPC link NLB' },
  { name: 'alb-out-app', direction: 'egress', group: { sibling: 'alb' }, port: 'container', peer: { sibling: 'app' }, description: 'HTTPS to application tasks' },
  { name: 'app-in-alb', direction: 'ingress', group: { sibling: 'app' }, port: 'container', peer: { sibling: 'alb' }, description: 'HTTPS from the ALB' },
  // The scheduled health check carries the app group (to reach the stores) and its own, which
  // alone may reach the ALB: the service's tasks cannot call the ALB around the WAF and IAM.
  { name: 'health-out-alb', direction: 'egress', group: { sibling: 'health' }, port: HTTPS_PORT, peer: { sibling: 'alb' }, description: 'HTTPS to the ALB (the health check)' },
  { name: 'alb-in-health', direction: 'ingress', group: { sibling: 'alb' }, port: HTTPS_PORT, peer: { sibling: 'health' }, description: 'HTTPS from the health check' },
];

/** A store tier's rules: the store admits its port from the app tier only, and the app tier may reach it. Stores have no egress. */
export function storeRules(store: StoreTier, port: number, what: string): RuleSpec[] {
  return [
    { name: `${store}-in-app`, direction: 'ingress', group: { sibling: store }, port, peer: { appFromParameter: true }, description: `${what} from the app tier` },
    { name: `app-out-${store}`, direction: 'egress', group: { appFromParameter: true }, port, peer: { sibling: store }, description: `to ${what}` },
  ];
}

/** The selector or the Required ID patch that points `field` (securityGroupId, referencedSecurityGroupId) at a group. */
function pointAt(ref: GroupRef, field: string): { fields: Record<string, unknown>; patches: Patch[] } {
  if ('sibling' in ref) return { fields: { [`${field}Selector`]: sibling({ [LABEL.tier]: ref.sibling }) }, patches: [] };
  return { fields: {}, patches: [fromXrRequired(APP_SECURITY_GROUP_PARAMETER, `spec.forProvider.${field}`)] };
}

function ruleResource(rule: RuleSpec, component: string): ResourcesResources {
  const own = pointAt(rule.group, 'securityGroupId');
  const peer = pointAt(rule.peer, 'referencedSecurityGroupId');
  const port = rule.port === 'container' ? DEFAULT_CONTAINER_PORT : rule.port;
  const portPatches = rule.port === 'container' ? ['fromPort', 'toPort'].map((f) => fromXr(CONTAINER_PORT_PARAMETER, `spec.forProvider.${f}`)) : [];
  const forProvider = {
    region: DEFAULT_REGION,
    ...own.fields,
    ipProtocol: 'tcp',
    fromPort: port,
    toPort: port,
    description: rule.description,
    ...peer.fields,
    tags: baseTags(component),
  };
  const base =
    rule.direction === 'ingress'
      ? SecurityGroupIngressRule.manifest({ spec: { forProvider } })
      : SecurityGroupEgressRule.manifest({ spec: { forProvider } });
  return composed({ name: `sg-rule-${rule.name}`, base, patches: [...own.patches, ...peer.patches, ...portPatches] });
}

/** One security group of a tier, in this XR's VPC (a sibling in the network tier, the ID parameter elsewhere). */
function groupResource(tier: Tier, component: string, vpc: 'sibling' | 'parameter', patches: Patch[] = []): ResourcesResources {
  return composed({
    name: `sg-${tier}`,
    awsName: tier,
    nameFields: ['spec.forProvider.name'],
    base: SecurityGroup.manifest({
      metadata: { labels: { [LABEL.tier]: tier } },
      spec: {
        forProvider: {
          region: DEFAULT_REGION,
          description: DESCRIPTIONS[tier],
          ...(vpc === 'sibling' ? { vpcIdSelector: sibling({ [LABEL.component]: 'vpc' }) } : {}),
          tags: baseTags(component),
        },
      },
    }),
    patches: [...(vpc === 'parameter' ? [fromXrRequired(VPC_ID_PARAMETER, 'spec.forProvider.vpcId')] : []), ...patches],
  });
}

/** The network tier's groups (NLB, ALB, app, health check) and their rules, and the VPC's default group. */
export function securityGroupResources(): ResourcesResources[] {
  const groups = (['nlb', 'alb', 'app', 'health'] as const).map((tier) => groupResource(tier, 'network', 'sibling', [toXr('status.atProvider.id', `status.network.${tier}SecurityGroupId`)]));
  return [...groups, ...NETWORK_RULES.map((r) => ruleResource(r, 'network')), defaultSecurityGroupResource()];
}

/** A store tier's security group and its two rules with the app tier. */
export function storeSecurityGroupResources(store: StoreTier, port: number, what: string, component: string): ResourcesResources[] {
  return [groupResource(store, component, 'parameter'), ...storeRules(store, port, what).map((r) => ruleResource(r, component))];
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
