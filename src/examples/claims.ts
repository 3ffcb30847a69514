import { ApiObject, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { keepAnnotation } from '../gitops/sync-options';
import { providerConfigNameFor } from '../install/provider-config';
import { API_GROUP, API_VERSION, CLAIM_KIND, XR_KIND } from '../config';

/** spec.parameters of a claim, as the XRD defines them (optional fields have XRD defaults). */
export interface PlatformParameters {
  readonly environment: 'dev' | 'staging' | 'prod';
  readonly environmentSuffix: string;
  readonly owner: string;
  /** CloudWatch log retention in days (an enum from 90 up). */
  readonly logRetentionDays?: number;
  readonly awsAccountId: string;
  readonly region?: string;
  readonly dataClassification?: 'student-records' | 'de-identified';
  readonly providerConfigName?: string;
  readonly capacity?: { readonly expectedConcurrentStudents?: number };
  readonly network?: {
    readonly vpcCidr?: string;
    readonly azCount?: 2 | 3;
    readonly privateSubnetCidrs?: string[];
    readonly publicSubnetCidrs?: string[];
    readonly dataSubnetCidrs?: string[];
  };
  readonly database?: {
    readonly engineVersion?: string;
    readonly minCapacity?: number;
    readonly maxCapacity?: number;
    readonly readers?: number;
    readonly backupRetentionDays?: number;
    readonly deletionProtection?: boolean;
    /** Create the cluster from a backup (read only at creation): a snapshot, or a point in time. */
    readonly restoreFrom?: {
      readonly snapshot?: string;
      readonly pointInTime?: { readonly sourceClusterIdentifier?: string; readonly sourceClusterResourceId?: string; readonly restoreToTime?: string; readonly latestRestorableTime?: boolean };
    };
  };
  readonly cache?: {
    readonly engineVersion?: string;
    readonly nodeType?: string;
    readonly shards?: number;
    readonly replicas?: number;
    readonly snapshotRetentionDays?: number;
  };
  readonly application: {
    readonly image: string;
    readonly hostname: string;
    readonly certificateArn: string;
    readonly containerPort?: number;
    readonly healthCheckPath?: string;
    readonly cpuTargetPercent?: number;
    readonly memoryTargetPercent?: number;
    readonly minTasks?: number;
    readonly maxTasks?: number;
  };
  readonly api?: {
    readonly throttlingRateLimit?: number;
    readonly throttlingBurstLimit?: number;
    readonly manageAccountSettings?: boolean;
    readonly wafRateLimitPerIp?: number;
  };
  readonly events?: {
    readonly streamMode?: 'ON_DEMAND' | 'PROVISIONED';
    readonly shards?: number;
    readonly retentionHours?: number;
    readonly analyticsRetentionDays?: number;
    readonly bufferSizeMiB?: number;
    readonly bufferIntervalSeconds?: number;
  };
  readonly audit?: { readonly retentionDays?: number };
  readonly backup?: { readonly retentionDays?: number };
  readonly integrations?: { readonly names?: readonly string[] };
  readonly operations?: { readonly alarmEmails?: readonly string[]; readonly healthCheckCommand?: string; readonly faultInjection?: boolean };
}

export interface ExampleClaim {
  readonly name: string;
  readonly namespace: string;
  readonly parameters: PlatformParameters;
}

/** A small dev platform: 2 AZs, one NAT gateway, no readers, 2,000 students. */
export const DEV_CLAIM: ExampleClaim = {
  name: 'assessments-dev',
  namespace: 'assessments-dev',
  parameters: {
    environment: 'dev',
    environmentSuffix: 'dev',
    owner: 'platform-team',
    awsAccountId: '111122223333',
    // The ProviderConfig of this account (dist/provider-config.yaml).
    providerConfigName: providerConfigNameFor('111122223333'),
    capacity: { expectedConcurrentStudents: 2000 },
    network: { vpcCidr: '10.10.0.0/16', azCount: 2, privateSubnetCidrs: ['10.10.0.0/19', '10.10.32.0/19'], publicSubnetCidrs: ['10.10.128.0/22', '10.10.132.0/22'], dataSubnetCidrs: ['10.10.144.0/22', '10.10.148.0/22'] },
    database: { readers: 0, backupRetentionDays: 7 },
    cache: { replicas: 1 },
    application: {
      image: '111122223333.dkr.ecr.eu-west-2.amazonaws.com/assessment-service:1.4.2',
      hostname: 'assessments-dev.example.edu',
      certificateArn: 'arn:aws:acm:eu-west-2:111122223333:certificate/0f6c3a52-1d7e-4b8a-9c21-5e4f7a9b3d10',
      minTasks: 1,
      maxTasks: 4,
    },
    api: { throttlingRateLimit: 200, throttlingBurstLimit: 400 },
  },
};

/** A staging platform for rehearsing exams: 3 AZs, 20,000 students, the image pinned by digest, a provisioned events stream. */
export const STAGING_CLAIM: ExampleClaim = {
  name: 'assessments-staging',
  namespace: 'assessments-staging',
  parameters: {
    environment: 'staging',
    environmentSuffix: 'staging',
    owner: 'platform-team',
    awsAccountId: '777788889999',
    // The ProviderConfig of this account (dist/provider-config.yaml).
    providerConfigName: providerConfigNameFor('777788889999'),
    capacity: { expectedConcurrentStudents: 20000 },
    network: {
      vpcCidr: '10.20.0.0/16',
      azCount: 3,
      privateSubnetCidrs: ['10.20.0.0/19', '10.20.32.0/19', '10.20.64.0/19'],
      publicSubnetCidrs: ['10.20.128.0/22', '10.20.132.0/22', '10.20.136.0/22'],
      dataSubnetCidrs: ['10.20.144.0/22', '10.20.148.0/22', '10.20.152.0/22'],
    },
    database: { backupRetentionDays: 14 },
    application: {
      image: '777788889999.dkr.ecr.eu-west-2.amazonaws.com/assessment-service@sha256:9b2c6f0e4a7d3c1b8e5f2a6d9c0b3e7f1a4d8c2b6e0f3a7d1c5b9e2f6a0d4c8b',
      hostname: 'assessments-staging.example.edu',
      certificateArn: 'arn:aws:acm:eu-west-2:777788889999:certificate/3a1b7c2d-8e4f-4a6b-9c0d-1e2f3a4b5c6d',
    },
    // Rehearsals run at a known load: a provisioned stream with the capacity table's shards, kept a day.
    events: { streamMode: 'PROVISIONED', retentionHours: 24, analyticsRetentionDays: 365 },
  },
};

/** The production platform: 100,000 students, 3 AZs, sized by the capacity table. */
export const PROD_CLAIM: ExampleClaim = {
  name: 'assessments-prod',
  namespace: 'assessments-prod',
  parameters: {
    environment: 'prod',
    environmentSuffix: 'prod',
    owner: 'platform-team',
    awsAccountId: '444455556666',
    // The ProviderConfig of this account (dist/provider-config.yaml).
    providerConfigName: providerConfigNameFor('444455556666'),
    region: 'eu-west-2',
    dataClassification: 'student-records',
    capacity: { expectedConcurrentStudents: 100000 },
    network: { azCount: 3 },
    database: { backupRetentionDays: 35, deletionProtection: true },
    application: {
      image: '444455556666.dkr.ecr.eu-west-2.amazonaws.com/assessment-service:1.4.2',
      hostname: 'assessments.example.edu',
      certificateArn: 'arn:aws:acm:eu-west-2:444455556666:certificate/7d2e9f14-3b6a-4c8d-a1e5-92f0b7c4d6e3',
    },
    api: { throttlingRateLimit: 5000, throttlingBurstLimit: 10000 },
    // On-call hears of every alarm; other tools subscribe to status.operations.alarmTopicArn.
    operations: { alarmEmails: ['assessment-oncall@example.edu'] },
    // The student information system and the LMS: a secret each, its value put by an operator.
    integrations: { names: ['sis', 'lms'] },
    // Prod keeps each daily AWS Backup recovery point 90 days (at least 35 in prod).
    backup: { retentionDays: 90 },
  },
};

export const EXAMPLE_CLAIMS = [DEV_CLAIM, STAGING_CLAIM, PROD_CLAIM];

/** The claim object users apply. */
export function claimManifest(claim: ExampleClaim): Record<string, any> {
  return {
    apiVersion: `${API_GROUP}/${API_VERSION}`,
    kind: CLAIM_KIND,
    // Every example holds student records: Argo CD never prunes it nor deletes it with its Application.
    metadata: { name: claim.name, namespace: claim.namespace, annotations: keepAnnotation() },
    spec: { parameters: claim.parameters, writeConnectionSecretToRef: { name: `${claim.name}-connection` } },
  };
}

/** The equivalent XR (what Crossplane creates from the claim; also what `crossplane render` takes). */
export function compositeManifest(claim: ExampleClaim): Record<string, any> {
  return {
    apiVersion: `${API_GROUP}/${API_VERSION}`,
    kind: XR_KIND,
    metadata: { name: claim.name },
    spec: { parameters: claim.parameters, writeConnectionSecretToRef: { name: `${claim.name}-connection`, namespace: 'crossplane-system' } },
  };
}

/** Chart `examples`: one claim per example. */
export class ExamplesChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { disableResourceNameHashes: true });
    for (const claim of EXAMPLE_CLAIMS) {
      new kplus.Namespace(this, `${claim.name}-namespace`, { metadata: { name: claim.namespace, annotations: keepAnnotation() } });
      new ApiObject(this, claim.name, claimManifest(claim) as any);
    }
  }
}
