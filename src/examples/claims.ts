import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { API_GROUP, API_VERSION, CLAIM_KIND, XR_KIND } from '../config';

/** spec.parameters of a claim, as the XRD defines them (optional fields have XRD defaults). */
export interface PlatformParameters {
  readonly environment: 'dev' | 'staging' | 'prod';
  readonly environmentSuffix: string;
  readonly owner: string;
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
  };
  readonly cache?: {
    readonly engineVersion?: string;
    readonly nodeType?: string;
    readonly shards?: number;
    readonly replicas?: number;
    readonly snapshotRetentionDays?: number;
  };
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
    capacity: { expectedConcurrentStudents: 2000 },
    network: { vpcCidr: '10.10.0.0/16', azCount: 2, privateSubnetCidrs: ['10.10.0.0/19', '10.10.32.0/19'], publicSubnetCidrs: ['10.10.128.0/22', '10.10.132.0/22'], dataSubnetCidrs: ['10.10.144.0/22', '10.10.148.0/22'] },
    database: { readers: 0, backupRetentionDays: 7 },
    cache: { replicas: 1 },
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
    region: 'eu-west-2',
    dataClassification: 'student-records',
    capacity: { expectedConcurrentStudents: 100000 },
    network: { azCount: 3 },
    database: { backupRetentionDays: 35, deletionProtection: true },
  },
};

export const EXAMPLE_CLAIMS = [DEV_CLAIM, PROD_CLAIM];

/** The claim object users apply. */
export function claimManifest(claim: ExampleClaim): Record<string, any> {
  return {
    apiVersion: `${API_GROUP}/${API_VERSION}`,
    kind: CLAIM_KIND,
    metadata: { name: claim.name, namespace: claim.namespace },
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
      new ApiObject(this, claim.name, claimManifest(claim) as any);
    }
  }
}
