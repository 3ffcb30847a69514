/**
 * What AWS refuses to delete while something else still uses it, for the provider simulator.
 *
 * A managed resource that Crossplane deletes is deleted in AWS by the provider; AWS answers
 * DependencyViolation (EC2), InvalidDBSubnetGroupStateFault / InvalidDBParameterGroupState /
 * InvalidDBClusterStateFault (RDS), InvalidCacheSubnetState / InvalidUserGroupState (ElastiCache)
 * or DeleteConflict (IAM) while a resource that uses it exists, and the provider retries on its next
 * poll. A resource that was orphaned still exists in AWS, so it blocks forever: that is the hang a
 * half-orphaned prod teardown ran into (issue 9 item 1). Kinds not listed here (KMS keys and
 * aliases, log groups, secrets, NAT gateways as route targets, flow logs, buckets, API Gateway's
 * parts) are deleted or scheduled for deletion whoever refers to them.
 */

/** One AWS resource as the simulator knows it: alive, or orphaned (its managed resource is gone). */
export interface AwsResource {
  /** `group/Kind`, e.g. `ec2/Subnet`. */
  readonly kind: string;
  /** The managed resource's name. */
  readonly name: string;
  /** UID of the composite resource that controls it (what matchControllerRef compares). */
  readonly owner?: string;
  readonly labels: Record<string, string>;
  /** External name, ID and ARN: what another resource's string fields name it by. */
  readonly identifiers: readonly string[];
  /** spec.forProvider and spec.initProvider. */
  readonly spec: readonly Record<string, unknown>[];
  orphaned: boolean;
}

/** `used` cannot be deleted while a `by` resource refers to it (through `field` when given), or, with `sameComposite`, while any `by` resource of the same composite exists. */
interface InUseRule {
  readonly used: string;
  readonly by: string;
  /** The reference field's base name (matches `<field>`, `<field>s`, `<field>Selector`, `<field>Ref`); default: any field. */
  readonly field?: string;
  readonly sameComposite?: boolean;
  /** AWS's answer. */
  readonly error: string;
}

