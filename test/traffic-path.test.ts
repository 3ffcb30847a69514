import { PROD_CLAIM } from '../src/examples/claims';
import { convergeCached } from './engine/converge';
import { allComposed, expandedPatches } from './helpers/dist';

/**
 * The one way in (issue 11): API Gateway (IAM-authorized, throttled, behind the WAF) -> VPC link ->
 * internal NLB -> internal ALB -> tasks. This proves, over the Compositions and over the converged
 * prod render, that nothing reaches the service without passing the throttling and the WAF: every
 * security group admits only the group before it on the path, the NLB admits nothing but its
 * PrivateLink traffic (the VPC link), and the only VPC link serves only IAM-authorized methods on
 * a throttled stage that the WAF is associated with.
 */
const TIER = 'platform.assessment-platform.io/tier';
const COMPONENT = 'platform.assessment-platform.io/component';
const resources = () => allComposed().map((x) => x.resource);
const named = (n: string) => resources().find((r) => r.name === n)!;
const fp = (r: any) => r.base.spec.forProvider;
const patchTo = (r: any, to: string) => expandedPatches(r).filter((p) => p.toFieldPath === to);

/** The group a rule belongs to or points at: a sibling by its tier label, or one passed in as a parameter. */
function groupOf(r: any, field: 'securityGroupId' | 'referencedSecurityGroupId'): string | undefined {
  const sel = fp(r)[`${field}Selector`]?.matchLabels?.[TIER];
  if (sel) return sel;
  const from = patchTo(r, `spec.forProvider.${field}`)[0]?.fromFieldPath as string | undefined;
  return from && /^spec\.parameters\.vpc\.(\w+)SecurityGroupId$/.exec(from)?.[1];
}

describe('one public entry: nothing reaches the service around the throttling and the WAF', () => {
  test('every ingress rule admits a security group, never addresses; each group only the one before it on the path (and the ALB the health check)', () => {
    const ingress = resources().filter((r) => r.base.kind === 'SecurityGroupIngressRule');
    expect(ingress.filter((r) => fp(r).cidrIpv4 || fp(r).cidrIpv6 || fp(r).prefixListId).map((r) => r.name)).toEqual([]);
    const admits = new Map<string, Set<string>>();
    for (const r of ingress) {
      const to = groupOf(r, 'securityGroupId')!;
      if (!admits.has(to)) admits.set(to, new Set());
      admits.get(to)!.add(groupOf(r, 'referencedSecurityGroupId')!);
    }
    expect(Object.fromEntries([...admits].map(([g, from]) => [g, [...from].sort()]))).toEqual({
      // The ALB also admits the health-check group, on 443 only: the scheduled health check probes
      // the API through it from inside the VPC (README "Health checks"). The service's tasks do not
      // carry that group, so they cannot call the ALB around the WAF and IAM.
      alb: ['health', 'nlb'],
      app: ['alb'],
      aurora: ['app'],
      redis: ['app'],
      efs: ['app'],
      endpoints: ['app'],
    });
    // The NLB's group admits nothing at all.
    expect(admits.has('nlb')).toBe(false);
  });

  test('the NLB takes only PrivateLink traffic, and the only thing that sends it any is the VPC link', () => {
    const nlb = named('nlb');
    expect([fp(nlb).internal, fp(nlb).loadBalancerType, fp(nlb).enforceSecurityGroupInboundRulesOnPrivateLinkTraffic]).toEqual([true, 'network', 'off']);
    expect(patchTo(nlb, 'spec.forProvider.securityGroups[0]')[0].fromFieldPath).toBe('spec.parameters.vpc.nlbSecurityGroupId');
    const targeting = resources().filter((r) => JSON.stringify(fp(r) ?? {}).includes(`"${COMPONENT}":"nlb"`));
    expect(targeting.map((r) => `${r.base.kind} ${r.name}`).sort()).toEqual(['LBListener nlb-listener', 'VPCLink vpc-link']);
    // Every load balancer is internal.
    expect(resources().filter((r) => r.base.kind === 'LB' && fp(r).internal !== true).map((r) => r.name)).toEqual([]);
  });

  test('the VPC link serves only IAM-authorized methods of the one API, whose stage is throttled and behind the WAF', () => {
    const viaLink = resources().filter((r) => fp(r)?.connectionIdSelector?.matchLabels?.[COMPONENT] === 'vpc-link');
    expect(viaLink.map((r) => r.name).sort()).toEqual(['api-integration-proxy', 'api-integration-root']);
    const methods = resources().filter((r) => r.base.kind === 'Method');
    expect(methods.map((m) => [m.name, fp(m).authorization])).toEqual(methods.map((m) => [m.name, 'AWS_IAM']));
    expect(viaLink.map((i) => fp(i).httpMethodSelector.matchLabels[COMPONENT]).sort()).toEqual(methods.map((m) => m.name).sort());
    const settings = named('api-method-settings');
    expect(fp(settings).methodPath).toBe('*/*');
    expect(patchTo(settings, 'spec.forProvider.settings.throttlingRateLimit')[0].fromFieldPath).toBe('spec.parameters.api.throttlingRateLimit');
    expect(patchTo(named('web-acl-association'), 'spec.forProvider.resourceArn')[0].fromFieldPath).toBe('status.api.stageArn');
    expect(expandedPatches(named('api-stage')).some((p) => p.type === 'ToCompositeFieldPath' && p.toFieldPath === 'status.api.stageArn')).toBe(true);
    expect(resources().filter((r) => r.base.kind === 'RestAPI' || r.base.kind === 'Stage' || r.base.kind === 'VPCLink')).toHaveLength(3);
  });

  test('in the converged prod render the path is wired end to end with real IDs', () => {
    const c = convergeCached(PROD_CLAIM);
    const obs = (n: string) => c.observed[n];
    const want = (n: string) => c.desired[n].spec.forProvider;
    // WAF on the stage; the NLB's target is the ALB; the ALB forwards to the group the service registers in.
    expect(want('web-acl-association').resourceArn).toBe(obs('api-stage').status.atProvider.arn);
    expect(want('nlb-target-alb').targetId).toBe(obs('alb').status.atProvider.arn);
    expect(want('alb').securityGroups).toEqual([c.xr.status.network.albSecurityGroupId]);
    expect(want('nlb').securityGroups).toEqual([c.xr.status.network.nlbSecurityGroupId]);
    expect(want('ecs-service').networkConfiguration.securityGroups).toEqual([c.xr.status.network.appSecurityGroupId]);
    expect(want('ecs-service').networkConfiguration.assignPublicIp).toBe(false);
    expect(want('ecs-service').networkConfiguration.subnets).toEqual(c.xr.status.network.privateSubnetIds);
    expect(want('api-integration-proxy').uri).toBe(`https://${PROD_CLAIM.parameters.application.hostname}/{proxy}`);
    // The only door is the custom domain (TLS 1.2+): the execute-api endpoint is off.
    expect(c.xr.status.api.url).toBe(`https://${PROD_CLAIM.parameters.application.hostname}/`);
    expect(want('rest-api').disableExecuteApiEndpoint).toBe(true);
    expect([want('api-domain-name').securityPolicy, want('api-domain-name').regionalCertificateArn]).toEqual(['TLS_1_2', PROD_CLAIM.parameters.application.certificateArn]);
  });
});
