import { DEFAULT_REGION } from '../../config';
import { LbListenerV1Beta2, LbTargetGroupV1Beta2, Lbv1Beta2 } from '../../../imports/elbv2-elbv2.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { DEFAULT_CONTAINER_PORT } from '../../api/parameters';
import { TOKEN } from '../../composition/aws-policy';
import { deletionPolicyMap } from '../../composition/protection';
import { combine, fromXr, fromXrRequired, mapTo, regexpGroup, toXr, XR } from '../../composition/patches';
import { baseTags, composed, LABEL, sibling } from '../../composition/resource';
import { logBucketResources } from '../../composition/storage/log-bucket';
import { HTTPS_PORT } from '../network/security-groups';
import { ALB_LOG_PRINCIPAL } from './parameters';
import { PRIVATE_SUBNET_IDS } from './efs';

/** TLS 1.3 with TLS 1.2 fallback, forward secrecy only. */
export const ALB_TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';
export const ALB_LOG_PREFIX = 'alb';
export const ALB_LOG_BUCKET = `ap-alb-logs-${TOKEN.suffix}-${TOKEN.account}-${TOKEN.region}`;

/**
 * Load balancer deletion protection, by `<environment>/<retire>`: on exactly where a delete would
 * orphan the load balancer (an active prod environment, protection.ts); a retirement turns it off
 * so that the delete can proceed.
 */
export const ALB_DELETION_PROTECTION: Record<string, boolean> = Object.fromEntries(
  Object.entries(deletionPolicyMap(false)).map(([state, policy]) => [state, policy === 'Orphan']),
);

/**
 * The internal ALB: in the private subnets, reachable only from the VPC link NLB (security groups
 * of the network tier). It terminates TLS 1.3/1.2 with the claim's certificate, drops invalid
 * headers, uses the strictest desync mitigation, logs every request to the access-log bucket, and
 * forwards to the tasks over HTTPS (the target group re-encrypts; the container serves TLS on its
 * port) with the claim's health check.
 */
export function albResources(): ResourcesResources[] {
  return [
    ...logBucketResources({
      name: 'alb-logs',
      bucketName: ALB_LOG_BUCKET,
      component: 'application',
      // ELB writes access logs only to SSE-S3 (AES256) buckets; SSE-KMS is not supported for them.
      encryption: { algorithm: 'AES256' },
      writers: [
        {
          Sid: 'ElbWritesAccessLogs',
          Effect: 'Allow',
          Principal: '${ELB_PRINCIPAL}',
          Action: 's3:PutObject',
          Resource: `\${BUCKET_ARN}/${ALB_LOG_PREFIX}/AWSLogs/${TOKEN.account}/*`,
        },
      ],
      tokens: { '${ELB_PRINCIPAL}': ALB_LOG_PRINCIPAL },
      // The principal is a JSON object ({"AWS": ...} or {"Service": ...}) chosen by region.
      rawTokens: ['${ELB_PRINCIPAL}'],
    }),
    composed({
      name: 'alb',
      awsName: 'alb',
      nameFields: ['spec.forProvider.name'],
      base: Lbv1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'alb' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            loadBalancerType: 'application',
            internal: true,
            ipAddressType: 'ipv4',
            dropInvalidHeaderFields: true,
            desyncMitigationMode: 'strictest',
            enableHttp2: true,
            idleTimeout: 60,
            accessLogs: { enabled: true, prefix: ALB_LOG_PREFIX },
            tags: baseTags('application'),
          },
        },
      }),
      patches: [
        combine([XR.environment, XR.retire], '%s/%v', 'spec.forProvider.enableDeletionProtection', mapTo(ALB_DELETION_PROTECTION)),
        fromXrRequired('status.bucketArns.albLogs', 'spec.forProvider.accessLogs.bucket', regexpGroup('^arn:aws[a-z-]*:s3:::(.+)$', 1)),
        fromXrRequired(PRIVATE_SUBNET_IDS, 'spec.forProvider.subnets'),
        fromXrRequired('spec.parameters.vpc.albSecurityGroupId', 'spec.forProvider.securityGroups[0]'),
        toXr('status.atProvider.arn', 'status.application.albArn'),
        toXr('status.atProvider.dnsName', 'status.application.albDnsName'),
      ],
    }),
    composed({
      name: 'alb-target-group',
      awsName: 'app',
      nameFields: ['spec.forProvider.name'],
      base: LbTargetGroupV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'alb-target-group' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            targetType: 'ip',
            protocol: 'HTTPS',
            protocolVersion: 'HTTP1',
            // Only a default for ip targets: ECS registers each task with the container port.
            // Constant, because AWS replaces a target group to change it.
            port: DEFAULT_CONTAINER_PORT,
            deregistrationDelay: '30',
            healthCheck: { enabled: true, protocol: 'HTTPS', matcher: '200', interval: 15, timeout: 5, healthyThreshold: 2, unhealthyThreshold: 3 },
            tags: baseTags('application'),
          },
        },
      }),
      patches: [
        fromXr('spec.parameters.application.healthCheckPath', 'spec.forProvider.healthCheck.path'),
        fromXrRequired('spec.parameters.vpc.id', 'spec.forProvider.vpcId'),
      ],
    }),
    composed({
      name: 'alb-listener-https',
      base: LbListenerV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'alb-listener' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            loadBalancerArnSelector: sibling({ [LABEL.component]: 'alb' }),
            port: HTTPS_PORT,
            protocol: 'HTTPS',
            sslPolicy: ALB_TLS_POLICY,
            defaultAction: [{ type: 'forward', targetGroupArnSelector: sibling({ [LABEL.component]: 'alb-target-group' }) }],
            tags: baseTags('application'),
          },
        },
      }),
      patches: [fromXr('spec.parameters.application.certificateArn', 'spec.forProvider.certificateArn')],
    }),
  ];
}

