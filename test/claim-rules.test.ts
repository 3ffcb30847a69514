import { API_GROUP, API_VERSION, CLAIM_KIND } from '../src/config';
import { EXAMPLE_CLAIMS, PlatformParameters } from '../src/examples/claims';
import { validate, Verdict } from './engine/crank';
import { xrdSchemaDoc } from './helpers/dist';

/**
 * The claim's rules as users meet them: bad claims through `crank beta validate`, which checks the
 * claim CRD that Crossplane generates from the XRD with the API server's own OpenAPI, unknown-field
 * and CEL validation. Each case asserts the message a user reads. A coverage test proves that the
 * table reaches every CEL rule, every enum and every bound of the XRD.
 */
const P = 'spec.parameters';
const dev: PlatformParameters = { environment: 'dev', environmentSuffix: 'dev1', owner: 'platform-team', awsAccountId: '123456789012' };
const prod: PlatformParameters = { ...dev, environment: 'prod', environmentSuffix: 'prod1' };
const net3 = (vpcCidr: string, privateSubnetCidrs: string[], publicSubnetCidrs: string[]) => ({ vpcCidr, privateSubnetCidrs, publicSubnetCidrs });

const above = (path: string, n: number) => `${P}.${path} in body should be less than or equal to ${n}`;
const below = (path: string, n: number) => `${P}.${path} in body should be greater than or equal to ${n}`;
const pattern = (path: string) => `${P}.${path} in body should match`;
const unsupported = (path: string) => `${P}.${path}: Unsupported value:`;
const tooLong = (path: string, n: number) => `${P}.${path}: Too long: may not be more than ${n} bytes`;

