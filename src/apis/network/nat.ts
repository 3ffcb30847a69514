import { DEFAULT_REGION } from '../../config';
import { Eip, NatGateway } from '../../../imports/ec2-ec2.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { ZONES } from '../../config';
import { baseTags, composed, LABEL, sibling } from '../../composition/resource';

export const natName = (zone: string) => `nat-gateway-${zone}`;
export const eipName = (zone: string) => `nat-eip-${zone}`;

/**
 * An Elastic IP and a NAT gateway in the public subnet of each AZ. Outside prod and staging
 * only zone a's pair is kept (see filters.ts) and every private route table uses it.
 */
export function natResources(): ResourcesResources[] {
  return ZONES.flatMap((zone) => [
    composed({
      name: eipName(zone),
      base: Eip.manifest({
        metadata: { labels: { [LABEL.zone]: zone, [LABEL.component]: 'nat-eip' } },
        spec: { forProvider: { region: DEFAULT_REGION, domain: 'vpc', tags: baseTags('network') } },
      }),
    }),
    composed({
      name: natName(zone),
      base: NatGateway.manifest({
        metadata: { labels: { [LABEL.zone]: zone, [LABEL.component]: 'nat-gateway' } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            connectivityType: 'public',
            allocationIdSelector: sibling({ [LABEL.zone]: zone, [LABEL.component]: 'nat-eip' }),
            subnetIdSelector: sibling({ [LABEL.zone]: zone, [LABEL.access]: 'public' }),
            tags: baseTags('network'),
          },
        },
      }),
    }),
  ]);
}