const DEPENDENCY_VIOLATION = 'DependencyViolation: resource has a dependent object';
export const IN_USE_RULES: readonly InUseRule[] = [
  { used: 'ec2/VPC', by: '*', field: 'vpcId', error: `${DEPENDENCY_VIOLATION} (the VPC still has subnets, gateways, route tables or security groups)` },
  ...['ec2/NATGateway', 'rds/SubnetGroup', 'elasticache/SubnetGroup', 'ec2/VPCEndpointSubnetAssociation', 'efs/MountTarget'].map((by) => ({ used: 'ec2/Subnet', by, field: 'subnetId', error: `${DEPENDENCY_VIOLATION} (network interfaces in the subnet)` })),
  { used: 'ec2/SecurityGroup', by: 'ec2/VPCEndpointSecurityGroupAssociation', field: 'securityGroupId', error: `${DEPENDENCY_VIOLATION} (an endpoint's network interfaces in the security group)` },
  { used: 'ec2/RouteTable', by: 'ec2/VPCEndpointRouteTableAssociation', field: 'routeTableId', error: `${DEPENDENCY_VIOLATION} (a gateway endpoint's route in the table)` },
  ...['ecs/Service', 'elbv2/LB'].map((by) => ({ used: 'ec2/Subnet', by, field: 'subnet', error: `${DEPENDENCY_VIOLATION} (network interfaces in the subnet)` })),
  ...['efs/MountTarget', 'ecs/Service', 'elbv2/LB'].map((by) => ({ used: 'ec2/SecurityGroup', by, field: 'securityGroup', error: `${DEPENDENCY_VIOLATION} (network interfaces in the security group)` })),
  { used: 'efs/FileSystem', by: 'efs/MountTarget', field: 'fileSystemId', error: 'FileSystemInUse: the file system still has mount targets' },
  { used: 'ecs/Cluster', by: 'ecs/Service', field: 'cluster', error: 'ClusterContainsServicesException: the cluster contains services' },
  { used: 'elbv2/LBTargetGroup', by: 'elbv2/LBListener', field: 'targetGroupArn', error: 'ResourceInUse: the target group is in use by a listener' },
  { used: 'elbv2/LB', by: 'apigateway/VPCLink', field: 'targetArn', error: 'ResourceInUse: the load balancer is associated with a VPC endpoint service (a VPC link)' },
  { used: 'apigateway/VPCLink', by: 'apigateway/Integration', field: 'connectionId', error: 'BadRequestException: cannot delete the VPC link, integrations refer to it' },
  { used: 'ec2/SecurityGroup', by: 'rds/Cluster', field: 'vpcSecurityGroupId', error: `${DEPENDENCY_VIOLATION} (network interfaces in the security group)` },
  { used: 'ec2/SecurityGroup', by: 'elasticache/ReplicationGroup', field: 'securityGroupId', error: `${DEPENDENCY_VIOLATION} (network interfaces in the security group)` },
  ...['ec2/SecurityGroupIngressRule', 'ec2/SecurityGroupEgressRule'].map((by) => ({ used: 'ec2/SecurityGroup', by, field: 'referencedSecurityGroupId', error: `${DEPENDENCY_VIOLATION} (another group's rule refers to it)` })),
  { used: 'ec2/RouteTable', by: 'ec2/RouteTableAssociation', error: `${DEPENDENCY_VIOLATION} (the route table is associated with a subnet)` },
  { used: 'ec2/EIP', by: 'ec2/NATGateway', error: 'AuthFailure: the address is associated with a NAT gateway' },
  ...['ec2/NATGateway', 'ec2/EIP'].map((by) => ({ used: 'ec2/InternetGateway', by, sameComposite: true, error: `${DEPENDENCY_VIOLATION} (the VPC has mapped public addresses; the gateway cannot be detached)` })),
  { used: 'rds/SubnetGroup', by: 'rds/Cluster', error: 'InvalidDBSubnetGroupStateFault: the DB subnet group is in use' },
  { used: 'rds/ClusterParameterGroup', by: 'rds/Cluster', error: 'InvalidDBParameterGroupState: the parameter group is in use' },
  { used: 'rds/Cluster', by: 'rds/ClusterInstance', error: 'InvalidDBClusterStateFault: the cluster still contains DB instances' },
  ...['elasticache/SubnetGroup', 'elasticache/ParameterGroup', 'elasticache/UserGroup'].map((used) => ({ used, by: 'elasticache/ReplicationGroup', error: `${used.split('/')[1]} is in use by a replication group` })),
  { used: 'elasticache/User', by: 'elasticache/UserGroup', error: 'InvalidUserState: the user belongs to a user group' },
  { used: 'iam/Role', by: 'iam/RolePolicy', error: 'DeleteConflict: cannot delete entity, must delete policies first' },
];

/** Whether `user` refers to `used` in its spec, through `field` when given. */
export function refersTo(user: AwsResource, used: AwsResource, field?: string): boolean {
  const keyMatches = (key: string) => !field || [field, `${field}s`, `${field}Selector`, `${field}sSelector`, `${field}Ref`, `${field}Refs`].includes(key);
  const walk = (value: unknown, key: string): boolean => {
    if (typeof value === 'string') return keyMatches(key) && used.identifiers.includes(value);
    if (Array.isArray(value)) return value.some((v) => walk(v, key));
    if (!value || typeof value !== 'object') return false;
    const v = value as Record<string, any>;
    if (key.endsWith('Selector') && v.matchLabels) {
      return keyMatches(key) && (!v.matchControllerRef || user.owner === used.owner) && Object.entries<string>(v.matchLabels).every(([k, x]) => used.labels[k] === x);
    }
    if (key.endsWith('Ref') && !key.endsWith('SecretRef') && typeof v.name === 'string') return keyMatches(key) && v.name === used.name;
    return Object.entries(v).some(([k, x]) => walk(x, k));
  };
  return user.spec.some((s) => walk(s, ''));
}

/** AWS's refusal to delete `target` while the resources of `world` exist, or undefined if it may go. */
export function deleteRefusal(target: AwsResource, world: Iterable<AwsResource>): string | undefined {
  const rules = IN_USE_RULES.filter((r) => r.used === target.kind);
  for (const other of world) {
    if (other === target) continue;
    for (const rule of rules) {
      if (rule.by !== '*' && rule.by !== other.kind) continue;
      const uses = rule.sameComposite ? other.owner === target.owner : refersTo(other, target, rule.field);
      if (uses) return `${rule.error}: in use by ${other.kind} ${other.name}${other.orphaned ? ' (orphaned: it stays in AWS)' : ''}`;
    }
  }
  return undefined;
}
