import { createHash } from 'crypto';
import { crdFor } from '../helpers/crds';
import { missingSegment, schemaAt } from '../helpers/field-path';

/**
 * What provider-upjet-aws writes into a managed resource once AWS has created it: the external
 * name, `status.atProvider` (the observed parameters plus the IDs, ARNs and endpoints AWS assigns)
 * and the Ready and Synced conditions. One small typed row per kind says what AWS assigns; every
 * value derives from the resource itself, its region and the claim's account, so the same table
 * serves every claim. A row may only name fields that the kind's CRD has in status.atProvider.
 */

/** What a row sees of one managed resource. */
export interface Observed {
  readonly kind: string;
  /** The resource's external name: the one the composition set, else the ID AWS assigns. */
  readonly externalName: string;
  /** A stable, resource-specific hex string, for IDs AWS generates. */
  readonly hex: string;
  readonly region: string;
  readonly account: string;
  /** The resource's spec.forProvider. */
  readonly forProvider: Record<string, any>;
  /** The `hex` of another composed resource of the same claim (by kind and composition resource name), for IDs it names. */
  readonly siblingHex: (gk: string, resource: string) => string;
}

/** A row: the external name AWS assigns when the composition sets none, and the fields AWS fills. */
interface Row {
  /** The ID AWS generates; default: the composition's external name (AWS takes the name given). */
  readonly generatedId?: (o: Omit<Observed, 'externalName'>) => string;
  /** Observed fields beyond the parameters, by atProvider field path. */
  readonly atProvider: (o: Observed) => Record<string, unknown>;
}

const arn = (service: string, o: Omit<Observed, 'externalName'>, resource: string, global = false) => `arn:aws:${service}:${global ? '' : o.region}:${o.account}:${resource}`;
/** An EC2 resource with a generated `<prefix>-<17 hex>` ID; `owned` kinds also report the owning account. */
const ec2 = (prefix: string, type: string, owned = true): Row => ({
  generatedId: (o) => `${prefix}-${o.hex.slice(0, 17)}`,
  atProvider: (o) => ({ id: o.externalName, arn: arn('ec2', o, `${type}/${o.externalName}`), ...(owned ? { ownerId: o.account } : {}) }),
});
const named = (service: string, type: string, sep = ':'): Row => ({
  atProvider: (o) => ({ id: o.externalName, arn: arn(service, o, `${type}${sep}${o.externalName}`) }),
});
/** A task definition's simulated revision number: from its immutable content, 1 to 99,999. */
const revisionOf = (fp: Record<string, any>) =>
  1 + (parseInt(createHash('sha256').update(JSON.stringify([fp.containerDefinitions, fp.cpu, fp.memory, fp.taskRoleArn, fp.volume])).digest('hex').slice(0, 8), 16) % 99999);
const uuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

