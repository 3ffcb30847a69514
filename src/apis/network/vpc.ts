import { DEFAULT_REGION } from '../../config';
import { InternetGateway, Vpc } from '../../../imports/ec2-ec2.aws.upbound.io';
import { fromXr, toXr, XR } from '../../composition/patches';
import { baseTags, composed, LABEL, sibling } from '../../composition/resource';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';

/** The VPC (CIDR from the claim, DNS on) and its internet gateway. */
export function vpcResources(): ResourcesResources[] {
  return [
    composed({
      name: 'vpc',
      base: Vpc.manifest({
        metadata: { labels: { [LABEL.component]: 'vpc' } },
        spec: { forProvider: { region: DEFAULT_REGION, enableDnsHostnames: true, enableDnsSupport: true, tags: baseTags('network') } },
      }),
      patches: [
        fromXr(XR.vpcCidr, 'spec.forProvider.cidrBlock'),
        toXr('status.atProvider.id', 'status.network.vpcId'),
      ],
    }),
    composed({
      name: 'internet-gateway',
      base: InternetGateway.manifest({
        metadata: { labels: { [LABEL.component]: 'internet-gateway' } },
        spec: { forProvider: { region: DEFAULT_REGION, vpcIdSelector: sibling({ [LABEL.component]: 'vpc' }), tags: baseTags('network') } },
      }),
    }),
  ];
}
