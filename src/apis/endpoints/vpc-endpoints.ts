import { DEFAULT_REGION, ZONES } from '../../config';
import {
  SecurityGroup,
  SecurityGroupEgressRule,
  SecurityGroupIngressRule,
  VpcEndpointRouteTableAssociation,
  VpcEndpointSecurityGroupAssociation,
  VpcEndpointSubnetAssociation,
  VpcEndpointV1Beta2,
} from '../../../imports/ec2-ec2.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { policyPatch, PolicyDocument, TOKEN } from '../../composition/aws-policy';
import { format, fromXr, fromXrRequired, toXr } from '../../composition/patches';
import { baseTags, composed, LABEL, sibling } from '../../composition/resource';
import { APP_SECURITY_GROUP_PARAMETER, HTTPS_PORT, VPC_ID_PARAMETER } from '../network/security-groups';

/**
 * The AWS APIs the application reaches privately: an interface endpoint with private DNS in every
 * private subnet, behind the endpoints' security group (443 from the app tier only). `service` is
 * the suffix of `com.amazonaws.<region>.<service>`.
 */
export const INTERFACE_ENDPOINTS = [
  { name: 'secretsmanager', service: 'secretsmanager' },
  { name: 'kms', service: 'kms' },
  { name: 'ecr-api', service: 'ecr.api' },
  { name: 'ecr-dkr', service: 'ecr.dkr' },
  { name: 'logs', service: 'logs' },
  { name: 'kinesis', service: 'kinesis-streams' },
  { name: 'sts', service: 'sts' },
  { name: 'xray', service: 'xray' },
] as const;

export const PRIVATE_SUBNET_IDS_PARAMETER = 'spec.parameters.vpc.privateSubnetIds';
export const PRIVATE_ROUTE_TABLE_IDS_PARAMETER = 'spec.parameters.vpc.privateRouteTableIds';

const endpointLabel = (name: string) => ({ [LABEL.component]: `vpc-endpoint-${name}` });

/**
 * Endpoint policies. Without one AWS allows everything, so an endpoint would carry other accounts'
 * credentials and requests to other accounts' resources: an exfiltration path. Interface
 * endpoints admit only principals of the claim's account; the S3 gateway only this account's
 * principals on this account's buckets, plus reads of the regional bucket ECR serves image layers
 * from (AWS's documented exception).
 */