/** What AWS assigns, per `group/Kind`. */
export const PROVIDER_STATUS: Record<string, Row> = {
  'kms.aws.upbound.io/Key': {
    generatedId: (o) => uuid(o.hex),
    atProvider: (o) => ({ id: o.externalName, keyId: o.externalName, arn: arn('kms', o, `key/${o.externalName}`) }),
  },
  'kms.aws.upbound.io/Alias': {
    generatedId: (o) => o.forProvider.name,
    atProvider: (o) => ({ id: o.externalName, arn: arn('kms', o, o.externalName), targetKeyArn: arn('kms', o, `key/${uuid(o.hex)}`) }),
  },
  'ec2.aws.upbound.io/VPC': ec2('vpc', 'vpc'),
  'ec2.aws.upbound.io/Subnet': ec2('subnet', 'subnet'),
  'ec2.aws.upbound.io/InternetGateway': ec2('igw', 'internet-gateway'),
  'ec2.aws.upbound.io/EIP': {
    generatedId: (o) => `eipalloc-${o.hex.slice(0, 17)}`,
    atProvider: (o) => ({ id: o.externalName, allocationId: o.externalName, publicIp: `18.${parseInt(o.hex.slice(0, 2), 16)}.${parseInt(o.hex.slice(2, 4), 16)}.7` }),
  },
  'ec2.aws.upbound.io/NATGateway': {
    generatedId: (o) => `nat-${o.hex.slice(0, 17)}`,
    atProvider: (o) => ({ id: o.externalName, networkInterfaceId: `eni-${o.hex.slice(1, 18)}` }),
  },
  'ec2.aws.upbound.io/RouteTable': ec2('rtb', 'route-table'),
  'ec2.aws.upbound.io/Route': { generatedId: (o) => `r-rtb-${o.hex.slice(0, 17)}1080289494`, atProvider: (o) => ({ id: o.externalName }) },
  'ec2.aws.upbound.io/RouteTableAssociation': { generatedId: (o) => `rtbassoc-${o.hex.slice(0, 17)}`, atProvider: (o) => ({ id: o.externalName }) },
  'ec2.aws.upbound.io/SecurityGroup': ec2('sg', 'security-group'),
  'ec2.aws.upbound.io/DefaultSecurityGroup': ec2('sg', 'security-group'),
  'ec2.aws.upbound.io/VPCEndpoint': {
    generatedId: (o) => `vpce-${o.hex.slice(0, 17)}`,
    atProvider: (o) => ({
      id: o.externalName,
      arn: arn('ec2', o, `vpc-endpoint/${o.externalName}`),
      ownerId: o.account,
      state: 'available',
      ...(o.forProvider.vpcEndpointType === 'Gateway' ? { prefixListId: `pl-${o.hex.slice(0, 8)}` } : {}),
    }),
  },
  'ec2.aws.upbound.io/VPCEndpointSubnetAssociation': { generatedId: (o) => `a-vpce-${o.hex.slice(0, 17)}`, atProvider: (o) => ({ id: o.externalName }) },
  'ec2.aws.upbound.io/VPCEndpointSecurityGroupAssociation': { generatedId: (o) => `vpce-sg-${o.hex.slice(0, 17)}`, atProvider: (o) => ({ id: o.externalName }) },
  'ec2.aws.upbound.io/VPCEndpointRouteTableAssociation': { generatedId: (o) => `a-vpce-rtb-${o.hex.slice(0, 12)}`, atProvider: (o) => ({ id: o.externalName }) },
  'ec2.aws.upbound.io/SecurityGroupIngressRule': ec2('sgr', 'security-group-rule', false),
  'ec2.aws.upbound.io/SecurityGroupEgressRule': ec2('sgr', 'security-group-rule', false),
  'ec2.aws.upbound.io/FlowLog': ec2('fl', 'vpc-flow-log', false),
  'cloudwatchlogs.aws.upbound.io/Group': named('logs', 'log-group'),
  'iam.aws.upbound.io/Role': {
    atProvider: (o) => ({ id: o.externalName, arn: arn('iam', o, `role/${o.externalName}`, true), uniqueId: `AROA${o.hex.slice(0, 17).toUpperCase()}` }),
  },
  'iam.aws.upbound.io/RolePolicy': { generatedId: (o) => `${o.forProvider.role}:${o.hex.slice(0, 8)}`, atProvider: (o) => ({ id: o.externalName }) },
  'rds.aws.upbound.io/SubnetGroup': named('rds', 'subgrp'),
  'rds.aws.upbound.io/ClusterParameterGroup': named('rds', 'cluster-pg'),
  'rds.aws.upbound.io/Cluster': {
    atProvider: (o) => ({
      id: o.externalName,
      arn: arn('rds', o, `cluster:${o.externalName}`),
      clusterResourceId: `cluster-${o.hex.slice(0, 26).toUpperCase()}`,
      endpoint: `${o.externalName}.cluster-c${o.hex.slice(0, 11)}.${o.region}.rds.amazonaws.com`,
      readerEndpoint: `${o.externalName}.cluster-ro-c${o.hex.slice(0, 11)}.${o.region}.rds.amazonaws.com`,
      port: 5432,
      'masterUserSecret[0].secretArn': arn('secretsmanager', o, `secret:rds!cluster-${uuid(o.hex)}-${o.hex.slice(0, 6)}`),
      'masterUserSecret[0].secretStatus': 'active',
    }),
  },
  'rds.aws.upbound.io/ClusterInstance': {
    atProvider: (o) => ({
      id: o.externalName,
      arn: arn('rds', o, `db:${o.externalName}`),
      endpoint: `${o.externalName}.c${o.hex.slice(0, 11)}.${o.region}.rds.amazonaws.com`,
      port: 5432,
    }),
  },
  'secretsmanager.aws.upbound.io/Secret': {
    generatedId: (o) => `arn:aws:secretsmanager:${o.region}:${o.account}:secret:${o.forProvider.name}-${o.hex.slice(0, 6)}`,
    atProvider: (o) => ({ id: o.externalName, arn: o.externalName }),
  },
  'secretsmanager.aws.upbound.io/SecretPolicy': { generatedId: (o) => o.forProvider.secretArn, atProvider: (o) => ({ id: o.externalName }) },
  'secretsmanager.aws.upbound.io/SecretVersion': { generatedId: (o) => `${o.forProvider.secretId}|${uuid(o.hex)}`, atProvider: (o) => ({ id: o.externalName, versionId: uuid(o.hex) }) },
  'secretsmanager.aws.upbound.io/SecretRotation': { generatedId: (o) => o.forProvider.secretId, atProvider: (o) => ({ id: o.externalName, rotationEnabled: true }) },
  'elasticache.aws.upbound.io/User': { generatedId: (o) => o.forProvider.userName, atProvider: (o) => ({ id: o.externalName, arn: arn('elasticache', o, `user:${o.externalName}`) }) },
  'elasticache.aws.upbound.io/UserGroup': named('elasticache', 'usergroup'),
  'elasticache.aws.upbound.io/SubnetGroup': named('elasticache', 'subnetgroup'),
  'elasticache.aws.upbound.io/ParameterGroup': named('elasticache', 'parametergroup'),
  'elasticache.aws.upbound.io/ReplicationGroup': {
    atProvider: (o) => ({
      id: o.externalName,
      arn: arn('elasticache', o, `replicationgroup:${o.externalName}`),
      configurationEndpointAddress: `clustercfg.${o.externalName}.${o.hex.slice(0, 6)}.${o.region.replace(/-(\w)\w*-(\d)$/, '$1$2')}.cache.amazonaws.com`,
    }),
  },
  // The stream's name is its external name; Terraform's ID is its ARN.
  'kinesis.aws.upbound.io/Stream': { atProvider: (o) => ({ id: arn('kinesis', o, `stream/${o.externalName}`), arn: arn('kinesis', o, `stream/${o.externalName}`) }) },
  // The external name is the ARN (IdentifierFromProvider); the name is in forProvider.
  'firehose.aws.upbound.io/DeliveryStream': {
    generatedId: (o) => arn('firehose', o, `deliverystream/${o.forProvider.name}`),
    atProvider: (o) => ({ id: o.externalName, arn: o.externalName, versionId: '1', destinationId: 'destinationId-000000000001' }),
  },
  // The topic's name is its external name; Terraform's ID is its ARN.
  'sns.aws.upbound.io/Topic': { atProvider: (o) => ({ id: arn('sns', o, o.externalName), arn: arn('sns', o, o.externalName), owner: o.account }) },
  'sns.aws.upbound.io/TopicPolicy': { generatedId: (o) => o.forProvider.arn, atProvider: (o) => ({ id: o.externalName, owner: o.account }) },
  // An e-mail subscription is pending until its recipient confirms it.
  'sns.aws.upbound.io/TopicSubscription': {
    generatedId: (o) => `${o.forProvider.topicArn}:${uuid(o.hex)}`,
    atProvider: (o) => ({ id: o.externalName, arn: o.externalName, ownerId: o.account, pendingConfirmation: true }),
  },
  'cloudwatch.aws.upbound.io/MetricAlarm': { atProvider: (o) => ({ id: o.externalName, arn: arn('cloudwatch', o, `alarm:${o.externalName}`) }) },
  'cloudwatch.aws.upbound.io/Dashboard': { atProvider: (o) => ({ id: o.externalName, dashboardArn: arn('cloudwatch', o, `dashboard/${o.externalName}`, true) }) },
  'xray.aws.upbound.io/Group': {
    generatedId: (o) => arn('xray', o, `group/${o.forProvider.groupName}/${o.hex.slice(0, 26).toUpperCase()}`),
    atProvider: (o) => ({ id: o.externalName, arn: o.externalName }),
  },
  'backup.aws.upbound.io/Vault': { atProvider: (o) => ({ id: o.externalName, arn: arn('backup', o, `backup-vault:${o.externalName}`), recoveryPoints: 0 }) },
  'backup.aws.upbound.io/Plan': { generatedId: (o) => uuid(o.hex), atProvider: (o) => ({ id: o.externalName, arn: arn('backup', o, `backup-plan:${o.externalName}`), version: o.hex.slice(0, 32) }) },
  'backup.aws.upbound.io/Selection': { generatedId: (o) => uuid(o.hex), atProvider: (o) => ({ id: o.externalName }) },
  'iam.aws.upbound.io/RolePolicyAttachment': { generatedId: (o) => `${o.forProvider.role}-${o.hex.slice(0, 20)}`, atProvider: (o) => ({ id: o.externalName }) },
  'cloudwatchevents.aws.upbound.io/Rule': named('events', 'rule', '/'),
  'cloudwatchevents.aws.upbound.io/Target': { generatedId: (o) => `${o.forProvider.rule}-${o.forProvider.targetId}`, atProvider: (o) => ({ id: o.externalName }) },
  'scheduler.aws.upbound.io/ScheduleGroup': named('scheduler', 'schedule-group', '/'),
  'scheduler.aws.upbound.io/Schedule': {
    atProvider: (o) => ({ id: `${o.forProvider.groupName}/${o.externalName}`, arn: arn('scheduler', o, `schedule/${o.forProvider.groupName}/${o.externalName}`) }),
  },
  'sqs.aws.upbound.io/Queue': {
    atProvider: (o) => ({ id: `https://sqs.${o.region}.amazonaws.com/${o.account}/${o.externalName}`, url: `https://sqs.${o.region}.amazonaws.com/${o.account}/${o.externalName}`, arn: arn('sqs', o, o.externalName) }),
  },
  'sqs.aws.upbound.io/QueuePolicy': { generatedId: (o) => o.forProvider.queueUrl, atProvider: (o) => ({ id: o.externalName }) },
  'cloudwatchlogs.aws.upbound.io/MetricFilter': { atProvider: (o) => ({ id: o.externalName }) },
  'fis.aws.upbound.io/ExperimentTemplate': { generatedId: (o) => `EXT${o.hex.slice(0, 14)}`, atProvider: (o) => ({ id: o.externalName }) },
  'xray.aws.upbound.io/SamplingRule': { atProvider: (o) => ({ id: o.externalName, arn: arn('xray', o, `sampling-rule/${o.externalName}`) }) },
  'cloudtrail.aws.upbound.io/Trail': { atProvider: (o) => ({ id: arn('cloudtrail', o, `trail/${o.externalName}`), arn: arn('cloudtrail', o, `trail/${o.externalName}`), homeRegion: o.region }) },
  'ecs.aws.upbound.io/Cluster': { atProvider: (o) => ({ id: arn('ecs', o, `cluster/${o.externalName}`), arn: arn('ecs', o, `cluster/${o.externalName}`) }) },
  'ecs.aws.upbound.io/ClusterCapacityProviders': { generatedId: (o) => `cluster-${o.hex.slice(0, 8)}`, atProvider: (o) => ({ id: o.externalName }) },
  'ecs.aws.upbound.io/TaskDefinition': {
    generatedId: (o) => o.forProvider.family,
    // AWS numbers revisions per family, one more for each registration. Here a number derived from
    // what the revision holds stands in: a new revision (new containers, size or role) gets another.
    atProvider: (o) => {
      const revision = revisionOf(o.forProvider);
      return { id: o.externalName, arn: arn('ecs', o, `task-definition/${o.externalName}:${revision}`), arnWithoutRevision: arn('ecs', o, `task-definition/${o.externalName}`), revision };
    },
  },
  // The service's name is its cluster's (ap-assessment-<suffix>): its ARN names both.
  'ecs.aws.upbound.io/Service': { atProvider: (o) => ({ id: arn('ecs', o, `service/${o.externalName}/${o.externalName}`), arn: arn('ecs', o, `service/${o.externalName}/${o.externalName}`) }) },
  'appautoscaling.aws.upbound.io/Target': {
    generatedId: (o) => o.forProvider.resourceId,
    atProvider: (o) => ({ id: o.externalName, arn: arn('application-autoscaling', o, `scalable-target/0ec${o.hex.slice(0, 29)}`) }),
  },
  'appautoscaling.aws.upbound.io/Policy': {
    atProvider: (o) => ({ id: o.externalName, arn: arn('autoscaling', o, `scalingPolicy:${uuid(o.hex)}:resource/ecs/${o.forProvider.resourceId ?? 'service'}:policyName/${o.externalName}`) }),
  },
  'efs.aws.upbound.io/FileSystem': {
    generatedId: (o) => `fs-${o.hex.slice(0, 17)}`,
    atProvider: (o) => ({ id: o.externalName, arn: arn('elasticfilesystem', o, `file-system/${o.externalName}`), dnsName: `${o.externalName}.efs.${o.region}.amazonaws.com`, ownerId: o.account }),
  },
  'efs.aws.upbound.io/BackupPolicy': { generatedId: (o) => `fs-${o.hex.slice(0, 17)}`, atProvider: (o) => ({ id: o.externalName }) },
  'efs.aws.upbound.io/FileSystemPolicy': { generatedId: (o) => `fs-${o.hex.slice(0, 17)}`, atProvider: (o) => ({ id: o.externalName }) },
  'efs.aws.upbound.io/AccessPoint': {
    generatedId: (o) => `fsap-${o.hex.slice(0, 17)}`,
    atProvider: (o) => ({ id: o.externalName, arn: arn('elasticfilesystem', o, `access-point/${o.externalName}`), ownerId: o.account }),
  },
  'efs.aws.upbound.io/MountTarget': { generatedId: (o) => `fsmt-${o.hex.slice(0, 17)}`, atProvider: (o) => ({ id: o.externalName, ownerId: o.account }) },
  'elbv2.aws.upbound.io/LB': {
    generatedId: (o) => arn('elasticloadbalancing', o, `loadbalancer/${o.forProvider.loadBalancerType === 'network' ? 'net' : 'app'}/${o.forProvider.name}/${o.hex.slice(0, 16)}`),
    atProvider: (o) => ({
      id: o.externalName,
      arn: o.externalName,
      arnSuffix: o.externalName.split(':loadbalancer/')[1],
      dnsName: `internal-${o.forProvider.name}-${parseInt(o.hex.slice(0, 8), 16)}.${o.region}.elb.amazonaws.com`,
    }),
  },
  'elbv2.aws.upbound.io/LBTargetGroup': {
    generatedId: (o) => arn('elasticloadbalancing', o, `targetgroup/${o.forProvider.name}/${o.hex.slice(0, 16)}`),
    atProvider: (o) => ({ id: o.externalName, arn: o.externalName, arnSuffix: o.externalName.split(':')[5] }),
  },
  'elbv2.aws.upbound.io/LBListener': {
    generatedId: (o) => arn('elasticloadbalancing', o, `listener/app/lb/${o.hex.slice(0, 16)}/${o.hex.slice(16, 32)}`),
    atProvider: (o) => ({ id: o.externalName, arn: o.externalName }),
  },
  'elbv2.aws.upbound.io/LBTargetGroupAttachment': { generatedId: (o) => `tga-${o.hex.slice(0, 20)}`, atProvider: (o) => ({ id: o.externalName }) },
  's3.aws.upbound.io/Bucket': { atProvider: (o) => ({ id: o.externalName, arn: `arn:aws:s3:::${o.externalName}` }) },
  ...Object.fromEntries(
    ['BucketServerSideEncryptionConfiguration', 'BucketVersioning', 'BucketPublicAccessBlock', 'BucketOwnershipControls', 'BucketPolicy', 'BucketLifecycleConfiguration'].map((k) => [
      `s3.aws.upbound.io/${k}`,
      { generatedId: (o: Omit<Observed, 'externalName'>) => `bucket-${o.hex.slice(0, 12)}`, atProvider: (o: Observed) => ({ id: o.externalName }) },
    ]),
  ),
  'apigateway.aws.upbound.io/VPCLink': { generatedId: (o) => o.hex.slice(0, 6), atProvider: (o) => ({ id: o.externalName, arn: `arn:aws:apigateway:${o.region}::/vpclinks/${o.externalName}` }) },
  'apigateway.aws.upbound.io/RestAPI': {
    generatedId: (o) => o.hex.slice(0, 10),
    atProvider: (o) => ({
      id: o.externalName,
      arn: `arn:aws:apigateway:${o.region}::/restapis/${o.externalName}`,
      executionArn: arn('execute-api', o, o.externalName),
      rootResourceId: o.hex.slice(10, 20),
    }),
  },
  'apigateway.aws.upbound.io/RestAPIPolicy': { generatedId: (o) => o.siblingHex('apigateway.aws.upbound.io/RestAPI', 'rest-api').slice(0, 10), atProvider: (o) => ({ id: o.externalName }) },
  'apigateway.aws.upbound.io/Resource': { generatedId: (o) => o.hex.slice(0, 6), atProvider: (o) => ({ id: o.externalName, path: `/${o.forProvider.pathPart}` }) },
  'apigateway.aws.upbound.io/Method': { generatedId: (o) => `agm-${o.hex.slice(0, 16)}`, atProvider: (o) => ({ id: o.externalName }) },
  'apigateway.aws.upbound.io/Integration': { generatedId: (o) => `agi-${o.hex.slice(0, 16)}`, atProvider: (o) => ({ id: o.externalName }) },
  'apigateway.aws.upbound.io/Deployment': { generatedId: (o) => o.hex.slice(0, 6), atProvider: (o) => ({ id: o.externalName }) },
  'apigateway.aws.upbound.io/Stage': {
    generatedId: (o) => `ags-${o.hex.slice(0, 10)}-${o.forProvider.stageName}`,
    atProvider: (o) => {
      const api = o.siblingHex('apigateway.aws.upbound.io/RestAPI', 'rest-api').slice(0, 10);
      return {
        id: o.externalName,
        arn: `arn:aws:apigateway:${o.region}::/restapis/${api}/stages/${o.forProvider.stageName}`,
        invokeUrl: `https://${api}.execute-api.${o.region}.amazonaws.com/${o.forProvider.stageName}`,
      };
    },
  },
  'apigateway.aws.upbound.io/DomainName': {
    generatedId: (o) => o.forProvider.domainName,
    atProvider: (o) => ({
      id: o.externalName,
      domainName: o.forProvider.domainName,
      arn: `arn:aws:apigateway:${o.region}::/domainnames/${o.forProvider.domainName}`,
      regionalDomainName: `d-${o.hex.slice(0, 10)}.execute-api.${o.region}.amazonaws.com`,
      regionalZoneId: `Z${o.hex.slice(0, 12).toUpperCase()}`,
    }),
  },
  'apigateway.aws.upbound.io/BasePathMapping': { generatedId: (o) => `${o.hex.slice(0, 10)}/`, atProvider: (o) => ({ id: o.externalName }) },
  'apigateway.aws.upbound.io/MethodSettings': { generatedId: (o) => `${o.hex.slice(0, 10)}-${o.forProvider.methodPath}`, atProvider: (o) => ({ id: o.externalName }) },
  'apigateway.aws.upbound.io/Account': { generatedId: () => 'api-gateway-account', atProvider: (o) => ({ id: o.externalName }) },
  'wafv2.aws.upbound.io/WebACL': {
    generatedId: (o) => uuid(o.hex),
    atProvider: (o) => ({ id: o.externalName, arn: arn('wafv2', o, `regional/webacl/${o.forProvider.name}/${o.externalName}`) }),
  },
  'wafv2.aws.upbound.io/WebACLAssociation': { generatedId: (o) => `acl-assoc-${o.hex.slice(0, 12)}`, atProvider: (o) => ({ id: o.externalName }) },
  'wafv2.aws.upbound.io/WebACLLoggingConfiguration': { generatedId: (o) => `acl-log-${o.hex.slice(0, 12)}`, atProvider: (o) => ({ id: o.externalName }) },
};

