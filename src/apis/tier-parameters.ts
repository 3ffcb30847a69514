import { JsonSchema, obj, str } from '../api/schema';

const keyArn = (what: string): JsonSchema => str(`ARN of the ${what} key, from the keys tier (XKeys) through the platform. Until it is set, what it encrypts is not created.`, {
  pattern: '^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-f-]+$',
  maxLength: 128,
});

/** spec.parameters.keys of a tier: the key ARNs it encrypts with. */
export const KEYS_PARAMETER: JsonSchema = obj('The customer-managed KMS keys this tier encrypts with (ARNs from the keys tier).', {
  studentRecordsKeyArn: keyArn('student-records'),
  analyticsKeyArn: keyArn('analytics'),
  logsKeyArn: keyArn('logs'),
  secretsKeyArn: keyArn('secrets'),
});

/** spec.parameters.vpc of a tier that joins the VPC: where it lives, from the network tier through the platform. */
export const VPC_PARAMETER: JsonSchema = obj('The network the tier joins (IDs from the network tier). Until they are set, what needs them is not created.', {
  id: str('VPC ID.', { pattern: '^vpc-[0-9a-f]+$', maxLength: 32 }),
  dataSubnetIds: { type: 'array', description: 'The isolated data subnets, one per AZ.', minItems: 2, maxItems: 3, items: str('Subnet ID.', { pattern: '^subnet-[0-9a-f]+$', maxLength: 32 }) },
  privateSubnetIds: { type: 'array', description: 'The private (application) subnets, one per AZ.', minItems: 2, maxItems: 3, items: str('Subnet ID.', { pattern: '^subnet-[0-9a-f]+$', maxLength: 32 }) },
  privateRouteTableIds: { type: 'array', description: 'The private subnets\' route tables, one per AZ.', minItems: 2, maxItems: 3, items: str('Route table ID.', { pattern: '^rtb-[0-9a-f]+$', maxLength: 32 }) },
  appSecurityGroupId: str("The application tier's security group: the only source admitted to the store.", { pattern: '^sg-[0-9a-f]+$', maxLength: 32 }),
});
