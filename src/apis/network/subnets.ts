import { DEFAULT_REGION } from '../../config';
import { Subnet } from '../../../imports/ec2-ec2.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { ZONES } from '../../config';
import { format, fromXr, fromXrRequired, toXr, XR } from '../../composition/patches';
import { baseTags, composed, LABEL, sibling } from '../../composition/resource';

/** Subnet tiers: public (ALB, NAT), private (tasks, default route to NAT), data (stores, isolated). */
export type Access = 'public' | 'private' | 'data';

/** In a store tier, the data subnet IDs arrive as a parameter from the network tier's status. */
export const DATA_SUBNET_IDS_PARAMETER = 'spec.parameters.vpc.dataSubnetIds';

/**
 * forProvider fields of a data store's subnet group (RDS or ElastiCache); its subnets are the
 * network tier's isolated data subnets only (dataSubnetIdsPatch), so a store never gets an
 * address in a subnet with a route out of the VPC.
 */
export function dataSubnetGroupFields(description: string, component: string) {
  return { region: DEFAULT_REGION, description, tags: baseTags(component) };
}

/** The data subnet IDs into a subnet group; Required, so the group waits for the subnets. */
export const dataSubnetIdsPatch = () => fromXrRequired(DATA_SUBNET_IDS_PARAMETER, 'spec.forProvider.subnetIds');

const CIDRS: Record<Access, string> = { public: XR.publicSubnetCidrs, private: XR.privateSubnetCidrs, data: XR.dataSubnetCidrs };

/** Composed-resource name of the subnet of one access class in one zone. */
export const subnetName = (access: Access, zone: string) => `subnet-${access}-${zone}`;

/**
 * A public, a private and a data subnet per AZ (a, b, c); zone c's are filtered out when the
 * claim asks for 2 AZs. Public subnets hold only the ALB and NAT gateways and never assign
 * public IPs on launch; tasks live in the private ones; Aurora and Redis in the data ones, whose
 * route table has no route out of the VPC (routing.ts).
 */
export function subnetResources(): ResourcesResources[] {
  const out: ResourcesResources[] = [];
  ZONES.forEach((zone, i) => {
    for (const access of ['public', 'private', 'data'] as const) {
      const cidrs = CIDRS[access];
      const statusList = `${access}SubnetIds`;
      out.push(
        composed({
          name: subnetName(access, zone),
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
