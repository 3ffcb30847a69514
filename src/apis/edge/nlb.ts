import { DEFAULT_REGION } from '../../config';
import { LbListenerV1Beta2, LbTargetGroupAttachment, LbTargetGroupV1Beta2, Lbv1Beta2 } from '../../../imports/elbv2-elbv2.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { combine, fromXr, fromXrRequired, mapTo, XR } from '../../composition/patches';
import { baseTags, composed, LABEL, sibling } from '../../composition/resource';
import { ALB_DELETION_PROTECTION } from '../application/alb';
import { HTTPS_PORT } from '../network/security-groups';
import { ALB_ARN, PRIVATE_SUBNET_IDS } from './names';

/**
 * The internal NLB that the API Gateway VPC link targets, and behind it the internal ALB (a target
 * group of type alb). TCP 443 passes through: TLS is terminated by the ALB, so the path from API
 * Gateway to the ALB is encrypted end to end. The NLB's group has no inbound rule and its inbound
 * rules are not enforced on PrivateLink traffic: only the VPC link reaches it.
 */
export function nlbResources(): ResourcesResources[] {
  return [
    composed({
      name: 'nlb',
      awsName: 'nlb',
      nameFields: ['spec.forProvider.name'],
      base: Lbv1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'nlb' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            loadBalancerType: 'network',
            internal: true,
            ipAddressType: 'ipv4',
            enableCrossZoneLoadBalancing: true,
            enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: 'off',
            tags: baseTags('edge'),
          },
        },
      }),
      patches: [
        combine([XR.environment, XR.retire], '%s/%v', 'spec.forProvider.enableDeletionProtection', mapTo(ALB_DELETION_PROTECTION)),
        fromXrRequired(PRIVATE_SUBNET_IDS, 'spec.forProvider.subnets'),
        fromXrRequired('spec.parameters.vpc.nlbSecurityGroupId', 'spec.forProvider.securityGroups[0]'),
      ],
    }),
    composed({
      name: 'nlb-target-group',
      awsName: 'alb',
      nameFields: ['spec.forProvider.name'],
      base: LbTargetGroupV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'nlb-target-group' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            targetType: 'alb',
            protocol: 'TCP',
            port: HTTPS_PORT,
            healthCheck: { enabled: true, protocol: 'HTTPS', port: 'traffic-port', matcher: '200', interval: 15, healthyThreshold: 2, unhealthyThreshold: 3 },
            tags: baseTags('edge'),
          },
        },
      }),
      patches: [
        fromXrRequired('spec.parameters.vpc.id', 'spec.forProvider.vpcId'),
        fromXr('spec.parameters.application.healthCheckPath', 'spec.forProvider.healthCheck.path'),
      ],
    }),
    composed({
      name: 'nlb-target-alb',
      taggable: false,
      base: LbTargetGroupAttachment.manifest({
        spec: { forProvider: { region: DEFAULT_REGION, port: HTTPS_PORT, targetGroupArnSelector: sibling({ [LABEL.component]: 'nlb-target-group' }) } },
      }),
      patches: [fromXrRequired(ALB_ARN, 'spec.forProvider.targetId')],
    }),
    composed({
      name: 'nlb-listener',
      base: LbListenerV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'nlb-listener' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            loadBalancerArnSelector: sibling({ [LABEL.component]: 'nlb' }),
            port: HTTPS_PORT,
            protocol: 'TCP',
            defaultAction: [{ type: 'forward', targetGroupArnSelector: sibling({ [LABEL.component]: 'nlb-target-group' }) }],
            tags: baseTags('edge'),
          },
        },
      }),
    }),
  ];
}
