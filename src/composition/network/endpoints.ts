import { DEFAULT_REGION } from '../../config';
import { VpcEndpointV1Beta2 } from '../../../imports/ec2-ec2.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { format, fromXr, XR } from '../patches';
import { awsName, baseTags, composed, LABEL, nameFromSuffix, sibling } from '../resource';

/** AWS services reached privately through interface endpoints (service-name suffixes). */
export const INTERFACE_ENDPOINT_SERVICES = ['secretsmanager', 'kms', 'ecr.api', 'ecr.dkr', 'logs', 'kinesis-streams', 'sts'] as const;

const endpointName = (service: string) => `vpc-endpoint-${service.replace('.', '-')}`;

/**
 * VPC endpoints: an S3 gateway endpoint and one interface endpoint per service with private DNS,
 * so traffic to these AWS APIs stays on the AWS network.
 *
 * Attaching them (gateway route tables, interface subnets and the endpoints security group) takes
 * provider-upjet-aws's VPCEndpointRouteTableAssociation, VPCEndpointSubnetAssociation and
 * VPCEndpointSecurityGroupAssociation kinds, because v1beta2 VPCEndpoint has no such fields in
 * forProvider; those CRDs are not yet under ../shared/crds (see docs/architecture.md).
 */
export function endpointResources(): ResourcesResources[] {
  const vpc = sibling({ [LABEL.component]: 'vpc' });
  const gateway = composed({
    name: 'vpc-endpoint-s3',
    base: VpcEndpointV1Beta2.manifest({
      metadata: { labels: { [LABEL.component]: 'vpc-endpoint-s3' } },
      spec: { forProvider: { region: DEFAULT_REGION, vpcIdSelector: vpc, vpcEndpointType: 'Gateway', tags: baseTags('network') } },
    }),
    patches: [
      fromXr(XR.region, 'spec.forProvider.serviceName', format('com.amazonaws.%s.s3')),
      nameFromSuffix('spec.forProvider.tags.Name', awsName('s3')),
    ],
  });
  const interfaces = INTERFACE_ENDPOINT_SERVICES.map((service) =>
    composed({
      name: endpointName(service),
      base: VpcEndpointV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: endpointName(service) } },
        spec: {
          forProvider: { region: DEFAULT_REGION, vpcIdSelector: vpc, vpcEndpointType: 'Interface', privateDnsEnabled: true, tags: baseTags('network') },
        },
      }),
      patches: [
        fromXr(XR.region, 'spec.forProvider.serviceName', format(`com.amazonaws.%s.${service}`)),
        nameFromSuffix('spec.forProvider.tags.Name', awsName(service.replace('.', '-'))),
      ],
    }),
  );
  return [gateway, ...interfaces];
}
