import { DEFAULT_REGION } from '../../config';
import { Subnet } from '../../../imports/ec2-ec2.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { ZONES } from '../../config';
import { format, fromXr, toXr, XR } from '../patches';
import { baseTags, composed, LABEL, sibling } from '../resource';

export type Access = 'public' | 'private';

/**
 * forProvider fields of a data store's subnet group (RDS or ElastiCache): this XR's private
 * subnets only, so a store never gets an address in a public subnet.
 */
export function privateSubnetGroupFields(description: string, component: string) {
  return { region: DEFAULT_REGION, description, subnetIdSelector: sibling({ [LABEL.access]: 'private' }), tags: baseTags(component) };
}

/** Composed-resource name of the subnet of one access class in one zone. */
export const subnetName = (access: Access, zone: string) => `subnet-${access}-${zone}`;

/**
 * One public and one private subnet per AZ (a, b, c); the c pair is filtered out when the
 * claim asks for 2 AZs. Public subnets hold only the ALB and NAT gateways and never assign
 * public IPs on launch; data stores and tasks live in the private ones.
 */
export function subnetResources(): ResourcesResources[] {
  const out: ResourcesResources[] = [];
  ZONES.forEach((zone, i) => {
    for (const access of ['public', 'private'] as const) {
      const cidrs = access === 'public' ? XR.publicSubnetCidrs : XR.privateSubnetCidrs;
      const statusList = access === 'public' ? 'publicSubnetIds' : 'privateSubnetIds';
      out.push(
        composed({
          name: subnetName(access, zone),
          awsName: `${access}-${zone}`,
          base: Subnet.manifest({
            metadata: { labels: { [LABEL.access]: access, [LABEL.zone]: zone, [LABEL.component]: 'subnet' } },
            spec: {
              forProvider: {
                region: DEFAULT_REGION,
                vpcIdSelector: sibling({ [LABEL.component]: 'vpc' }),
                mapPublicIpOnLaunch: false,
                tags: { ...baseTags('network'), Tier: access },
              },
            },
          }),
          patches: [
            fromXr(`${cidrs}[${i}]`, 'spec.forProvider.cidrBlock'),
            fromXr(XR.region, 'spec.forProvider.availabilityZone', format(`%s${zone}`)),
            toXr('status.atProvider.id', `status.network.${statusList}[${i}]`),
          ],
        }),
      );
    }
  });
  return out;
}
