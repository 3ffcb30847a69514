import { DEFAULT_REGION, LOG_RETENTION_CHOICES, LOG_RETENTION_DAYS } from '../config';
import { celDouble, DEFAULT_CPU_TARGET, DEFAULT_MEMORY_TARGET, DEFAULT_STUDENTS, MAX_STUDENTS, MIN_STUDENTS, tableCel } from '../sizing/capacity-table';
import { cidrPattern, insideVpc, isNetworkAddress, overlaps } from './cidr-rules';
import { HEALTH_CHECK_INTERVAL_MINUTES, MAX_ALARM_EMAILS } from '../apis/operations/names';
import { MAX_INTEGRATIONS } from '../apis/integrations/names';
import { int, JsonSchema, num, obj, str } from './schema';

/** The health-check executable the service's image is expected to carry (README "Health checks"). */
export const DEFAULT_HEALTH_CHECK_COMMAND = '/usr/local/bin/assessment-healthcheck';

/** The capacity table's ACU value for the claim's student count (an int in the API server). */
const tableAcu = (field: 'auroraMinAcu' | 'auroraMaxAcu') => tableCel('self.capacity.expectedConcurrentStudents', (band) => celDouble(band[field]), String);

/** The capacity table's task bound for the claim's student count (an int in the API server). */
const tableTasks = (field: 'minTasks' | 'maxTasks') => tableCel('self.capacity.expectedConcurrentStudents', (band) => String(band[field]), String);

/** Container images: Amazon ECR only, pinned by a tag other than latest or by a sha256 digest. */
export const ECR_IMAGE_PATTERN =
  '^[0-9]{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com/[a-z0-9]+(?:[._/-][a-z0-9]+)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[0-9a-f]{64})$';
/** The repository path of an image (what follows the registry host, before the tag or digest). */
export const IMAGE_REPOSITORY_REGEXP = '^[^/]+/([^:@]+)';
export const DEFAULT_CONTAINER_PORT = 8080;
export const DEFAULT_THROTTLING_RATE = 5000;
export const DEFAULT_THROTTLING_BURST = 10000;
/** Per source IP and 5 minutes: 1,000 requests per second, a fifth of the default stage rate, for a campus system behind one address. */
export const DEFAULT_WAF_RATE_LIMIT = 300000;

/** Kinesis capacity modes; on demand by default. */
export const STREAM_MODES = ['ON_DEMAND', 'PROVISIONED'] as const;
export const DEFAULT_STREAM_MODE = 'ON_DEMAND';
/** A week: time for Firehose (which retries S3 for 24 hours) and any other consumer to catch up. */
export const DEFAULT_STREAM_RETENTION_HOURS = 168;
/** Three years of de-identified analytics events. */
export const DEFAULT_ANALYTICS_RETENTION_DAYS = 1095;
export const DEFAULT_BUFFER_MIB = 64;
export const DEFAULT_BUFFER_SECONDS = 300;
/** Seven years of audit trail, a common records-retention horizon for education records' access logs. */
export const DEFAULT_TRAIL_RETENTION_DAYS = 2555;
/** A DB cluster snapshot: its identifier, or its ARN (automated snapshots are named rds:<cluster>-<date>, AWS Backup's recovery points awsbackup:job-<id>). */
export const RESTORE_SNAPSHOT_PATTERN = '^(arn:aws[a-z-]*:rds:[a-z0-9-]+:[0-9]{12}:cluster-snapshot:)?([a-zA-Z][a-zA-Z0-9-]*|(rds|awsbackup):[a-zA-Z0-9-]+)$';
/** A DB cluster: its identifier, or its ARN. */
export const RESTORE_CLUSTER_PATTERN = '^(arn:aws[a-z-]*:rds:[a-z0-9-]+:[0-9]{12}:cluster:)?[a-zA-Z][a-zA-Z0-9-]*$';
/** An RFC 3339 UTC time to the second, as RDS's RestoreToTime takes it. */
export const RESTORE_TIME_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$';
/** Days AWS Backup keeps each daily recovery point; the floor in prod. */
export const DEFAULT_BACKUP_RETENTION_DAYS = 35;

/** Environments the platform knows; prod gets the strictest rules. */
export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/**
 * Data classes. Each chooses the customer-managed KMS key that encrypts the data stores and is
 * written to the DataClassification tag.
 */
export const DATA_CLASSIFICATIONS = ['student-records', 'de-identified'] as const;

/** Aurora PostgreSQL 16 minor versions accepted; full versions avoid update loops (no "16"). */
export const AURORA_ENGINE_VERSIONS = ['16.4', '16.6', '16.8'] as const;
export const DEFAULT_AURORA_ENGINE_VERSION = '16.6';

/** ElastiCache Redis OSS engine versions accepted (cluster mode, RBAC with IAM auth needs 7+). */
export const CACHE_ENGINE_VERSIONS = ['7.1'] as const;

