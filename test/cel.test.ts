import { EXAMPLE_CLAIMS, PlatformParameters } from '../src/examples/claims';
import { validateParameters } from './helpers/claim-validation';
import { xrdSchemaDoc } from './helpers/dist';

const schema = () => xrdSchemaDoc().properties.spec.properties.parameters;
const base: PlatformParameters = { environment: 'dev', environmentSuffix: 'dev1', owner: 'platform-team', awsAccountId: '123456789012' };
const prod: PlatformParameters = { ...base, environment: 'prod', environmentSuffix: 'prod1' };

describe('XRD validation rules (OpenAPI + CEL, evaluated with @bufbuild/cel)', () => {
  test.each(EXAMPLE_CLAIMS.map((c) => [c.name, c]))('example claim %s is accepted', (_n, c: any) => {
    expect(validateParameters(schema(), c.parameters)).toEqual({ schema: [], cel: [] });
  });

  test('a minimal claim is accepted and defaults to prod-grade sizing', () => {
    expect(validateParameters(schema(), base)).toEqual({ schema: [], cel: [] });
    expect(validateParameters(schema(), prod)).toEqual({ schema: [], cel: [] });
  });

  const celCases: [string, any, string][] = [
    ['prod with 2 AZs', { ...prod, network: { azCount: 2, privateSubnetCidrs: ['10.0.0.0/19', '10.0.32.0/19'], publicSubnetCidrs: ['10.0.128.0/22', '10.0.132.0/22'] } }, 'spec.parameters.network.azCount must be 3 when spec.parameters.environment is prod'],
    ['prod with 0 readers', { ...prod, database: { readers: 0 } }, 'spec.parameters.database.readers must be at least 1 when spec.parameters.environment is prod'],
    ['prod without deletion protection', { ...prod, database: { deletionProtection: false } }, 'spec.parameters.database.deletionProtection cannot be false when spec.parameters.environment is prod'],
    ['VPC CIDR with host bits', { ...base, network: { vpcCidr: '10.0.0.1/16' } }, 'spec.parameters.network.vpcCidr must be a network address (no host bits set) with a /16 to /20 prefix, e.g. 10.0.0.0/16'],
    ['VPC CIDR /20 not aligned', { ...base, network: { vpcCidr: '10.0.8.0/20', privateSubnetCidrs: ['10.0.8.0/23', '10.0.10.0/23', '10.0.12.0/23'], publicSubnetCidrs: ['10.0.14.0/24', '10.0.15.0/24', '10.0.16.0/24'] } }, 'spec.parameters.network.vpcCidr must be a network address (no host bits set) with a /16 to /20 prefix, e.g. 10.0.0.0/16'],
    ['subnets outside the VPC', { ...base, network: { vpcCidr: '10.20.0.0/16' } }, 'spec.parameters.network: every subnet CIDR must lie inside vpcCidr; set privateSubnetCidrs and publicSubnetCidrs when you change vpcCidr'],
    ['subnet above a /20 VPC', { ...base, network: { vpcCidr: '10.0.0.0/20', privateSubnetCidrs: ['10.0.0.0/23', '10.0.2.0/23', '10.0.16.0/23'], publicSubnetCidrs: ['10.0.8.0/24', '10.0.9.0/24', '10.0.10.0/24'] } }, 'spec.parameters.network: every subnet CIDR must lie inside vpcCidr; set privateSubnetCidrs and publicSubnetCidrs when you change vpcCidr'],
    ['subnet with host bits', { ...base, network: { privateSubnetCidrs: ['10.0.0.0/19', '10.0.33.0/19', '10.0.64.0/19'] } }, 'every private subnet CIDR must be a network address (no host bits set), e.g. 10.0.32.0/19'],
    ['too few subnets for 3 AZs', { ...base, network: { privateSubnetCidrs: ['10.0.0.0/19', '10.0.32.0/19'] } }, 'spec.parameters.network: privateSubnetCidrs and publicSubnetCidrs need one CIDR per AZ (at least azCount entries)'],
    ['min ACU above max ACU', { ...base, database: { minCapacity: 64, maxCapacity: 32 } }, 'spec.parameters.database.minCapacity must not exceed spec.parameters.database.maxCapacity'],
    ['min ACU above the table maximum for the students (100k: 8-128)', { ...base, database: { minCapacity: 200 } }, "spec.parameters.database.minCapacity must not exceed the capacity table's maximum ACUs for spec.parameters.capacity.expectedConcurrentStudents; set spec.parameters.database.maxCapacity as well"],
    ['max ACU below the table minimum for the students (300k: 16-256)', { ...base, capacity: { expectedConcurrentStudents: 300000 }, database: { maxCapacity: 8 } }, "spec.parameters.database.maxCapacity must not be below the capacity table's minimum ACUs for spec.parameters.capacity.expectedConcurrentStudents; set spec.parameters.database.minCapacity as well"],
    ['min ACU not in 0.5 steps', { ...base, database: { minCapacity: 1.3 } }, 'spec.parameters.database.minCapacity must be a multiple of 0.5 ACU'],
  ];

  test.each(celCases)('CEL rejects %s with the exact message', (_n, params, message) => {
    expect(validateParameters(schema(), params)).toEqual({ schema: [], cel: [message] });
  });

  test('one ACU bound may be overridden alone while it stays within the other bound from the table', () => {
    for (const database of [{ minCapacity: 128 }, { maxCapacity: 8 }, { minCapacity: 200, maxCapacity: 256 }]) {
      expect(validateParameters(schema(), { ...base, database })).toEqual({ schema: [], cel: [] });
    }
    // 2,000 students is the xs band (0.5-8 ACUs): a min of 9 alone is too high there, fine at 100k.
    expect(validateParameters(schema(), { ...base, capacity: { expectedConcurrentStudents: 2000 }, database: { minCapacity: 9 } }).cel).toHaveLength(1);
  });

  test('a rule passes on the corrected claim (prod with 3 AZs, 1 reader, protection on)', () => {
    expect(validateParameters(schema(), { ...prod, database: { readers: 1, deletionProtection: true } })).toEqual({ schema: [], cel: [] });
  });

  const schemaCases: [string, any, string][] = [
    ['unknown environment', { ...base, environment: 'qa' }, '/environment must be equal to one of the allowed values'],
    ['suffix with capitals', { ...base, environmentSuffix: 'Prod' }, '/environmentSuffix must match pattern'],
    ['suffix too long', { ...base, environmentSuffix: 'abcdefghijklm' }, '/environmentSuffix must NOT have more than 12 characters'],
    ['suffix ending with a dash', { ...base, environmentSuffix: 'dev-' }, '/environmentSuffix must match pattern'],
    ['backup retention below 7', { ...base, database: { backupRetentionDays: 3 } }, '/database/backupRetentionDays must be >= 7'],
    ['backup retention above 35', { ...base, database: { backupRetentionDays: 40 } }, '/database/backupRetentionDays must be <= 35'],
    ['VPC /24', { ...base, network: { vpcCidr: '10.0.0.0/24' } }, '/network/vpcCidr must match pattern'],
    ['VPC /8', { ...base, network: { vpcCidr: '10.0.0.0/8' } }, '/network/vpcCidr must match pattern'],
    ['1 AZ', { ...base, network: { azCount: 1 } }, '/network/azCount must be >= 2'],
    ['students above the table', { ...base, capacity: { expectedConcurrentStudents: 600000 } }, '/capacity/expectedConcurrentStudents must be <= 500000'],
    ['provider config name with capitals', { ...base, providerConfigName: 'Default' }, '/providerConfigName must match pattern'],
    ['short account ID', { ...base, awsAccountId: '12345' }, '/awsAccountId must match pattern'],
    ['unknown data class', { ...base, dataClassification: 'public' }, '/dataClassification must be equal to one of the allowed values'],
    ['unknown engine version', { ...base, database: { engineVersion: '16' } }, '/database/engineVersion must be equal to one of the allowed values'],
    ['zero cache replicas', { ...base, cache: { replicas: 0 } }, '/cache/replicas must be >= 1'],
    ['missing owner', { environment: 'dev', environmentSuffix: 'dev1', awsAccountId: '123456789012' }, "/ must have required property 'owner'"],
  ];

  test.each(schemaCases)('OpenAPI rejects %s', (_n, params, message) => {
    const result = validateParameters(schema(), params);
    expect(result.schema.join('\n')).toContain(message);
  });
});