export const INTERFACE_ENDPOINT_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'OnlyThisAccountsPrincipals', Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': TOKEN.account } } }],
};
export const S3_ENDPOINT_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'OnlyThisAccountsBuckets',
      Effect: 'Allow',
      Principal: '*',
      Action: '*',
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalAccount': TOKEN.account, 'aws:ResourceAccount': TOKEN.account } },
    },
    { Sid: 'EcrImageLayers', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::prod-${TOKEN.region}-starport-layer-bucket/*` },
  ],
};
const serviceName = (service: string) => fromXr('spec.parameters.region', 'spec.forProvider.serviceName', format(`com.amazonaws.%s.${service}`));
const inVpc = () => fromXrRequired(VPC_ID_PARAMETER, 'spec.forProvider.vpcId');

/**
 * Composition resource names of the zone-c attachments with the ID list each needs: they exist only
 * with 3 AZs and once the network tier has published zone c's ID (filters.ts), so their patch need
 * not be Required (a Required patch on a missing third element would warn on every 2-AZ render).
 */
export const ZONE_C_ATTACHMENTS: readonly { name: string; ids: string }[] = [
  ...INTERFACE_ENDPOINTS.map((e) => ({ name: `vpce-subnet-${e.name}-c`, ids: PRIVATE_SUBNET_IDS_PARAMETER })),
  { name: 'vpce-route-table-s3-c', ids: PRIVATE_ROUTE_TABLE_IDS_PARAMETER },
];

/** Zone i's ID from a list: Required for zones a and b (always there); zone c's is guarded by its filter instead. */
const zoneIdPatch = (list: string, i: number, to: string) => (i < 2 ? fromXrRequired(`${list}[${i}]`, to) : fromXr(`${list}[${i}]`, to));

function interfaceEndpoint(e: (typeof INTERFACE_ENDPOINTS)[number]): ResourcesResources[] {
  const endpoint = sibling(endpointLabel(e.name));
  return [
    composed({
      name: `vpc-endpoint-${e.name}`,
      base: VpcEndpointV1Beta2.manifest({
        metadata: { labels: endpointLabel(e.name) },
        spec: { forProvider: { region: DEFAULT_REGION, vpcEndpointType: 'Interface', privateDnsEnabled: true, tags: baseTags('endpoints') } },
      }),
      patches: [serviceName(e.service), inVpc(), policyPatch(INTERFACE_ENDPOINT_POLICY, 'spec.forProvider.policy')],
    }),
    composed({
      name: `vpce-security-group-${e.name}`,
      taggable: false,
      base: VpcEndpointSecurityGroupAssociation.manifest({
        // Replaces the VPC's default group that AWS gives an endpoint created without one.
        spec: { forProvider: { region: DEFAULT_REGION, vpcEndpointIdSelector: endpoint, securityGroupIdSelector: sibling({ [LABEL.tier]: 'endpoints' }), replaceDefaultAssociation: true } },
      }),
    }),
    ...ZONES.map((zone, i) =>
      composed({
        name: `vpce-subnet-${e.name}-${zone}`,
        taggable: false,
        base: VpcEndpointSubnetAssociation.manifest({ spec: { forProvider: { region: DEFAULT_REGION, vpcEndpointIdSelector: endpoint } } }),
        patches: [zoneIdPatch(PRIVATE_SUBNET_IDS_PARAMETER, i, 'spec.forProvider.subnetId')],
      }),
    ),
  ];
}

/** The S3 gateway endpoint on the private route tables (ECR image layers and any S3 access stay in AWS's network). */
function s3GatewayEndpoint(): ResourcesResources[] {
  return [
    composed({
      name: 'vpc-endpoint-s3',
      base: VpcEndpointV1Beta2.manifest({
        metadata: { labels: endpointLabel('s3') },
        spec: { forProvider: { region: DEFAULT_REGION, vpcEndpointType: 'Gateway', tags: baseTags('endpoints') } },
      }),
      // Its prefix list ID comes back through the tier's status for the app's S3 egress rule.
      patches: [serviceName('s3'), inVpc(), policyPatch(S3_ENDPOINT_POLICY, 'spec.forProvider.policy'), toXr('status.atProvider.prefixListId', 'status.s3PrefixListId')],
    }),
    ...ZONES.map((zone, i) =>
      composed({
        name: `vpce-route-table-s3-${zone}`,
        taggable: false,
        base: VpcEndpointRouteTableAssociation.manifest({ spec: { forProvider: { region: DEFAULT_REGION, vpcEndpointIdSelector: sibling(endpointLabel('s3')) } } }),
        patches: [zoneIdPatch(PRIVATE_ROUTE_TABLE_IDS_PARAMETER, i, 'spec.forProvider.routeTableId')],
      }),
    ),
  ];
}

/**
 * The endpoints' security group (443 from the app tier only, no egress) and the app tier's HTTPS
 * egress, which goes to the endpoints and, through the gateway, to S3's prefix list: nothing else
 * leaves on 443, so student data has no path to the internet from the app tier.
 */
function endpointFirewall(): ResourcesResources[] {
  const rule = { region: DEFAULT_REGION, ipProtocol: 'tcp', fromPort: HTTPS_PORT, toPort: HTTPS_PORT, tags: baseTags('endpoints') };
  return [
    composed({
      name: 'sg-endpoints',
      awsName: 'endpoints',
      nameFields: ['spec.forProvider.name'],
      base: SecurityGroup.manifest({
        metadata: { labels: { [LABEL.tier]: 'endpoints' } },
        spec: { forProvider: { region: DEFAULT_REGION, description: 'VPC interface endpoints: HTTPS from the app tier only', tags: baseTags('endpoints') } },
      }),
      patches: [inVpc()],
    }),
    composed({
      name: 'sg-rule-endpoints-in-app',
      base: SecurityGroupIngressRule.manifest({
        spec: { forProvider: { ...rule, description: 'HTTPS from the app tier', securityGroupIdSelector: sibling({ [LABEL.tier]: 'endpoints' }) } },
      }),
      patches: [fromXrRequired(APP_SECURITY_GROUP_PARAMETER, 'spec.forProvider.referencedSecurityGroupId')],
    }),
    composed({
      name: 'sg-rule-app-out-endpoints',
      base: SecurityGroupEgressRule.manifest({
        spec: { forProvider: { ...rule, description: 'HTTPS to the VPC interface endpoints', referencedSecurityGroupIdSelector: sibling({ [LABEL.tier]: 'endpoints' }) } },
      }),
      patches: [fromXrRequired(APP_SECURITY_GROUP_PARAMETER, 'spec.forProvider.securityGroupId')],
    }),
    composed({
      name: 'sg-rule-app-out-s3',
      base: SecurityGroupEgressRule.manifest({ spec: { forProvider: { ...rule, description: 'HTTPS to S3 through the gateway endpoint' } } }),
      patches: [
        fromXrRequired(APP_SECURITY_GROUP_PARAMETER, 'spec.forProvider.securityGroupId'),
        fromXrRequired('status.s3PrefixListId', 'spec.forProvider.prefixListId'),
      ],
    }),
  ];
}

export function vpcEndpointResources(): ResourcesResources[] {
  return [...endpointFirewall(), ...INTERFACE_ENDPOINTS.flatMap(interfaceEndpoint), ...s3GatewayEndpoint()];
}
