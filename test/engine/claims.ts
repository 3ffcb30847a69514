import { DEV_CLAIM, EXAMPLE_CLAIMS, ExampleClaim, PROD_CLAIM } from '../../src/examples/claims';

/**
 * The claims the real render reconciles: the examples in dist/ and variants that between them take
 * every environment, both data classes, the smallest and the largest capacity band and every
 * override.
 */
export const VARIANT_CLAIMS: ExampleClaim[] = [
  {
    name: 'variant-staging-xl',
    namespace: 'assessments-staging',
    parameters: {
      ...PROD_CLAIM.parameters,
      environment: 'staging',
      environmentSuffix: 'stg',
      dataClassification: 'de-identified',
      capacity: { expectedConcurrentStudents: 500000 },
    },
  },
  {
    name: 'variant-dev-xs-3az',
    namespace: 'assessments-dev',
    parameters: { ...DEV_CLAIM.parameters, environmentSuffix: 'dev3', capacity: { expectedConcurrentStudents: 100 }, network: { azCount: 3 }, database: {}, cache: {} },
  },
  {
    name: 'variant-prod-overrides',
    namespace: 'assessments-prod',
    parameters: {
      environment: 'prod',
      environmentSuffix: 'prod-eu1',
      owner: 'exams-team@example.edu',
      awsAccountId: '777788889999',
      region: 'eu-west-1',
      dataClassification: 'student-records',
      providerConfigName: 'aws-exams',
      capacity: { expectedConcurrentStudents: 60000 },
      network: {
        vpcCidr: '172.20.0.0/18',
        azCount: 3,
        privateSubnetCidrs: ['172.20.0.0/21', '172.20.8.0/21', '172.20.16.0/21'],
        publicSubnetCidrs: ['172.20.48.0/24', '172.20.49.0/24', '172.20.50.0/24'],
        dataSubnetCidrs: ['172.20.52.0/24', '172.20.53.0/24', '172.20.54.0/24'],
      },
      database: { engineVersion: '16.8', minCapacity: 2, maxCapacity: 64, readers: 5, backupRetentionDays: 21, deletionProtection: true },
      cache: { engineVersion: '7.1', nodeType: 'cache.r7g.xlarge', shards: 3, replicas: 2, snapshotRetentionDays: 14 },
    },
  },
  {
    name: 'variant-dev-readers-2az',
    namespace: 'assessments-dev',
    parameters: { ...DEV_CLAIM.parameters, environmentSuffix: 'dev2', dataClassification: 'de-identified', capacity: { expectedConcurrentStudents: 30000 }, database: { readers: 3 } },
  },
];

/** Every claim the render tests reconcile. */
export const RENDERED_CLAIMS: ExampleClaim[] = [...EXAMPLE_CLAIMS, ...VARIANT_CLAIMS];
