import { convergeXr } from './engine/converge';
import { validate } from './engine/crank';
import { compositionFor, xrdFor } from './helpers/dist';

/**
 * A tier rendered on its own, from a fixture composite resource (no platform): the real functions
 * to convergence and crank beta validate, as the platform's render does for every tier it composes.
 * What another tier would provide (key ARNs, VPC and subnet IDs) is given in the fixture.
 */
const ACCOUNT = '210987654321';
const identity = { environment: 'staging', environmentSuffix: 'fixture', owner: 'tier-tests', awsAccountId: ACCOUNT, region: 'eu-west-2' };
const keys = Object.fromEntries(['studentRecordsKeyArn', 'analyticsKeyArn', 'logsKeyArn', 'secretsKeyArn'].map((f, i) => [f, `arn:aws:kms:eu-west-2:${ACCOUNT}:key/0000000${i}-0000-0000-0000-000000000000`]));
const vpc = { id: 'vpc-0f1c7e0000000001', dataSubnetIds: ['subnet-0f1c7e000000000a', 'subnet-0f1c7e000000000b'], appSecurityGroupId: 'sg-0f1c7e0000000001' };

const fixture = (kind: string, parameters: Record<string, unknown>) => ({
  apiVersion: 'platform.assessment-platform.io/v1alpha1',
  kind,
  metadata: { name: `fixture-${kind.toLowerCase()}`, uid: '11111111-2222-3333-4444-555555555555', labels: { 'crossplane.io/composite': `fixture-${kind.toLowerCase()}` } },
  spec: { parameters },
});

const CASES: [string, any, (status: any) => unknown][] = [
  ['XKeys', fixture('XKeys', identity), (s) => Object.keys(s.keys).sort()],
  ['XNetwork', fixture('XNetwork', { ...identity, network: { azCount: 2 }, keys }), (s) => [s.network.vpcId?.startsWith('vpc-'), s.network.dataSubnetIds?.length]],
  ['XDatabase', fixture('XDatabase', { ...identity, network: { azCount: 2 }, vpc, keys, capacity: { expectedConcurrentStudents: 2000 } }), (s) => [!!s.database.endpoint, s.sizing.tier]],
  ['XCache', { ...fixture('XCache', { ...identity, network: { azCount: 2 }, vpc, keys }), spec: { parameters: { ...identity, network: { azCount: 2 }, vpc, keys, capacity: { expectedConcurrentStudents: 2000 } }, writeConnectionSecretToRef: { name: 'fixture-cache', namespace: 'crossplane-system' } } }, (s) => [s.cache.url?.startsWith('rediss://'), s.sizing.cacheNodeType]],
];

const EXPECTED: Record<string, unknown> = {
  XKeys: ['analyticsKeyArn', 'logsKeyArn', 'secretsKeyArn', 'studentRecordsKeyArn'],
  XNetwork: [true, 2],
  XDatabase: [true, 'xs'],
  XCache: [true, 'cache.t4g.medium'],
};

describe.each(CASES)('%s rendered on its own from a fixture', (kind, xr, outputs) => {
  const c = convergeXr(xr, compositionFor(kind), xrdFor(kind), ACCOUNT, `fixture ${kind}`);

  test('converges to Ready with no Warning or Fatal result, and publishes its outputs', () => {
    expect(c.results.filter((r) => r.severity !== 'SEVERITY_NORMAL')).toEqual([]);
    expect(c.xr.status.conditions).toEqual([expect.objectContaining({ type: 'Ready', status: 'True' })]);
    expect(outputs(c.xr.status)).toEqual(EXPECTED[kind]);
  });

  test('the fixture XR and every composed resource are valid for the XRD and the CRDs (crank beta validate)', () => {
    const result = validate([c.xr, ...Object.values(c.observed)]);
    expect(result.verdicts.filter((v) => v.errors.length).map((v) => `${v.name}: ${v.errors.join('; ')}`)).toEqual([]);
  });
});
