import { DEV_CLAIM, ExampleClaim, PROD_CLAIM } from '../src/examples/claims';
import { bandFor } from '../src/sizing/capacity-table';
import { validateParameters } from './helpers/claim-validation';
import { ptInput, xrdSchemaDoc } from './helpers/dist';
import { crdErrors, exampleXr, finalResources, Fixtures, reconcile } from './helpers/render';

/**
 * The example claims rendered through the pipeline offline (test/helpers/render.ts), reconcile by
 * reconcile, and every rendered managed resource checked against its CRD: the OpenAPI schema with
 * unknown fields as errors, and every x-kubernetes-validations rule, among them the provider's
 * "spec.forProvider.X is a required parameter" rules that only show on rendered output.
 */
const REDIS_HOST = 'clustercfg.ap-redis.abc123.euw2.cache.amazonaws.com';
const fixtures = (claim: ExampleClaim): Fixtures => ({
  redis: { 'status.atProvider.configurationEndpointAddress': REDIS_HOST },
  'aurora-cluster': { 'status.atProvider.port': 5432, 'status.atProvider.masterUserSecret[0].secretArn': `arn:aws:secretsmanager:eu-west-2:${claim.parameters.awsAccountId}:secret:rds!cluster-1-AbCdEf` },
  'kms-key-student-records': { 'status.atProvider.arn': `arn:aws:kms:eu-west-2:${claim.parameters.awsAccountId}:key/11111111-2222-3333-4444-555555555555` },
});


/** Every string anywhere in a value. */
const strings = (v: any): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);