/** Kinds that are not AWS resources: no atProvider, only conditions. */
const NOT_AWS = ['protection.crossplane.io/ClusterUsage'];

const EXTERNAL_NAME = 'crossplane.io/external-name';

/** Set `value` at a dotted/bracketed path, creating objects and arrays on the way. */
function put(obj: any, p: string, value: unknown): void {
  const segs = p.split(/\.|(?=\[)/).map((s) => (/^\[\d+\]$/.test(s) ? Number(s.slice(1, -1)) : s));
  let cur = obj;
  segs.forEach((seg, i) => {
    if (i === segs.length - 1) cur[seg] = value;
    else cur = cur[seg] ??= typeof segs[i + 1] === 'number' ? [] : {};
  });
}

/** The observed parameters: forProvider without references, selectors and secret refs (at any depth), as upjet reports them. */
function observedParameters(forProvider: Record<string, any>, atProviderSchema: any): Record<string, any> {
  const strip = (v: any): any =>
    Array.isArray(v)
      ? v.map(strip)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).filter(([k]) => !/(Ref|Refs|Selector|SecretRef)$/.test(k)).map(([k, x]) => [k, strip(x)]))
        : v;
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(forProvider)) {
    if (/(Ref|Refs|Selector|SecretRef)$/.test(k) || !atProviderSchema?.properties?.[k]) continue;
    out[k] = strip(structuredClone(v));
  }
  return out;
}

