import { DEFAULT_REGION } from '../../config';
import { RouteTable, RouteTableAssociation, RouteV1Beta2 } from '../../../imports/ec2-ec2.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { ZONES } from '../../config';
import { fromXr, mapTo, toXr, XR } from '../../composition/patches';
import { baseTags, composed, LABEL, sibling } from '../../composition/resource';

/** Environments that get one NAT gateway per AZ; the others share zone a's. */
export const NAT_PER_AZ_ENVIRONMENTS = ['staging', 'prod'] as const;

const vpc = sibling({ [LABEL.component]: 'vpc' });

/** The association of one zone's subnet of a tier (`access`) with the route table `routeTable` selects. */
function association(access: 'public' | 'private' | 'data', zone: string, routeTable: Record<string, string>): ResourcesResources {
  return composed({
    name: `route-table-association-${access}-${zone}`,
    taggable: false,
    base: RouteTableAssociation.manifest({
      spec: { forProvider: { region: DEFAULT_REGION, subnetIdSelector: sibling({ [LABEL.access]: access, [LABEL.zone]: zone }), routeTableIdSelector: sibling(routeTable) } },
    }),
  });
}

/**
 * Route tables: one public table (default route to the internet gateway) shared by the public
 * subnets; one private table per AZ whose default route goes to that AZ's NAT gateway in staging
 * and prod, or to zone a's NAT gateway in dev; and one data table, shared by the data subnets,
 * with no route at all but the VPC's implicit local one (the stores cannot reach the internet,
 * and nothing outside the VPC can route to them). The data subnets are associated with it
 * explicitly, so a change to the VPC's main route table can never give them a way out.
 */
export function routingResources(): ResourcesResources[] {
  const out: ResourcesResources[] = [
    composed({
      name: 'route-table-public',
      base: RouteTable.manifest({
        metadata: { labels: { [LABEL.access]: 'public', [LABEL.component]: 'route-table' } },
        spec: { forProvider: { region: DEFAULT_REGION, vpcIdSelector: vpc, tags: baseTags('network') } },
      }),
    }),
    composed({
      name: 'route-public-default',
      taggable: false,
      base: RouteV1Beta2.manifest({
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            destinationCidrBlock: '0.0.0.0/0',
            gatewayIdSelector: sibling({ [LABEL.component]: 'internet-gateway' }),
            routeTableIdSelector: sibling({ [LABEL.access]: 'public', [LABEL.component]: 'route-table' }),
          },
        },
      }),
    }),
  ];
  out.push(
    composed({
      name: 'route-table-data',
      base: RouteTable.manifest({
        metadata: { labels: { [LABEL.access]: 'data', [LABEL.component]: 'route-table' } },
        spec: { forProvider: { region: DEFAULT_REGION, vpcIdSelector: vpc, tags: { ...baseTags('network'), Tier: 'data' } } },
      }),
    }),
  );
  for (const zone of ZONES) {
    out.push(
      association('data', zone, { [LABEL.access]: 'data', [LABEL.component]: 'route-table' }),
    );
  }
  for (const zone of ZONES) {
    const natZone = Object.fromEntries([
      ['dev', 'a'],
      ...NAT_PER_AZ_ENVIRONMENTS.map((env) => [env, zone]),
    ]);
    out.push(
      composed({
        name: `route-table-private-${zone}`,
        base: RouteTable.manifest({
          metadata: { labels: { [LABEL.access]: 'private', [LABEL.zone]: zone, [LABEL.component]: 'route-table' } },
          spec: { forProvider: { region: DEFAULT_REGION, vpcIdSelector: vpc, tags: baseTags('network') } },
        }),
        // The endpoints tier attaches the S3 gateway endpoint to it.
        patches: [toXr('status.atProvider.id', `status.network.privateRouteTableIds[${ZONES.indexOf(zone)}]`)],
      }),
      composed({
        name: `route-private-default-${zone}`,
        taggable: false,
        base: RouteV1Beta2.manifest({
          spec: {
            forProvider: {
              region: DEFAULT_REGION,
              destinationCidrBlock: '0.0.0.0/0',
              natGatewayIdSelector: sibling({ [LABEL.component]: 'nat-gateway', [LABEL.zone]: zone }),
              routeTableIdSelector: sibling({ [LABEL.access]: 'private', [LABEL.zone]: zone, [LABEL.component]: 'route-table' }),
            },
          },
        }),
        patches: [fromXr(XR.environment, `spec.forProvider.natGatewayIdSelector.matchLabels[${LABEL.zone}]`, mapTo(natZone))],
      }),
      association('public', zone, { [LABEL.access]: 'public', [LABEL.component]: 'route-table' }),
      association('private', zone, { [LABEL.access]: 'private', [LABEL.zone]: zone, [LABEL.component]: 'route-table' }),
    );
  }
  return out;
}