export const DEFAULT_VPC_CIDR = '10.0.0.0/16';
/** Private subnets get the larger blocks: Fargate tasks, Aurora and Redis live there. */
export const DEFAULT_PRIVATE_SUBNETS = ['10.0.0.0/19', '10.0.32.0/19', '10.0.64.0/19'];
export const DEFAULT_PUBLIC_SUBNETS = ['10.0.128.0/22', '10.0.132.0/22', '10.0.136.0/22'];
/**
 * Isolated data subnets (Aurora and Redis only, no route beyond the VPC). A /22 per AZ holds
 * 1,019 addresses: the largest Redis band (30 shards, 5 replicas: 180 nodes over 3 AZs) and six
 * Aurora instances use under 100 per AZ.
 */
export const DEFAULT_DATA_SUBNETS = ['10.0.144.0/22', '10.0.148.0/22', '10.0.152.0/22'];

/** The subnet tiers of the VPC, in the order the claim lists them. */
export const SUBNET_TIERS = ['private', 'public', 'data'] as const;
const SUBNET_LISTS = SUBNET_TIERS.map((t) => `${t}SubnetCidrs`);
const allSubnets = SUBNET_LISTS.map((l) => `self.${l}`).join(' + ');

/**
 * A transition rule that keeps a field as it was created: it names what a resource is (its
 * AWS-side names, account, region, data class, addresses), and a change would create new, empty
 * stores while the old ones are left behind. Retire the environment and create a new claim instead.
 */
export const immutable = (path: string, why: string) => ({
  rule: 'self == oldSelf',
  message: `spec.parameters.${path} cannot change after creation (${why}); create a new claim instead`,
});

const SUBNET_PURPOSE: Record<(typeof SUBNET_TIERS)[number], string> = {
  private: 'Application tasks; their default route goes to the NAT gateways.',
  public: 'The ALB and the NAT gateways only; no public IP on launch.',
  data: 'Aurora and Redis only; isolated: no route beyond the VPC.',
};

const subnetList = (kind: (typeof SUBNET_TIERS)[number], defaults: string[]): JsonSchema => ({
  type: 'array',
  description:
    `CIDRs of the ${kind} subnets, one per AZ in order a, b, c (the first azCount are used). ${SUBNET_PURPOSE[kind]} ` +
    'Each must be a network address with a prefix of /17 to /26 (not shorter than the vpcCidr prefix) inside vpcCidr. ' +
    `Default: ${defaults.join(', ')} (fits the default vpcCidr).`,
  minItems: 2,
  maxItems: 3,
  default: defaults,
  items: { type: 'string', maxLength: 18, pattern: cidrPattern(17, 26) },
  'x-kubernetes-validations': [
    {
      rule: `self.all(s, ${isNetworkAddress('s', 17, 26)})`,
      message: `every ${kind} subnet CIDR must be a network address (no host bits set), e.g. 10.0.32.0/19`,
    },
    {
      // Subnets are per AZ in order a, b, c: an existing entry cannot change (the subnet and
      // everything in it would be replaced); a third may be added for a third AZ.
      rule: 'size(self) >= size(oldSelf) && self[0] == oldSelf[0] && self[1] == oldSelf[1] && (size(oldSelf) < 3 || self[2] == oldSelf[2])',
      message: `spec.parameters.network.${kind}SubnetCidrs: existing entries cannot change or be removed after creation (the subnet and everything in it would be replaced); you may only add the entry for a third AZ`,
    },
  ],
});