const ready = (time: string) => [
  { type: 'Ready', status: 'True', reason: 'Available', lastTransitionTime: time },
  { type: 'Synced', status: 'True', reason: 'ReconcileSuccess', lastTransitionTime: time },
];

/**
 * What the simulated IDs derive from: the claim and the composition resource name when the resource
 * has them (so a render and the live control plane, whose generated names differ, see the same IDs),
 * else the resource's name.
 */
function identity(o: any, gk: string, name: string, resource = o.metadata.annotations?.['crossplane.io/composition-resource-name']): string {
  const labels = o.metadata.labels ?? {};
  const claim = labels['crossplane.io/claim-name'];
  return resource && claim ? `${gk}/${labels['crossplane.io/claim-namespace']}/${claim}/${resource}` : `${gk}/${name}`;
}
const hexOf = (id: string) => createHash('sha256').update(id).digest('hex');

/**
 * A desired composed resource as it is observed once created and Ready: its generated name kept
 * (or `name` given by the previous reconcile), the external name AWS assigned, and the status the
 * provider writes. `account` is the claim's AWS account.
 */
export function observe(desired: any, name: string, account: string): any {
  const o = structuredClone(desired);
  o.metadata.name = name;
  delete o.metadata.generateName;
  const gk = `${o.apiVersion.split('/')[0]}/${o.kind}`;
  const time = '2026-01-01T00:00:00Z';
  if (NOT_AWS.includes(gk)) {
    o.status = { conditions: ready(time) };
    return o;
  }
  const row = PROVIDER_STATUS[gk];
  if (!row) throw new Error(`no provider status row for ${gk}: add one to test/engine/provider-status.ts`);
  const crd = crdFor(o.apiVersion, o.kind);
  if (!crd) throw new Error(`no CRD for ${o.apiVersion} ${o.kind}`);
  const base = {
    kind: gk,
    hex: hexOf(identity(o, gk, name)),
    siblingHex: (otherGk: string, resource: string) => hexOf(identity(o, otherGk, name, resource)),
    region: o.spec.forProvider.region ?? 'us-east-1',
    account,
    forProvider: o.spec.forProvider,
  };
  const given = o.metadata.annotations?.[EXTERNAL_NAME];
  const externalName = given ?? (row.generatedId ? row.generatedId(base) : name);
  o.metadata.annotations = { ...o.metadata.annotations, [EXTERNAL_NAME]: externalName };
  const atProviderSchema = schemaAt(crd.schema, 'status.atProvider');
  const atProvider = observedParameters(o.spec.forProvider, atProviderSchema);
  for (const [p, v] of Object.entries(row.atProvider({ ...base, externalName }))) {
    const missing = missingSegment(crd.schema, `status.atProvider.${p}`);
    if (missing !== undefined) throw new Error(`provider status row ${gk}: status.atProvider.${p} is not in the CRD (at ${missing})`);
    put(atProvider, p, v);
  }
  o.status = { atProvider, conditions: ready(time) };
  return o;
}