/** [case, parameters (any: the point is to be wrong), a message the user must see] */
const CASES: [string, any, string][] = [
  // CEL rules of the XRD
  ['prod with 2 AZs', { ...prod, network: { azCount: 2, privateSubnetCidrs: ['10.0.0.0/19', '10.0.32.0/19'], publicSubnetCidrs: ['10.0.128.0/22', '10.0.132.0/22'] } }, `${P}.network.azCount must be 3 when ${P}.environment is prod`],
  ['prod with 0 readers', { ...prod, database: { readers: 0 } }, `${P}.database.readers must be at least 1 when ${P}.environment is prod`],
  ['prod without deletion protection', { ...prod, database: { deletionProtection: false } }, `${P}.database.deletionProtection cannot be false when ${P}.environment is prod`],
  ['VPC CIDR with host bits', { ...dev, network: { vpcCidr: '10.0.0.1/16' } }, `${P}.network.vpcCidr must be a network address (no host bits set) with a /16 to /20 prefix, e.g. 10.0.0.0/16`],
  ['subnets outside the VPC', { ...dev, network: { vpcCidr: '10.20.0.0/16' } }, `${P}.network: every subnet CIDR must lie inside vpcCidr; set privateSubnetCidrs and publicSubnetCidrs when you change vpcCidr`],
  ['a subnet above a /20 VPC', { ...dev, network: net3('10.0.0.0/20', ['10.0.0.0/23', '10.0.2.0/23', '10.0.16.0/23'], ['10.0.8.0/24', '10.0.9.0/24', '10.0.10.0/24']) }, `${P}.network: every subnet CIDR must lie inside vpcCidr`],
  ['a private subnet with host bits', { ...dev, network: { privateSubnetCidrs: ['10.0.0.0/19', '10.0.33.0/19', '10.0.64.0/19'] } }, 'every private subnet CIDR must be a network address (no host bits set), e.g. 10.0.32.0/19'],
  ['a public subnet with host bits', { ...dev, network: { publicSubnetCidrs: ['10.0.128.0/22', '10.0.133.0/22', '10.0.136.0/22'] } }, 'every public subnet CIDR must be a network address (no host bits set), e.g. 10.0.32.0/19'],
  ['two equal private subnets', { ...dev, network: { privateSubnetCidrs: ['10.0.0.0/19', '10.0.0.0/19', '10.0.64.0/19'] } }, `${P}.network: subnet CIDRs must not overlap; every entry of privateSubnetCidrs and publicSubnetCidrs needs its own address range`],
  ['a public subnet inside a private one', { ...dev, network: { publicSubnetCidrs: ['10.0.128.0/22', '10.0.132.0/22', '10.0.32.0/22'] } }, `${P}.network: subnet CIDRs must not overlap`],
  ['a private subnet that spans a public one', { ...dev, network: { privateSubnetCidrs: ['10.0.0.0/19', '10.0.32.0/19', '10.0.128.0/17'] } }, `${P}.network: subnet CIDRs must not overlap`],
  ['too few subnets for 3 AZs', { ...dev, network: { privateSubnetCidrs: ['10.0.0.0/19', '10.0.32.0/19'] } }, `${P}.network: privateSubnetCidrs and publicSubnetCidrs need one CIDR per AZ (at least azCount entries)`],
  ['min ACU above max ACU', { ...dev, database: { minCapacity: 64, maxCapacity: 32 } }, `${P}.database.minCapacity must not exceed ${P}.database.maxCapacity`],
  ['min ACU alone above the table maximum (100k: 8-128)', { ...dev, database: { minCapacity: 200 } }, `${P}.database.minCapacity must not exceed the capacity table's maximum ACUs for ${P}.capacity.expectedConcurrentStudents; set ${P}.database.maxCapacity as well`],
  ['max ACU alone below the table minimum (300k: 16-256)', { ...dev, capacity: { expectedConcurrentStudents: 300000 }, database: { maxCapacity: 8 } }, `${P}.database.maxCapacity must not be below the capacity table's minimum ACUs for ${P}.capacity.expectedConcurrentStudents; set ${P}.database.minCapacity as well`],
  ['min ACU not in 0.5 steps', { ...dev, database: { minCapacity: 1.3 } }, `${P}.database.minCapacity must be a multiple of 0.5 ACU`],
  ['backup retention of 40 days', { ...dev, database: { backupRetentionDays: 40 } }, `${P}.database.backupRetentionDays must be between 7 and 35 days`],
  ['suffix ending with a dash', { ...dev, environmentSuffix: 'dev-' }, `${P}.environmentSuffix must be 2-12 lowercase letters, digits or "-", start with a letter and not end with "-"`],
  // enums
  ['unknown environment', { ...dev, environment: 'qa' }, unsupported('environment')],
  ['unknown data class', { ...dev, dataClassification: 'public' }, unsupported('dataClassification')],
  ['Aurora major version only', { ...dev, database: { engineVersion: '16' } }, unsupported('database.engineVersion')],
  ['unknown Redis version', { ...dev, cache: { engineVersion: '6.2' } }, unsupported('cache.engineVersion')],
  // bounds, patterns and lengths
  ['suffix of one character', { ...dev, environmentSuffix: 'd' }, `${P}.environmentSuffix in body should be at least 2 chars long`],
  ['suffix of 13 characters', { ...dev, environmentSuffix: 'abcdefghijklm' }, tooLong('environmentSuffix', 12)],
  ['suffix with capitals', { ...dev, environmentSuffix: 'Prod' }, pattern('environmentSuffix')],
  ['region that does not exist', { ...dev, region: 'eu-middle-9x' }, pattern('region')],
  ['region of 21 characters', { ...dev, region: 'eu-southeast-12345678' }, tooLong('region', 20)],
  ['owner of one character', { ...dev, owner: 'x' }, `${P}.owner in body should be at least 2 chars long`],
  ['owner of 65 characters', { ...dev, owner: 'x'.repeat(65) }, tooLong('owner', 64)],
  ['owner starting with a space', { ...dev, owner: ' team' }, pattern('owner')],
  ['account ID of 5 digits', { ...dev, awsAccountId: '12345' }, pattern('awsAccountId')],
  ['account ID of 13 digits', { ...dev, awsAccountId: '1234567890123' }, tooLong('awsAccountId', 12)],
  ['empty provider config name', { ...dev, providerConfigName: '' }, `${P}.providerConfigName in body should be at least 1 chars long`],
  ['provider config name of 64 characters', { ...dev, providerConfigName: 'a'.repeat(64) }, tooLong('providerConfigName', 63)],
  ['provider config name with capitals', { ...dev, providerConfigName: 'Default' }, pattern('providerConfigName')],
  ['99 students', { ...dev, capacity: { expectedConcurrentStudents: 99 } }, below('capacity.expectedConcurrentStudents', 100)],
  ['600,000 students', { ...dev, capacity: { expectedConcurrentStudents: 600000 } }, above('capacity.expectedConcurrentStudents', 500000)],
  ['VPC /24', { ...dev, network: { vpcCidr: '10.0.0.0/24' } }, pattern('network.vpcCidr')],
  ['VPC CIDR of 19 characters', { ...dev, network: { vpcCidr: '100.100.100.100/166' } }, tooLong('network.vpcCidr', 18)],
  ['1 AZ', { ...dev, network: { azCount: 1 } }, below('network.azCount', 2)],
  ['4 AZs', { ...dev, network: { azCount: 4 } }, above('network.azCount', 3)],
  ['one private subnet', { ...dev, network: { azCount: 2, privateSubnetCidrs: ['10.0.0.0/19'] } }, `${P}.network.privateSubnetCidrs: Invalid value: 1: ${P}.network.privateSubnetCidrs in body should have at least 2 items`],
  ['one public subnet', { ...dev, network: { azCount: 2, publicSubnetCidrs: ['10.0.128.0/22'] } }, `${P}.network.publicSubnetCidrs: Invalid value: 1: ${P}.network.publicSubnetCidrs in body should have at least 2 items`],
  ['four private subnets', { ...dev, network: { privateSubnetCidrs: ['10.0.0.0/19', '10.0.32.0/19', '10.0.64.0/19', '10.0.96.0/19'] } }, `${P}.network.privateSubnetCidrs: Too many: 4: must have at most 3 items`],
  ['four public subnets', { ...dev, network: { publicSubnetCidrs: ['10.0.128.0/22', '10.0.132.0/22', '10.0.136.0/22', '10.0.140.0/22'] } }, `${P}.network.publicSubnetCidrs: Too many: 4: must have at most 3 items`],
  ['a /27 private subnet', { ...dev, network: { privateSubnetCidrs: ['10.0.0.0/19', '10.0.32.0/19', '10.0.64.0/27'] } }, pattern('network.privateSubnetCidrs[2]')],
  ['a /16 public subnet', { ...dev, network: { publicSubnetCidrs: ['10.0.128.0/22', '10.0.132.0/22', '10.0.0.0/16'] } }, pattern('network.publicSubnetCidrs[2]')],
  ['a private subnet of 19 characters', { ...dev, network: { privateSubnetCidrs: ['10.0.0.0/19', '10.0.32.0/19', '100.100.100.100/222'] } }, tooLong('network.privateSubnetCidrs[2]', 18)],
  ['a public subnet of 19 characters', { ...dev, network: { publicSubnetCidrs: ['10.0.128.0/22', '10.0.132.0/22', '100.100.100.100/222'] } }, tooLong('network.publicSubnetCidrs[2]', 18)],
  ['0.25 ACU minimum', { ...dev, database: { minCapacity: 0.25, maxCapacity: 8 } }, below('database.minCapacity', 0.5)],
  ['512 ACU minimum', { ...dev, database: { minCapacity: 512 } }, above('database.minCapacity', 256)],
  ['0.5 ACU maximum', { ...dev, database: { minCapacity: 0.5, maxCapacity: 0.5 } }, below('database.maxCapacity', 1)],
  ['300 ACU maximum', { ...dev, database: { maxCapacity: 300 } }, above('database.maxCapacity', 256)],
  ['-1 readers', { ...dev, database: { readers: -1 } }, below('database.readers', 0)],
  ['6 readers', { ...dev, database: { readers: 6 } }, above('database.readers', 5)],
  ['backup retention of 3 days', { ...dev, database: { backupRetentionDays: 3 } }, below('database.backupRetentionDays', 7)],
  ['backup retention of 36 days', { ...dev, database: { backupRetentionDays: 36 } }, above('database.backupRetentionDays', 35)],
  ['node type without the cache. prefix', { ...dev, cache: { nodeType: 'r7g.large' } }, pattern('cache.nodeType')],
  ['node type of 41 characters', { ...dev, cache: { nodeType: `cache.r7g.${'x'.repeat(31)}` } }, tooLong('cache.nodeType', 40)],
  ['0 shards', { ...dev, cache: { shards: 0 } }, below('cache.shards', 1)],
  ['31 shards', { ...dev, cache: { shards: 31 } }, above('cache.shards', 30)],
  ['0 replicas', { ...dev, cache: { replicas: 0 } }, below('cache.replicas', 1)],
  ['6 replicas', { ...dev, cache: { replicas: 6 } }, above('cache.replicas', 5)],
  ['snapshots kept 0 days', { ...dev, cache: { snapshotRetentionDays: 0 } }, below('cache.snapshotRetentionDays', 1)],
  ['snapshots kept 36 days', { ...dev, cache: { snapshotRetentionDays: 36 } }, above('cache.snapshotRetentionDays', 35)],
  // unknown fields and required fields
  ['an unknown parameter', { ...dev, databse: { readers: 1 } }, `${P}.databse: Invalid value: "databse": unknown field: "databse"`],
  ['an unknown nested parameter', { ...dev, network: { azCount: 3, natGateways: 1 } }, `${P}.network.natGateways: Invalid value: "natGateways": unknown field: "natGateways"`],
  ['no owner', { environment: 'dev', environmentSuffix: 'dev1', awsAccountId: '123456789012' }, `${P}.owner: Required value`],
  ['no environment', { environmentSuffix: 'dev1', owner: 'platform-team', awsAccountId: '123456789012' }, `${P}.environment: Required value`],
];