/** spec.parameters of the XAssessmentPlatform / AssessmentPlatform. */
export const parametersSchema: JsonSchema = obj(
  'What to build. Only environment, environmentSuffix, owner and awsAccountId are required; everything else has a safe default.',
  {
    environment: str('Deployment stage. Required: it decides NAT redundancy and deletion safety, and prod enforces 3 AZs, readers and deletion protection. Immutable.', {
      enum: ENVIRONMENTS,
      'x-kubernetes-validations': [immutable('environment', 'it decides deletion safety: a prod platform must not become dev and lose its protection')],
    }),
    environmentSuffix: str(
      'Short, lowercase, DNS-safe suffix appended to every AWS-side name (e.g. "prod-eu1"). Required: names must be unique per account and region. 2 to 12 characters: a-z, 0-9 and "-", starting with a letter and not ending with "-". Immutable.',
      {
        minLength: 2,
        maxLength: 12,
        pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$',
        'x-kubernetes-validations': [immutable('environmentSuffix', 'every AWS-side name carries it: new, empty stores would be created')],
      },
    ),
    region: str('AWS region of every resource. Default: eu-west-2 (London). Immutable.', {
      default: DEFAULT_REGION,
      'x-kubernetes-validations': [immutable('region', 'every resource and its data live in it')],
      pattern: '^(af|ap|ca|eu|il|me|mx|sa|us)-(central|north|northeast|northwest|south|southeast|southwest|east|west)-[1-9]$',
      maxLength: 20,
    }),
    owner: str('Team or person accountable for the platform; written to the Owner tag. Required: FERPA needs an accountable owner.', {
      minLength: 2,
      maxLength: 64,
      pattern: '^[A-Za-z0-9][A-Za-z0-9 ._:/=+@-]*$',
    }),
    dataClassification: str(
      'Class of the data held; written to the DataClassification tag and chooses the KMS key of the data stores: student-records uses the student-records key, de-identified uses the analytics key. Default: student-records (the strictest). Immutable.',
      {
        enum: DATA_CLASSIFICATIONS,
        default: 'student-records',
        'x-kubernetes-validations': [immutable('dataClassification', 'it chooses the key the stores are encrypted with, which cannot change in place')],
      },
    ),
    awsAccountId: str('The 12-digit AWS account ID. Required: KMS key policies and IAM policies are scoped to real ARNs in this account. Immutable.', {
      pattern: '^[0-9]{12}$',
      'x-kubernetes-validations': [immutable('awsAccountId', 'the key and IAM policies are scoped to it')],
      maxLength: 12,
    }),
    providerConfigName: str('Name of the provider-upjet-aws ProviderConfig used by every managed resource. Default: default.', {
      default: 'default',
      minLength: 1,
      maxLength: 63,
      pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$',
    }),
    logRetentionDays: {
      type: 'integer',
      description: `Days every CloudWatch log group of the platform keeps its events (flow logs, database, cache, service, API access, WAF, Firehose, trail, FIS): one of the periods CloudWatch accepts, never under 90. Default: ${LOG_RETENTION_DAYS}.`,
      enum: [...LOG_RETENTION_CHOICES],
      minimum: LOG_RETENTION_CHOICES[0],
      maximum: LOG_RETENTION_CHOICES[LOG_RETENTION_CHOICES.length - 1],
      default: LOG_RETENTION_DAYS,
    },
    retire: {
      type: 'boolean',
      description:
        'Retire this environment: set it to true in a reviewed change before deleting the claim. It turns Aurora deletion protection off and, in prod, ' +
        'lets a delete remove the AWS resources (Aurora and Redis leave final snapshots; the KMS keys and log groups are kept). Without it a prod ' +
        'claim cannot be deleted, and a delete that gets past the admission policy orphans every AWS resource instead. Set it back to false to cancel. ' +
        'Default: false. See README "Deleting and retiring an environment".',
      default: false,
    },
    capacity: obj(
      'Load the platform must hold; sizes every tier through the capacity table in the README.',
      {
        expectedConcurrentStudents: int(
          `Concurrent students at exam peak. Picks a row of the capacity table. Default: ${DEFAULT_STUDENTS}.`,
          MIN_STUDENTS,
          MAX_STUDENTS,
          { default: DEFAULT_STUDENTS },
        ),
      },
      { default: {} },
    ),
    network: obj(
      `The VPC: its CIDR, the AZs it spans and the subnet CIDRs per AZ. Default: ${DEFAULT_VPC_CIDR} over 3 AZs.`,
      {
        vpcCidr: str(`IPv4 CIDR of the VPC, a network address with a prefix of /16 to /20. Default: ${DEFAULT_VPC_CIDR}. Immutable.`, {
          default: DEFAULT_VPC_CIDR,
          maxLength: 18,
          pattern: cidrPattern(16, 20),
          'x-kubernetes-validations': [
            {
              rule: isNetworkAddress('self', 16, 20),
              message: 'spec.parameters.network.vpcCidr must be a network address (no host bits set) with a /16 to /20 prefix, e.g. 10.0.0.0/16',
            },
            immutable('network.vpcCidr', 'the VPC and everything in it would be replaced'),
          ],
        }),
        azCount: int('Availability zones to spread over (a, b[, c]). Default: 3; prod requires 3. May grow from 2 to 3, never shrink.', 2, 3, {
          default: 3,
          'x-kubernetes-validations': [
            {
              // Zone c's subnets hold Aurora's and Redis's network interfaces: AWS refuses to take
              // them out of the subnet groups or to delete them while the stores use them.
              rule: 'self >= oldSelf',
              message: "spec.parameters.network.azCount cannot shrink after creation (zone c's subnets hold the stores' network interfaces); create a new claim instead",
            },
          ],
        }),
        privateSubnetCidrs: subnetList('private', DEFAULT_PRIVATE_SUBNETS),
        publicSubnetCidrs: subnetList('public', DEFAULT_PUBLIC_SUBNETS),
        dataSubnetCidrs: subnetList('data', DEFAULT_DATA_SUBNETS),
      },
      {
        // A complete default: the API server checks a default against the object's CEL rules when it
        // creates the CRD, and these rules read every key (an empty default made the XRD uninstallable).
        default: { vpcCidr: DEFAULT_VPC_CIDR, azCount: 3, privateSubnetCidrs: DEFAULT_PRIVATE_SUBNETS, publicSubnetCidrs: DEFAULT_PUBLIC_SUBNETS, dataSubnetCidrs: DEFAULT_DATA_SUBNETS },
        'x-kubernetes-validations': [
          {
            rule: SUBNET_LISTS.map((l) => `self.${l}.all(s, ${insideVpc('s', 'self.vpcCidr')})`).join(' && '),
            message: 'spec.parameters.network: every subnet CIDR must lie inside vpcCidr; set privateSubnetCidrs, publicSubnetCidrs and dataSubnetCidrs when you change vpcCidr',
          },
          {
            // Every subnet overlaps exactly one entry of the three lists: itself. Equal or nested
            // subnets (also across the private, public and data lists) are refused.
            rule: `(${allSubnets}).all(a, (${allSubnets}).exists_one(b, ${overlaps('a', 'b')}))`,
            message: 'spec.parameters.network: subnet CIDRs must not overlap; every entry of privateSubnetCidrs, publicSubnetCidrs and dataSubnetCidrs needs its own address range',
          },
          {
            rule: SUBNET_LISTS.map((l) => `size(self.${l}) >= self.azCount`).join(' && '),
            message: 'spec.parameters.network: privateSubnetCidrs, publicSubnetCidrs and dataSubnetCidrs need one CIDR per AZ (at least azCount entries)',
          },
        ],
      },
    ),
    database: obj(
      'Aurora PostgreSQL Serverless v2. Sizes default from the capacity table; set a field to override it.',
      {
        engineVersion: str(`Full Aurora PostgreSQL 16 version. Default: ${DEFAULT_AURORA_ENGINE_VERSION}.`, {
          enum: AURORA_ENGINE_VERSIONS,
          default: DEFAULT_AURORA_ENGINE_VERSION,
        }),
        minCapacity: num('Override: minimum Aurora capacity units (0.5 steps). Default: from the capacity table.', 0.5, 256),
        maxCapacity: num('Override: maximum Aurora capacity units. Default: from the capacity table.', 1, 256),
        readers: int('Override: reader instances, spread over the AZs. Default: from the capacity table; prod needs at least 1.', 0, 5),
        backupRetentionDays: int('Days of automated backups and point-in-time recovery (7 to 35). Default: 7.', 7, 35, {
          default: 7,
          'x-kubernetes-validations': [
            { rule: 'self >= 7 && self <= 35', message: 'spec.parameters.database.backupRetentionDays must be between 7 and 35 days' },
          ],
        }),
        deletionProtection: {
          type: 'boolean',
          description: 'Aurora deletion protection. Default: true; prod cannot turn it off (spec.parameters.retire does, for a retirement).',
          default: true,
        },
        restoreFrom: obj(
          'Create the Aurora cluster from a backup instead of empty: a DB cluster snapshot of this platform, or a point in time of one of its clusters. Read only when the cluster is created (docs/operations.md "Restore the database"): give it to a new claim, never to a running one. Immutable. Default: none (an empty database).',
          {
            snapshot: str(
              "Identifier or ARN of a DB cluster snapshot of this platform (a final snapshot, an automated or manual one, or an AWS Backup recovery point); its master user must be the platform's. Default: none; exactly one of snapshot and pointInTime.",
              { pattern: RESTORE_SNAPSHOT_PATTERN, maxLength: 255 },
            ),
            pointInTime: obj(
              'A point in time of a cluster of this platform, within its backup retention. Default: none; exactly one of snapshot and pointInTime.',
              {
                sourceClusterIdentifier: str('Identifier (status.database.clusterIdentifier of its claim) or ARN of a running source cluster. Default: none; exactly one of sourceClusterIdentifier and sourceClusterResourceId.', { pattern: RESTORE_CLUSTER_PATTERN, maxLength: 255 }),
                sourceClusterResourceId: str(
                  "Resource ID (cluster-...) of a deleted source cluster whose automated backups RDS retained (a retired environment keeps them, deleteAutomatedBackups: false): `aws rds describe-db-cluster-automated-backups`. Default: none; exactly one of sourceClusterIdentifier and sourceClusterResourceId.",
                  { pattern: '^cluster-[A-Za-z0-9]+$', maxLength: 64 },
                ),
                restoreToTime: str('The UTC time to restore to, RFC 3339 (2026-11-30T09:15:00Z). Default: none; exactly one of restoreToTime and latestRestorableTime.', { pattern: RESTORE_TIME_PATTERN, maxLength: 30 }),
                latestRestorableTime: { type: 'boolean', description: 'Restore to the latest restorable time (about 5 minutes ago) instead of restoreToTime. Default: false.' },
              },
              {
                'x-kubernetes-validations': [
                  {
                    rule: 'has(self.sourceClusterIdentifier) != has(self.sourceClusterResourceId)',
                    message: 'spec.parameters.database.restoreFrom.pointInTime needs exactly one of sourceClusterIdentifier (a running cluster) and sourceClusterResourceId (a deleted one with retained backups)',
                  },
                  {
                    rule: 'has(self.restoreToTime) != (has(self.latestRestorableTime) && self.latestRestorableTime)',
                    message: 'spec.parameters.database.restoreFrom.pointInTime needs exactly one of restoreToTime and latestRestorableTime: true',
                  },
                ],
              },
            ),
          },
          {
            'x-kubernetes-validations': [
              { rule: 'has(self.snapshot) != has(self.pointInTime)', message: 'spec.parameters.database.restoreFrom needs exactly one of snapshot and pointInTime' },
              { rule: 'self == oldSelf', message: 'spec.parameters.database.restoreFrom cannot change after creation (it is read only when the cluster is created); create a new claim instead' },
            ],
          },
        ),
      },
      {
        default: {},
        'x-kubernetes-validations': [
          {
            // Neither added (it would do nothing) nor removed (the provider would see the cluster's
            // create-time source change and refuse to replace it).
            rule: 'has(self.restoreFrom) == has(oldSelf.restoreFrom)',
            message: 'spec.parameters.database.restoreFrom cannot be added to or removed from a running claim (it is read only when the cluster is created); restore into a new claim instead',
          },
          {
            rule: '!has(self.minCapacity) || !has(self.maxCapacity) || self.minCapacity <= self.maxCapacity',
            message: 'spec.parameters.database.minCapacity must not exceed spec.parameters.database.maxCapacity',
          },
          {
            rule: '!has(self.minCapacity) || double(int(self.minCapacity * 2.0)) == self.minCapacity * 2.0',
            message: 'spec.parameters.database.minCapacity must be a multiple of 0.5 ACU',
          },
        ],
      },
    ),
    cache: obj(
      'ElastiCache Redis OSS (cluster mode, Multi-AZ, TLS, KMS). Sizes default from the capacity table; set a field to override it.',
      {
        engineVersion: str('Redis OSS engine version. Default: 7.1.', { enum: CACHE_ENGINE_VERSIONS, default: '7.1' }),
        nodeType: str('Override: node type, e.g. cache.r7g.large. Default: from the capacity table.', {
          pattern: '^cache\\.[a-z0-9]+\\.[a-z0-9]+$',
          maxLength: 40,
        }),
        shards: int('Override: shards (node groups). Default: from the capacity table.', 1, 30),
        replicas: int('Override: replicas per shard; at least 1 keeps Multi-AZ failover. Default: from the capacity table.', 1, 5),
        snapshotRetentionDays: int('Days of daily Redis snapshots. Default: 7.', 1, 35, { default: 7 }),
      },
      { default: {} },
    ),

    application: obj(
      'The assessment service: its container image, port and health check, the TLS certificate of its hostname, and autoscaling. Tasks and their size default from the capacity table. Required: the platform exists to run this service.',
      {
        image: str(
          'Container image of the assessment service in Amazon ECR (<account>.dkr.ecr.<region>.amazonaws.com/<repository>), pinned: a tag other than latest, or @sha256:<digest>. Required. The execution role may pull exactly this repository.',
          {
            maxLength: 512,
            pattern: ECR_IMAGE_PATTERN,
            'x-kubernetes-validations': [
              { rule: "!self.endsWith(':latest')", message: 'spec.parameters.application.image must be pinned: use a version tag or @sha256:<digest>, never :latest' },
              { rule: "self.contains('@sha256:') || self.split('/')[size(self.split('/')) - 1].contains(':')", message: 'spec.parameters.application.image must carry a tag or a @sha256:<digest>; an untagged image means :latest' },
            ],
          },
        ),
        containerPort: int(`Port the container serves HTTPS on (the ALB re-encrypts to it). 1024 to 65535: the container runs as a non-root user. Default: ${DEFAULT_CONTAINER_PORT}. Immutable.`, 1024, 65535, {
          default: DEFAULT_CONTAINER_PORT,
          'x-kubernetes-validations': [immutable('application.containerPort', "the tasks, the ALB's security-group rules and the running task definition change together only by a new deployment")],
        }),
        healthCheckPath: str('Path the ALB probes on each task; it must answer 200. Default: /healthz.', { default: '/healthz', maxLength: 255, pattern: '^/[A-Za-z0-9._~/-]*$' }),
        hostname: str(
          'DNS name of the assessment API that the certificate covers (e.g. assessments.example.edu). API Gateway sends it to the ALB as the TLS server name and verifies the ALB certificate against it. Required. Immutable.',
          {
            maxLength: 253,
            pattern: '^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$',
            'x-kubernetes-validations': [immutable('application.hostname', 'the certificate and the integration are issued for it')],
          },
        ),
        certificateArn: str('ARN of the ACM certificate for hostname, in the claim\'s region and account; the internal ALB terminates TLS 1.3/1.2 with it. Required.', {
          maxLength: 2048,
          pattern: '^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]{36}$',
        }),
        cpuTargetPercent: int(`Autoscaling target for average CPU, percent. Default: ${DEFAULT_CPU_TARGET}.`, 20, 90, { default: DEFAULT_CPU_TARGET }),
        memoryTargetPercent: int(`Autoscaling target for average memory, percent. Default: ${DEFAULT_MEMORY_TARGET}.`, 20, 90, { default: DEFAULT_MEMORY_TARGET }),
        minTasks: int('Override: the fewest tasks the autoscaler keeps. Default: from the capacity table; prod needs at least 2.', 1, 1000),
        maxTasks: int('Override: the most tasks the autoscaler starts. Default: from the capacity table.', 1, 1000),
      },
      {
        required: ['image', 'hostname', 'certificateArn'],
        'x-kubernetes-validations': [
          { rule: '!has(self.minTasks) || !has(self.maxTasks) || self.minTasks <= self.maxTasks', message: 'spec.parameters.application.minTasks must not exceed spec.parameters.application.maxTasks' },
        ],
      },
    ),
    api: obj(
      'The public front door: API Gateway (REST, regional, IAM-authorized) behind a WAF. Defaults hold 100,000 students.',
      {
        throttlingRateLimit: int(`Steady-state requests per second the API admits across all clients. Default: ${DEFAULT_THROTTLING_RATE}.`, 1, 100000, { default: DEFAULT_THROTTLING_RATE }),
        throttlingBurstLimit: int(`Burst of requests the API admits above the rate. Default: ${DEFAULT_THROTTLING_BURST}; never below throttlingRateLimit.`, 1, 200000, { default: DEFAULT_THROTTLING_BURST }),
        manageAccountSettings: {
          type: 'boolean',
          description:
            "Whether this claim manages API Gateway's account-level CloudWatch role, which access logging needs. It is one setting per AWS account and region: set it to false on every other claim in the same account and region. Default: true.",
          default: true,
        },
        wafRateLimitPerIp: int(`Requests one source IP may make in 5 minutes before the WAF blocks it (campus systems behind one address count as one). At most 500,000 (1,667 requests per second from one address; above that the stage's throttling decides). Default: ${DEFAULT_WAF_RATE_LIMIT}.`, 100, 500000, { default: DEFAULT_WAF_RATE_LIMIT }),
      },
      {
        // A complete default: the API server checks a default against the object's CEL rules when
        // it creates the CRD, and the rule reads both limits (an empty default is uninstallable).
        default: { throttlingRateLimit: DEFAULT_THROTTLING_RATE, throttlingBurstLimit: DEFAULT_THROTTLING_BURST, manageAccountSettings: true, wafRateLimitPerIp: DEFAULT_WAF_RATE_LIMIT },
        'x-kubernetes-validations': [
          { rule: 'self.throttlingRateLimit <= self.throttlingBurstLimit', message: 'spec.parameters.api.throttlingRateLimit must not exceed spec.parameters.api.throttlingBurstLimit' },
        ],
      },
    ),
    events: obj(
      'Student activity events: a Kinesis Data Stream (analytics key) that Firehose delivers, GZIP-compressed and SSE-KMS-encrypted, to the analytics bucket. Defaults hold 100,000 students.',
      {
        streamMode: str(`Kinesis capacity mode: ON_DEMAND (Kinesis scales the shards) or PROVISIONED (shards from the capacity table, or shards). Default: ${DEFAULT_STREAM_MODE}. Immutable.`, {
          enum: [...STREAM_MODES],
          default: DEFAULT_STREAM_MODE,
          'x-kubernetes-validations': [immutable('events.streamMode', 'the stream of each mode is its own composed resource; a change would replace the stream and lose the events it holds')],
        }),
        shards: int('Override, with streamMode PROVISIONED only: the stream\'s shards. Kinesis at most doubles or halves a stream per change (and 10 changes a day): step it. Default: from the capacity table.', 1, 500, {
          'x-kubernetes-validations': [
            { rule: 'self <= 2 * oldSelf && 2 * self >= oldSelf', message: 'spec.parameters.events.shards can at most double or halve per change (Kinesis UpdateShardCount)' },
          ],
        }),
        retentionHours: int(`Hours the stream keeps each record (24 to 8,760), the time a consumer or Firehose has to catch up. Default: ${DEFAULT_STREAM_RETENTION_HOURS}.`, 24, 8760, { default: DEFAULT_STREAM_RETENTION_HOURS }),
        analyticsRetentionDays: int(
          `Days the analytics bucket keeps the events (365 to 3,650; Standard-IA after 30 days, Glacier Instant Retrieval after 90). Default: ${DEFAULT_ANALYTICS_RETENTION_DAYS}.`,
          365,
          3650,
          { default: DEFAULT_ANALYTICS_RETENTION_DAYS },
        ),
        bufferSizeMiB: int(`MiB Firehose buffers before it writes an object (1 to 128). Default: ${DEFAULT_BUFFER_MIB}.`, 1, 128, { default: DEFAULT_BUFFER_MIB }),
        bufferIntervalSeconds: int(`Seconds Firehose buffers at most before it writes an object (60 to 900). Default: ${DEFAULT_BUFFER_SECONDS}.`, 60, 900, { default: DEFAULT_BUFFER_SECONDS }),
      },
      {
        // A complete default (the API server checks it against the object's rules).
        default: {
          streamMode: DEFAULT_STREAM_MODE,
          retentionHours: DEFAULT_STREAM_RETENTION_HOURS,
          analyticsRetentionDays: DEFAULT_ANALYTICS_RETENTION_DAYS,
          bufferSizeMiB: DEFAULT_BUFFER_MIB,
          bufferIntervalSeconds: DEFAULT_BUFFER_SECONDS,
        },
        'x-kubernetes-validations': [
          { rule: "!has(self.shards) || self.streamMode == 'PROVISIONED'", message: 'spec.parameters.events.shards needs spec.parameters.events.streamMode PROVISIONED (an on-demand stream has no shard count)' },
        ],
      },
    ),
    operations: obj(
      'Alarms and who they notify. Every alarm notifies an SNS topic encrypted with the logs key (status.operations.alarmTopicArn).',
      {
        alarmEmails: {
          type: 'array',
          description: `Up to ${MAX_ALARM_EMAILS} e-mail addresses subscribed to the alarm topic (each recipient confirms once). Default: none; subscribe other tools to the topic.`,
          maxItems: MAX_ALARM_EMAILS,
          items: str('An e-mail address.', { maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' }),
          default: [],
        },
        healthCheckCommand: str(
          `Executable in the service's image that the scheduled health check runs instead of the image's command, every ${HEALTH_CHECK_INTERVAL_MINUTES} minutes: it probes the API, the database and the cache and prints a JSON line with "healthCheck": "pass" when all answered (README "Health checks"). An absolute path. Default: ${DEFAULT_HEALTH_CHECK_COMMAND}.`,
          { default: DEFAULT_HEALTH_CHECK_COMMAND, maxLength: 255, pattern: '^/[A-Za-z0-9._/-]+$' },
        ),
        faultInjection: {
          type: 'boolean',
          description: 'Whether the AZ-failure FIS experiment template exists (an experiment runs only when someone starts it). Default: on, except in prod, where it must be set to true.',
        },
      },
      { default: { alarmEmails: [], healthCheckCommand: DEFAULT_HEALTH_CHECK_COMMAND } },
    ),
    integrations: obj(
      `Campus-system integrations (a student information system, an LMS) whose keys the service needs: a Secrets Manager secret per name, assessment-platform/<suffix>/integrations/<name>, encrypted with the secrets key and readable by the service's task role only. Values are put out of band (README "Campus integrations"), never in a manifest.`,
      {
        names: {
          type: 'array',
          description: `Up to ${MAX_INTEGRATIONS} integration names (2 to 32 lower-case letters, digits and hyphens). Names may be added or removed at the end only: a secret keeps its position. Default: none.`,
          maxItems: MAX_INTEGRATIONS,
          items: str('An integration name.', { maxLength: 32, pattern: '^[a-z][a-z0-9-]*[a-z0-9]$' }),
          default: [],
          'x-kubernetes-validations': [
            {
              rule: `[${Array.from({ length: MAX_INTEGRATIONS }, (_, i) => i).join(', ')}].all(i, i >= size(self) || i >= size(oldSelf) || self[i] == oldSelf[i])`,
              message: 'spec.parameters.integrations.names: a name cannot change or move (its secret holds a key put out of band); add or remove names at the end only',
            },
            { rule: 'self.all(n, self.exists_one(m, m == n))', message: 'spec.parameters.integrations.names must be unique' },
          ],
        },
      },
      { default: { names: [] } },
    ),
    backup: obj(
      'Backups beyond each store\'s own: AWS Backup takes a daily backup of the Aurora cluster and the EFS file system into a vault encrypted with the data-class key, which outlives the claim.',
      {
        retentionDays: int(
          `Days each daily recovery point is kept (7 to 3,650; at least ${DEFAULT_BACKUP_RETENTION_DAYS} in prod). Default: ${DEFAULT_BACKUP_RETENTION_DAYS}.`,
          7,
          3650,
          { default: DEFAULT_BACKUP_RETENTION_DAYS },
        ),
      },
      { default: { retentionDays: DEFAULT_BACKUP_RETENTION_DAYS } },
    ),
    audit: obj(
      'The audit trail: a multi-region CloudTrail trail with log file validation, encrypted with the logs key, into its own bucket and log group, with the data events of the analytics bucket.',
      {
        retentionDays: int(
          `Days the trail bucket keeps the log files (365 to 3,650; Standard-IA after 30 days, Glacier Instant Retrieval after 90). Default: ${DEFAULT_TRAIL_RETENTION_DAYS} (7 years).`,
          365,
          3650,
          {
            default: DEFAULT_TRAIL_RETENTION_DAYS,
            'x-kubernetes-validations': [{ rule: 'self >= oldSelf', message: 'spec.parameters.audit.retentionDays cannot decrease (a shorter lifecycle would delete audit log files at once)' }],
          },
        ),
      },
      { default: { retentionDays: DEFAULT_TRAIL_RETENTION_DAYS } },
    ),
  },
  {
    required: ['environment', 'environmentSuffix', 'owner', 'awsAccountId', 'application'],
    'x-kubernetes-validations': [
      {
        rule: `self.environment != 'prod' || self.backup.retentionDays >= ${DEFAULT_BACKUP_RETENTION_DAYS}`,
        message: `spec.parameters.backup.retentionDays must be at least ${DEFAULT_BACKUP_RETENTION_DAYS} when spec.parameters.environment is prod`,
      },
      {
        rule: "self.environment != 'prod' || self.network.azCount == 3",
        message: 'spec.parameters.network.azCount must be 3 when spec.parameters.environment is prod',
      },
      {
        rule: "self.environment != 'prod' || !has(self.database.readers) || self.database.readers >= 1",
        message: 'spec.parameters.database.readers must be at least 1 when spec.parameters.environment is prod',
      },
      {
        rule: "self.environment != 'prod' || self.database.deletionProtection == true",
        message: 'spec.parameters.database.deletionProtection cannot be false when spec.parameters.environment is prod',
      },
      {
        rule: `!has(self.database.minCapacity) || has(self.database.maxCapacity) || self.database.minCapacity <= ${tableAcu('auroraMaxAcu')}`,
        message:
          "spec.parameters.database.minCapacity must not exceed the capacity table's maximum ACUs for spec.parameters.capacity.expectedConcurrentStudents; set spec.parameters.database.maxCapacity as well",
      },
      {
        rule: `!has(self.database.maxCapacity) || has(self.database.minCapacity) || self.database.maxCapacity >= ${tableAcu('auroraMinAcu')}`,
        message:
          "spec.parameters.database.maxCapacity must not be below the capacity table's minimum ACUs for spec.parameters.capacity.expectedConcurrentStudents; set spec.parameters.database.minCapacity as well",
      },
      {
        rule: "self.environment != 'prod' || !has(self.application.minTasks) || self.application.minTasks >= 2",
        message: 'spec.parameters.application.minTasks must be at least 2 when spec.parameters.environment is prod (one task per AZ failure)',
      },
      {
        rule: `!has(self.application.minTasks) || has(self.application.maxTasks) || self.application.minTasks <= ${tableTasks('maxTasks')}`,
        message: "spec.parameters.application.minTasks must not exceed the capacity table's maximum tasks for spec.parameters.capacity.expectedConcurrentStudents; set spec.parameters.application.maxTasks as well",
      },
      {
        rule: `!has(self.application.maxTasks) || has(self.application.minTasks) || self.application.maxTasks >= ${tableTasks('minTasks')}`,
        message: "spec.parameters.application.maxTasks must not be below the capacity table's minimum tasks for spec.parameters.capacity.expectedConcurrentStudents; set spec.parameters.application.minTasks as well",
      },
      {
        rule: "self.application.image.startsWith(self.awsAccountId + '.dkr.ecr.' + self.region + '.amazonaws.com/')",
        message: "spec.parameters.application.image must be in Amazon ECR of spec.parameters.awsAccountId in spec.parameters.region (the tasks pull through the VPC's ECR endpoints and the execution role may pull only from there); replicate the image there with ECR replication",
      },
      {
        rule: "self.application.certificateArn.split(':')[3] == self.region && self.application.certificateArn.split(':')[4] == self.awsAccountId",
        message: 'spec.parameters.application.certificateArn must be an ACM certificate in spec.parameters.region and spec.parameters.awsAccountId (the ALB can only use a certificate of its own region and account)',
      },
      {
        rule: "self.environmentSuffix.matches('^[a-z]([-a-z0-9]{0,10}[a-z0-9])?$')",
        message: 'spec.parameters.environmentSuffix must be 2-12 lowercase letters, digits or "-", start with a letter and not end with "-"',
      },
    ],
  },
);
