import { JsonSchema, obj, str } from '../api/schema';

/**
 * Once set, a value from another tier never disappears or changes: Crossplane applies a tier's
 * spec by server-side apply, so one platform reconcile without it would remove it, and the Required
 * patches would then drop what depends on it (security-group rules, a store). The API server
 * refuses such an update; the tier keeps its last good values and the platform reports the error.
 */
const kept = (field: string, what: string) => ({
  rule: `!has(oldSelf.${field}) || (has(self.${field}) && self.${field} == oldSelf.${field})`,
  message: `spec.parameters.${what}.${field} cannot change or disappear once set`,
});
const grows = (field: string, what: string) => ({
  rule: `!has(oldSelf.${field}) || (has(self.${field}) && oldSelf.${field}.all(x, x in self.${field}))`,
  message: `spec.parameters.${what}.${field}: an ID once set cannot disappear`,
});

const keyArn = (what: string): JsonSchema => str(`ARN of the ${what} key, from the keys tier (XKeys) through the platform. Until it is set, what it encrypts is not created.`, {
  pattern: '^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-f-]+$',
  maxLength: 128,
});

/** spec.parameters.keys of a tier: the key ARNs it encrypts with. */
const KEY_FIELDS = ['studentRecordsKeyArn', 'analyticsKeyArn', 'logsKeyArn', 'secretsKeyArn'] as const;
export const KEYS_PARAMETER: JsonSchema = obj(
  'The customer-managed KMS keys this tier encrypts with (ARNs from the keys tier).',
  { studentRecordsKeyArn: keyArn('student-records'), analyticsKeyArn: keyArn('analytics'), logsKeyArn: keyArn('logs'), secretsKeyArn: keyArn('secrets') },
  { 'x-kubernetes-validations': KEY_FIELDS.map((f) => kept(f, 'keys')) },
);

/** spec.parameters.vpc of a tier that joins the VPC: where it lives, from the network tier through the platform. */
export const VPC_PARAMETER: JsonSchema = obj('The network the tier joins (IDs from the network tier). Until they are set, what needs them is not created.', {
  id: str('VPC ID.', { pattern: '^vpc-[0-9a-f]+$', maxLength: 32 }),
  dataSubnetIds: { type: 'array', description: 'The isolated data subnets, one per AZ.', minItems: 2, maxItems: 3, items: str('Subnet ID.', { pattern: '^subnet-[0-9a-f]+$', maxLength: 32 }) },
  privateSubnetIds: { type: 'array', description: 'The private (application) subnets, one per AZ.', minItems: 2, maxItems: 3, items: str('Subnet ID.', { pattern: '^subnet-[0-9a-f]+$', maxLength: 32 }) },
  privateRouteTableIds: { type: 'array', description: 'The private subnets\' route tables, one per AZ.', minItems: 2, maxItems: 3, items: str('Route table ID.', { pattern: '^rtb-[0-9a-f]+$', maxLength: 32 }) },
  appSecurityGroupId: str("The application tier's security group: the only source admitted to the store.", { pattern: '^sg-[0-9a-f]+$', maxLength: 32 }),
  albSecurityGroupId: str("The internal ALB's security group.", { pattern: '^sg-[0-9a-f]+$', maxLength: 32 }),
  nlbSecurityGroupId: str("The VPC link NLB's security group.", { pattern: '^sg-[0-9a-f]+$', maxLength: 32 }),
  healthSecurityGroupId: str("The scheduled health check's security group.", { pattern: '^sg-[0-9a-f]+$', maxLength: 32 }),
}, {
  'x-kubernetes-validations': [
    kept('id', 'vpc'),
    kept('appSecurityGroupId', 'vpc'),
    kept('albSecurityGroupId', 'vpc'),
    kept('nlbSecurityGroupId', 'vpc'),
    kept('healthSecurityGroupId', 'vpc'),
    ...['dataSubnetIds', 'privateSubnetIds', 'privateRouteTableIds'].map((f) => grows(f, 'vpc')),
  ],
});

/** On a tier's spec.parameters: the objects another tier filled (vpc, keys) cannot disappear once set. */
export const keptObjects = (...fields: string[]) => ({
  'x-kubernetes-validations': fields.map((f) => ({
    rule: `!has(oldSelf.${f}) || has(self.${f})`,
    message: `spec.parameters.${f} cannot disappear once set (it comes from another tier)`,
  })),
});