const claim = (name: string, parameters: any) => ({
  apiVersion: `${API_GROUP}/${API_VERSION}`,
  kind: CLAIM_KIND,
  metadata: { name, namespace: 'rules' },
  spec: { parameters },
});

describe('claim rules, checked by crank beta validate against the claim CRD generated from the XRD', () => {
  let verdicts: Map<string, Verdict>;
  beforeAll(() => {
    const claims = [
      ...CASES.map(([, params], i) => claim(`bad-${i}`, params)),
      ...[dev, prod, { ...dev, database: { readers: 1, deletionProtection: true }, network: { azCount: 2 } }].map((params, i) => claim(`good-${i}`, params)),
      ...EXAMPLE_CLAIMS.map((c) => claim(`example-${c.name}`, c.parameters)),
    ];
    verdicts = new Map(validate(claims).verdicts.map((v) => [v.name, v]));
  });

  test('the table has a case for every CEL rule, enum and bound of the XRD (at least 25 cases)', () => {
    const expected = CASES.map(([, , m]) => m);
    const missing: string[] = [];
    const walk = (node: any, path: string) => {
      for (const rule of node['x-kubernetes-validations'] ?? []) if (!expected.some((m) => m.includes(rule.message) || rule.message.includes(m.replace(/^.*: /, '')))) missing.push(`CEL at ${path}: ${rule.message}`);
      if (node.enum && !expected.includes(unsupported(path.slice(P.length + 1)))) missing.push(`enum at ${path}`);
      if (node.minimum !== undefined && !expected.some((m) => m.startsWith(`${path} in body should be greater than or equal to ${node.minimum}`))) missing.push(`minimum at ${path}`);
      if (node.maximum !== undefined && !expected.some((m) => m.startsWith(`${path} in body should be less than or equal to ${node.maximum}`))) missing.push(`maximum at ${path}`);
      if (node.pattern && !expected.some((m) => m.startsWith(path) && m.includes('should match'))) missing.push(`pattern at ${path}`);
      if (node.minLength !== undefined && !expected.some((m) => m.startsWith(`${path} in body should be at least ${node.minLength} chars long`))) missing.push(`minLength at ${path}`);
      if (node.maxLength !== undefined && !expected.includes(tooLong(path.slice(P.length + 1), node.maxLength))) missing.push(`maxLength at ${path}`);
      if (node.minItems !== undefined && !expected.some((m) => m.startsWith(path) && m.includes(`at least ${node.minItems} items`))) missing.push(`minItems at ${path}`);
      if (node.maxItems !== undefined && !expected.some((m) => m.startsWith(path) && m.includes(`at most ${node.maxItems} items`))) missing.push(`maxItems at ${path}`);
      for (const [k, v] of Object.entries<any>(node.properties ?? {})) walk(v, `${path}.${k}`);
      if (node.items) walk(node.items, `${path}[2]`);
    };
    walk(xrdSchemaDoc().properties.spec.properties.parameters, P);
    expect(missing).toEqual([]);
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  test.each(CASES.map(([n, , m], i) => [n, i, m] as const))('rejects %s', (_n, i, message) => {
    expect(verdicts.get(`bad-${i}`)?.errors ?? ['no verdict']).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
  });

  test('accepts minimal dev and prod claims, a corrected claim and the examples', () => {
    const names = ['good-0', 'good-1', 'good-2', ...EXAMPLE_CLAIMS.map((c) => `example-${c.name}`)];
    expect(names.map((n) => [n, verdicts.get(n)?.errors ?? ['no verdict']])).toEqual(names.map((n) => [n, []]));
  });
});