describe.each([
  ['dev', DEV_CLAIM],
  ['prod', PROD_CLAIM],
] as const)('rendering the %s example claim', (_env, claim) => {
  const run = reconcile(exampleXr(claim), fixtures(claim));
  const resources = finalResources(run);
  const p = exampleXr(claim).spec.parameters;

  test('the first reconcile leaves out what waits for a status value; the third has everything; then it is stable', () => {
    expect(run.passes[0].leftOut).toEqual({
      'aurora-cluster': 'required field status.keys.studentRecordsKeyArn not found',
      'aurora-master-secret-rotation': 'required field status.database.masterUserSecretArn not found',
      'redis-connection-secret': 'required field of combine to metadata.annotations[platform.assessment-platform.io/redis-url] not found',
    });
    expect(Object.keys(run.passes[1].leftOut)).toEqual(['aurora-master-secret-rotation']);
    expect(run.passes[2].leftOut).toEqual({});
    expect(run.passes).toHaveLength(4);
  });

  test('every rendered resource passes its CRD schema and CEL rules (required parameters included)', () => {
    const problems = Object.entries<any>(resources).flatMap(([name, r]) => crdErrors(r).map((e) => `${name}: ${e}`));
    expect(problems).toEqual([]);
  });

  test('no Go fmt error, unreplaced token or undefined value in any rendered string', () => {
    const bad = Object.entries<any>(resources).flatMap(([name, r]) => strings(r).filter((s) => /%!|\$\{|undefined/.test(s)).map((s) => `${name}: ${s}`));
    expect(bad).toEqual([]);
  });

  test('every managed resource has the claim region and provider config; every taggable one the compliance tags and a suffixed Name', () => {
    for (const [name, r] of Object.entries<any>(resources).filter(([, x]) => x.spec.forProvider)) {
      expect([name, r.spec.providerConfigRef?.name]).toEqual([name, p.providerConfigName]);
      if (!r.apiVersion.startsWith('iam.')) expect([name, r.spec.forProvider.region]).toEqual([name, p.region]);
      const tags = r.spec.forProvider.tags;
      if (!tags) continue;
      expect([name, tags.Environment, tags.Owner, tags.DataClassification, tags.ManagedBy]).toEqual([name, p.environment, p.owner, p.dataClassification, 'crossplane']);
      expect([name, tags.Name]).toEqual([name, expect.stringMatching(new RegExp(`^ap-[a-z0-9-]+-${p.environmentSuffix}$`))]);
    }
  });

  test('the Redis URL in Secrets Manager is rediss://<IAM user>@<configuration endpoint>:<port>', () => {
    const url = resources['redis-connection-secret'].metadata.annotations['platform.assessment-platform.io/redis-url'];
    expect(url).toBe(`rediss://ap-app-${p.environmentSuffix}@${REDIS_HOST}:6379`);
    expect(run.xr.status.cache.url).toBe(url);
  });

  test('Aurora: Performance Insights under the student-records key ARN from the XR status; sized by the table; protected in prod', () => {
    const cluster = resources['aurora-cluster'];
    expect(cluster.spec.forProvider.performanceInsightsKmsKeyId).toBe(fixtures(claim)['kms-key-student-records']['status.atProvider.arn']);
    const band = bandFor(p.capacity.expectedConcurrentStudents);
    expect(cluster.spec.forProvider.serverlessv2ScalingConfiguration).toEqual({
      minCapacity: p.database.minCapacity ?? band.auroraMinAcu,
      maxCapacity: p.database.maxCapacity ?? band.auroraMaxAcu,
    });
    expect(cluster.spec.deletionPolicy).toBe(p.environment === 'prod' ? 'Orphan' : 'Delete');
    expect(cluster.metadata.annotations['crossplane.io/external-name']).toBe(`ap-aurora-${p.environmentSuffix}`);
    const readers = Object.keys(resources).filter((n) => n.startsWith('aurora-instance-reader'));
    expect(readers).toHaveLength(p.database.readers ?? band.auroraReaders);
  });

  test('zones and NAT gateways follow the claim', () => {
    const zones = ['a', 'b', 'c'].slice(0, p.network.azCount);
    expect(Object.keys(resources).filter((n) => n.startsWith('subnet-private-')).sort()).toEqual(zones.map((z) => `subnet-private-${z}`));
    const nats = Object.keys(resources).filter((n) => n.startsWith('nat-gateway-'));
    expect(nats).toHaveLength(p.environment === 'dev' ? 1 : p.network.azCount);
    for (const z of zones) {
      const route = resources[`route-private-default-${z}`];
      expect(route.spec.forProvider.natGatewayIdSelector.matchLabels['platform.assessment-platform.io/zone']).toBe(p.environment === 'dev' ? 'a' : z);
    }
  });

  test('IAM and key policies name the claim account, region and suffix', () => {
    const role = resources['flow-logs-role'];
    const trust = JSON.parse(role.spec.forProvider.assumeRolePolicy);
    expect(trust.Statement[0].Condition.StringEquals['aws:SourceAccount']).toBe(p.awsAccountId);
    const policy = JSON.parse(resources['flow-logs-role-policy'].spec.forProvider.policy);
    expect(policy.Statement[0].Resource[0]).toBe(`arn:aws:logs:${p.region}:${p.awsAccountId}:log-group:/aws/vpc/flow-logs/ap-${p.environmentSuffix}`);
  });
});

/** Claims beyond the examples: every environment, both data classes, the size extremes, overrides. */
const VARIANTS: [string, ExampleClaim][] = [
  ['staging, de-identified data, 3 AZs, 500k students', { ...PROD_CLAIM, parameters: { ...PROD_CLAIM.parameters, environment: 'staging', environmentSuffix: 'stg', dataClassification: 'de-identified', capacity: { expectedConcurrentStudents: 500000 } } }],
  ['dev with 3 AZs and 100 students', { ...DEV_CLAIM, parameters: { ...DEV_CLAIM.parameters, capacity: { expectedConcurrentStudents: 100 }, network: { azCount: 3 }, database: {} } }],
  [
    'prod with every tier overridden',
    {
      ...PROD_CLAIM,
      parameters: { ...PROD_CLAIM.parameters, database: { readers: 5, minCapacity: 2, maxCapacity: 64 }, cache: { nodeType: 'cache.r7g.large', shards: 3, replicas: 2 } },
    },
  ],
];

describe.each(VARIANTS)('rendering a claim: %s', (_name, claim) => {
  const run = reconcile(exampleXr(claim), fixtures(claim));
  const resources = finalResources(run);

  test('the claim itself is valid (OpenAPI and CEL of the XRD)', () => {
    expect(validateParameters(xrdSchemaDoc().properties.spec.properties.parameters, claim.parameters)).toEqual({ schema: [], cel: [] });
  });

  test('converges with nothing left out, and every resource is valid for its CRD', () => {
    expect(run.passes[run.passes.length - 1].leftOut).toEqual({});
    expect(Object.entries<any>(resources).flatMap(([name, r]) => crdErrors(r).map((e) => `${name}: ${e}`))).toEqual([]);
    expect(Object.values<any>(resources).flatMap(strings).filter((x) => /%!|\$\{|undefined/.test(x))).toEqual([]);
  });

  test('stores and the deletion order use the data-class key of the claim', () => {
    const keyClass = claim.parameters.dataClassification === 'de-identified' ? 'analytics' : 'student-records';
    for (const name of ['aurora-cluster', 'redis', 'usage-aurora-cluster-uses-data-key', 'usage-redis-uses-data-key']) {
      const r = resources[name];
      const selector = r.kind === 'ClusterUsage' ? r.spec.of.resourceSelector : r.spec.forProvider.kmsKeyIdSelector;
      expect([name, selector.matchLabels['platform.assessment-platform.io/key-class']]).toEqual([name, keyClass]);
    }
  });
});

describe('the offline render catches what the static checks cannot', () => {
  const withResource = (name: string, edit: (r: any) => void) => {
    const input = ptInput();
    const original = structuredClone(input.resources);
    edit(input.resources.find((r: any) => r.name === name));
    try {
      return finalResources(reconcile(exampleXr(DEV_CLAIM), fixtures(DEV_CLAIM)));
    } finally {
      input.resources = original;
    }
  };

  test('a required parameter missing from a base fails its CRD rule', () => {
    const resources = withResource('aurora-instance-writer', (r) => delete r.base.spec.forProvider.instanceClass);
    expect(crdErrors(resources['aurora-instance-writer'])).toEqual(['spec.forProvider.instanceClass is a required parameter']);
  });

  test('%d on the port renders Go\'s error text into the URL', () => {
    const resources = withResource('redis-connection-secret', (r) => {
      const c = r.patches.find((x: any) => x.type === 'CombineFromComposite');
      c.combine.string.fmt = c.combine.string.fmt.replace('%[3]v', '%[3]d');
    });
    expect(resources['redis-connection-secret'].metadata.annotations['platform.assessment-platform.io/redis-url']).toBe(`rediss://ap-app-dev@${REDIS_HOST}:%!d(float64=6379)`);
  });
});
