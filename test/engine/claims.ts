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
    parameters: {
      ...DEV_CLAIM.parameters,
      environmentSuffix: 'dev3',
      capacity: { expectedConcurrentStudents: 100 },
      network: { azCount: 3 },
      // Created from a final snapshot of another environment (docs/operations.md "Restore the database").
      database: { restoreFrom: { snapshot: 'arn:aws:rds:eu-west-2:111122223333:cluster-snapshot:ap-aurora-final-dev-0c4e2b9a' } },
      cache: {},
    },
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
      database: { engineVersion: '16.8', minCapacity: 2, maxCapacity: 64, readers: 5, backupRetentionDays: 21, deletionProtection: true, restoreFrom: { pointInTime: { sourceClusterIdentifier: 'ap-aurora-prod-eu0', latestRestorableTime: true } } },
      cache: { engineVersion: '7.1', nodeType: 'cache.r7g.xlarge', shards: 3, replicas: 2, snapshotRetentionDays: 14 },
      application: {
        image: '777788889999.dkr.ecr.eu-west-1.amazonaws.com/exams/assessment-service@sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
        hostname: 'exams.eu1.example.edu',
        certificateArn: 'arn:aws:acm:eu-west-1:777788889999:certificate/5c4b3a29-1807-4f6e-8d5c-4b3a29180706',
        containerPort: 9443,
        healthCheckPath: '/health/ready',
        cpuTargetPercent: 60,
        memoryTargetPercent: 80,
        minTasks: 5,
        maxTasks: 40,
      },
      api: { throttlingRateLimit: 3000, throttlingBurstLimit: 6000, manageAccountSettings: false, wafRateLimitPerIp: 50000 },
      // Prod with the AZ-failure experiment turned on, and the image's own health-check path.
      operations: { faultInjection: true, healthCheckCommand: '/opt/exams/bin/healthcheck' },
    },
  },
  {
    name: 'variant-dev-readers-2az',
    namespace: 'assessments-dev',
    parameters: { ...DEV_CLAIM.parameters, environmentSuffix: 'dev2', dataClassification: 'de-identified', capacity: { expectedConcurrentStudents: 30000 }, database: { readers: 3, restoreFrom: { pointInTime: { sourceClusterResourceId: 'cluster-7QZK2M4XH3WJ5N6RTB8YVC0PDA', restoreToTime: '2026-11-30T09:15:00Z' } } }, operations: { faultInjection: false } },
  },
];

/** Every claim the render tests reconcile. */
export const RENDERED_CLAIMS: ExampleClaim[] = [...EXAMPLE_CLAIMS, ...VARIANT_CLAIMS];
