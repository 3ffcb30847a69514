import { API_GROUP, API_VERSION, CLAIM_KIND } from '../../src/config';
import { PlatformParameters } from '../../src/examples/claims';

/**
 * The table of bad claims and the message each must produce, shared by the offline check
 * (test/claim-rules.test.ts, crank beta validate) and the live API server (test/live), which must
 * reject each with the same message.
 */
export const P = 'spec.parameters';
const app = {
  image: '123456789012.dkr.ecr.eu-west-2.amazonaws.com/assessment-service:2.0.1',
  hostname: 'assessments.example.edu',
  certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/11111111-2222-3333-4444-555555555555',
};
export const dev: PlatformParameters = { environment: 'dev', environmentSuffix: 'dev1', owner: 'platform-team', awsAccountId: '123456789012', application: app };
export const prod: PlatformParameters = { ...dev, environment: 'prod', environmentSuffix: 'prod1' };
const net3 = (vpcCidr: string, privateSubnetCidrs: string[], publicSubnetCidrs: string[]) => ({ vpcCidr, privateSubnetCidrs, publicSubnetCidrs });

/**
 * A bound as `crank beta validate` prints it (Go's shortest %g: an exponent from 1e6 up, e.g. 2e+09),
 * while the live API server prints an integer in full; so the XRD keeps integer bounds below 1e6,
 * where both agree.
 */
export const goNumber = (n: number): string => (Math.abs(n) < 1e6 ? String(n) : n.toExponential().replace(/e\+(\d)$/, 'e+0$1'));
const above = (path: string, n: number) => `${P}.${path} in body should be less than or equal to ${goNumber(n)}`;
const below = (path: string, n: number) => `${P}.${path} in body should be greater than or equal to ${goNumber(n)}`;
const pattern = (path: string) => `${P}.${path} in body should match`;
export const unsupported = (path: string) => `${P}.${path}: Unsupported value:`;
export const tooLong = (path: string, n: number) => `${P}.${path}: Too long: may not be more than ${n} bytes`;

/** [case, parameters (any: the point is to be wrong), a message the user must see] */
export const BAD_CLAIMS: [string, any, string][] = [
  // CEL rules of the XRD
  ['a restore from both a snapshot and a point in time', { ...dev, database: { restoreFrom: { snapshot: 'ap-aurora-final-prod-1', pointInTime: { sourceClusterIdentifier: 'ap-aurora-prod', latestRestorableTime: true } } } }, `${P}.database.restoreFrom needs exactly one of snapshot and pointInTime`],
  ['a restore from nothing', { ...dev, database: { restoreFrom: {} } }, `${P}.database.restoreFrom needs exactly one of snapshot and pointInTime`],
  ['a point in time and the latest time', { ...dev, database: { restoreFrom: { pointInTime: { sourceClusterIdentifier: 'ap-aurora-prod', restoreToTime: '2026-11-30T09:15:00Z', latestRestorableTime: true } } } }, `${P}.database.restoreFrom.pointInTime needs exactly one of restoreToTime and latestRestorableTime: true`],
  ['a point in time without its source cluster', { ...dev, database: { restoreFrom: { pointInTime: { latestRestorableTime: true } } } }, `${P}.database.restoreFrom.pointInTime needs exactly one of sourceClusterIdentifier (a running cluster) and sourceClusterResourceId`],
  ['a point in time of two source clusters', { ...dev, database: { restoreFrom: { pointInTime: { sourceClusterIdentifier: 'ap-aurora-prod', sourceClusterResourceId: 'cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ', latestRestorableTime: true } } } }, `${P}.database.restoreFrom.pointInTime needs exactly one of sourceClusterIdentifier (a running cluster) and sourceClusterResourceId`],
  ['a point in time without a time', { ...dev, database: { restoreFrom: { pointInTime: { sourceClusterIdentifier: 'ap-aurora-prod' } } } }, `${P}.database.restoreFrom.pointInTime needs exactly one of restoreToTime and latestRestorableTime: true`],
  ['prod with 2 AZs', { ...prod, network: { azCount: 2, privateSubnetCidrs: ['10.0.0.0/19', '10.0.32.0/19'], publicSubnetCidrs: ['10.0.128.0/22', '10.0.132.0/22'] } }, `${P}.network.azCount must be 3 when ${P}.environment is prod`],
  ['prod with 0 readers', { ...prod, database: { readers: 0 } }, `${P}.database.readers must be at least 1 when ${P}.environment is prod`],
  ['prod without deletion protection', { ...prod, database: { deletionProtection: false } }, `${P}.database.deletionProtection cannot be false when ${P}.environment is prod`],
  ['VPC CIDR with host bits', { ...dev, network: { vpcCidr: '10.0.0.1/16' } }, `${P}.network.vpcCidr must be a network address (no host bits set) with a /16 to /20 prefix, e.g. 10.0.0.0/16`],
  ['subnets outside the VPC', { ...dev, network: { vpcCidr: '10.20.0.0/16' } }, `${P}.network: every subnet CIDR must lie inside vpcCidr; set privateSubnetCidrs, publicSubnetCidrs and dataSubnetCidrs when you change vpcCidr`],
  ['a subnet above a /20 VPC', { ...dev, network: net3('10.0.0.0/20', ['10.0.0.0/23', '10.0.2.0/23', '10.0.16.0/23'], ['10.0.8.0/24', '10.0.9.0/24', '10.0.10.0/24']) }, `${P}.network: every subnet CIDR must lie inside vpcCidr`],
  ['a private subnet with host bits', { ...dev, network: { privateSubnetCidrs: ['10.0.0.0/19', '10.0.33.0/19', '10.0.64.0/19'] } }, 'every private subnet CIDR must be a network address (no host bits set), e.g. 10.0.32.0/19'],
  ['a public subnet with host bits', { ...dev, network: { publicSubnetCidrs: ['10.0.128.0/22', '10.0.133.0/22', '10.0.136.0/22'] } }, 'every public subnet CIDR must be a network address (no host bits set), e.g. 10.0.32.0/19'],
  ['two equal private subnets', { ...dev, network: { privateSubnetCidrs: ['10.0.0.0/19', '10.0.0.0/19', '10.0.64.0/19'] } }, `${P}.network: subnet CIDRs must not overlap; every entry of privateSubnetCidrs, publicSubnetCidrs and dataSubnetCidrs needs its own address range`],
  ['a public subnet inside a private one', { ...dev, network: { publicSubnetCidrs: ['10.0.128.0/22', '10.0.132.0/22', '10.0.32.0/22'] } }, `${P}.network: subnet CIDRs must not overlap`],
  ['a private subnet that spans a public one', { ...dev, network: { privateSubnetCidrs: ['10.0.0.0/19', '10.0.32.0/19', '10.0.128.0/17'] } }, `${P}.network: subnet CIDRs must not overlap`],
  ['a data subnet inside a private one', { ...dev, network: { dataSubnetCidrs: ['10.0.144.0/22', '10.0.148.0/22', '10.0.64.0/22'] } }, `${P}.network: subnet CIDRs must not overlap`],
  ['a data subnet equal to a public one', { ...dev, network: { dataSubnetCidrs: ['10.0.128.0/22', '10.0.148.0/22', '10.0.152.0/22'] } }, `${P}.network: subnet CIDRs must not overlap`],
  ['a data subnet outside the VPC', { ...dev, network: { dataSubnetCidrs: ['10.0.144.0/22', '10.0.148.0/22', '10.1.152.0/22'] } }, `${P}.network: every subnet CIDR must lie inside vpcCidr`],
  ['a data subnet with host bits', { ...dev, network: { dataSubnetCidrs: ['10.0.144.0/22', '10.0.149.0/22', '10.0.152.0/22'] } }, 'every data subnet CIDR must be a network address (no host bits set)'],
  ['too few data subnets for 3 AZs', { ...dev, network: { dataSubnetCidrs: ['10.0.144.0/22', '10.0.148.0/22'] } }, `${P}.network: privateSubnetCidrs, publicSubnetCidrs and dataSubnetCidrs need one CIDR per AZ`],
  ['too few subnets for 3 AZs', { ...dev, network: { privateSubnetCidrs: ['10.0.0.0/19', '10.0.32.0/19'] } }, `${P}.network: privateSubnetCidrs, publicSubnetCidrs and dataSubnetCidrs need one CIDR per AZ (at least azCount entries)`],
  ['min ACU above max ACU', { ...dev, database: { minCapacity: 64, maxCapacity: 32 } }, `${P}.database.minCapacity must not exceed ${P}.database.maxCapacity`],
  ['min ACU alone above the table maximum (100k: 8-128)', { ...dev, database: { minCapacity: 200 } }, `${P}.database.minCapacity must not exceed the capacity table's maximum ACUs for ${P}.capacity.expectedConcurrentStudents; set ${P}.database.maxCapacity as well`],
  ['max ACU alone below the table minimum (300k: 16-256)', { ...dev, capacity: { expectedConcurrentStudents: 300000 }, database: { maxCapacity: 8 } }, `${P}.database.maxCapacity must not be below the capacity table's minimum ACUs for ${P}.capacity.expectedConcurrentStudents; set ${P}.database.minCapacity as well`],
  ['min ACU not in 0.5 steps', { ...dev, database: { minCapacity: 1.3 } }, `${P}.database.minCapacity must be a multiple of 0.5 ACU`],
  ['backup retention of 40 days', { ...dev, database: { backupRetentionDays: 40 } }, `${P}.database.backupRetentionDays must be between 7 and 35 days`],
  ['image tagged latest', { ...dev, application: { ...app, image: '123456789012.dkr.ecr.eu-west-2.amazonaws.com/assessment-service:latest' } }, `${P}.application.image must be pinned: use a version tag or @sha256:<digest>, never :latest`],
  ['untagged image', { ...dev, application: { ...app, image: '123456789012.dkr.ecr.eu-west-2.amazonaws.com/assessment-service' } }, `${P}.application.image must carry a tag or a @sha256:<digest>; an untagged image means :latest`],
  ['a restore snapshot that is an instance snapshot ARN', { ...dev, database: { restoreFrom: { snapshot: 'arn:aws:rds:eu-west-2:123456789012:snapshot:x' } } }, pattern('database.restoreFrom.snapshot')],
  ['a restore source cluster with a space', { ...dev, database: { restoreFrom: { pointInTime: { sourceClusterIdentifier: 'ap aurora', latestRestorableTime: true } } } }, pattern('database.restoreFrom.pointInTime.sourceClusterIdentifier')],
  ['a source cluster resource ID that is an identifier', { ...dev, database: { restoreFrom: { pointInTime: { sourceClusterResourceId: 'ap-aurora-prod', latestRestorableTime: true } } } }, pattern('database.restoreFrom.pointInTime.sourceClusterResourceId')],
  ['a source cluster resource ID of 65 characters', { ...dev, database: { restoreFrom: { pointInTime: { sourceClusterResourceId: `cluster-${'A'.repeat(57)}`, latestRestorableTime: true } } } }, tooLong('database.restoreFrom.pointInTime.sourceClusterResourceId', 64)],
  ['a restore time with a zone offset', { ...dev, database: { restoreFrom: { pointInTime: { sourceClusterIdentifier: 'ap-aurora-prod', restoreToTime: '2026-11-30T09:15:00+01:00' } } } }, pattern('database.restoreFrom.pointInTime.restoreToTime')],
  ['a restore snapshot of 256 characters', { ...dev, database: { restoreFrom: { snapshot: `s${'a'.repeat(255)}` } } }, tooLong('database.restoreFrom.snapshot', 255)],
  ['a restore source cluster of 256 characters', { ...dev, database: { restoreFrom: { pointInTime: { sourceClusterIdentifier: `c${'a'.repeat(255)}`, latestRestorableTime: true } } } }, tooLong('database.restoreFrom.pointInTime.sourceClusterIdentifier', 255)],
  ['a restore time of 31 characters', { ...dev, database: { restoreFrom: { pointInTime: { sourceClusterIdentifier: 'ap-aurora-prod', restoreToTime: `2026-11-30T09:15:00Z${'0'.repeat(11)}` } } } }, tooLong('database.restoreFrom.pointInTime.restoreToTime', 30)],
  ['image outside ECR', { ...dev, application: { ...app, image: 'docker.io/library/nginx:1.27' } }, pattern('application.image')],
  ['image in another account', { ...dev, application: { ...app, image: '999999999999.dkr.ecr.eu-west-2.amazonaws.com/assessment-service:2.0.1' } }, `${P}.application.image must be in Amazon ECR of ${P}.awsAccountId in ${P}.region`],
  ['certificate in another region', { ...dev, application: { ...app, certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555' } }, `${P}.application.certificateArn must be an ACM certificate in ${P}.region and ${P}.awsAccountId`],
  ['certificate that is not ACM', { ...dev, application: { ...app, certificateArn: 'arn:aws:iam::123456789012:server-certificate/x' } }, pattern('application.certificateArn')],
  ['no application', { environment: 'dev', environmentSuffix: 'dev1', owner: 'platform-team', awsAccountId: '123456789012' }, `${P}.application: Required value`],
  ['no image', { ...dev, application: { hostname: app.hostname, certificateArn: app.certificateArn } }, `${P}.application.image: Required value`],
  ['container port 80 (root only)', { ...dev, application: { ...app, containerPort: 80 } }, below('application.containerPort', 1024)],
  ['health check path without a slash', { ...dev, application: { ...app, healthCheckPath: 'healthz' } }, pattern('application.healthCheckPath')],
  ['hostname with a scheme', { ...dev, application: { ...app, hostname: 'https://assessments.example.edu' } }, pattern('application.hostname')],
  ['min tasks above max tasks', { ...dev, application: { ...app, minTasks: 10, maxTasks: 5 } }, `${P}.application.minTasks must not exceed ${P}.application.maxTasks`],
  ['prod with 1 task', { ...prod, application: { ...app, minTasks: 1 } }, `${P}.application.minTasks must be at least 2 when ${P}.environment is prod`],
  ['min tasks alone above the table maximum (100k: 6-60)', { ...dev, application: { ...app, minTasks: 70 } }, `${P}.application.minTasks must not exceed the capacity table's maximum tasks for ${P}.capacity.expectedConcurrentStudents; set ${P}.application.maxTasks as well`],
  ['max tasks alone below the table minimum (300k: 10-100)', { ...dev, capacity: { expectedConcurrentStudents: 300000 }, application: { ...app, maxTasks: 4 } }, `${P}.application.maxTasks must not be below the capacity table's minimum tasks for ${P}.capacity.expectedConcurrentStudents; set ${P}.application.minTasks as well`],
  ['CPU target of 95%', { ...dev, application: { ...app, cpuTargetPercent: 95 } }, above('application.cpuTargetPercent', 90)],
  ['throttling rate above burst', { ...dev, api: { throttlingRateLimit: 5000, throttlingBurstLimit: 1000 } }, `${P}.api.throttlingRateLimit must not exceed ${P}.api.throttlingBurstLimit`],
  ['throttling rate above its default burst', { ...dev, api: { throttlingRateLimit: 20000 } }, `${P}.api.throttlingRateLimit must not exceed ${P}.api.throttlingBurstLimit`],
  ['throttling rate of 0', { ...dev, api: { throttlingRateLimit: 0 } }, below('api.throttlingRateLimit', 1)],
  ['throttling rate above 100,000', { ...dev, api: { throttlingRateLimit: 100001, throttlingBurstLimit: 200000 } }, above('api.throttlingRateLimit', 100000)],
  ['burst of 0', { ...dev, api: { throttlingRateLimit: 1, throttlingBurstLimit: 0 } }, below('api.throttlingBurstLimit', 1)],
  ['burst above 200,000', { ...dev, api: { throttlingBurstLimit: 200001 } }, above('api.throttlingBurstLimit', 200000)],
  ['WAF limit above 500,000', { ...dev, api: { wafRateLimitPerIp: 500001 } }, above('api.wafRateLimitPerIp', 500000)],
  ['certificate ARN of 2049 characters', { ...dev, application: { ...app, certificateArn: `arn:aws:acm:eu-west-2:123456789012:certificate/${'a'.repeat(2049 - 47)}` } }, tooLong('application.certificateArn', 2048)],
  ['container port 65536', { ...dev, application: { ...app, containerPort: 65536 } }, above('application.containerPort', 65535)],
  ['CPU target of 10%', { ...dev, application: { ...app, cpuTargetPercent: 10 } }, below('application.cpuTargetPercent', 20)],
  ['memory target of 10%', { ...dev, application: { ...app, memoryTargetPercent: 10 } }, below('application.memoryTargetPercent', 20)],
  ['memory target of 95%', { ...dev, application: { ...app, memoryTargetPercent: 95 } }, above('application.memoryTargetPercent', 90)],
  ['health check path of 256 characters', { ...dev, application: { ...app, healthCheckPath: `/${'a'.repeat(255)}` } }, tooLong('application.healthCheckPath', 255)],
  ['hostname of 254 characters', { ...dev, application: { ...app, hostname: `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.edu` } }, tooLong('application.hostname', 253)],
  ['image of 513 characters', { ...dev, application: { ...app, image: `123456789012.dkr.ecr.eu-west-2.amazonaws.com/${'a'.repeat(513 - 49)}:1.0` } }, tooLong('application.image', 512)],
  ['0 min tasks', { ...dev, application: { ...app, minTasks: 0 } }, below('application.minTasks', 1)],
  ['1,001 min tasks', { ...dev, application: { ...app, minTasks: 1001, maxTasks: 1000 } }, above('application.minTasks', 1000)],
  ['0 max tasks', { ...dev, application: { ...app, maxTasks: 0 } }, below('application.maxTasks', 1)],
  ['1,001 max tasks', { ...dev, application: { ...app, maxTasks: 1001 } }, above('application.maxTasks', 1000)],
  ['0 event shards', { ...dev, events: { streamMode: 'PROVISIONED', shards: 0 } }, below('events.shards', 1)],
  ['501 event shards', { ...dev, events: { streamMode: 'PROVISIONED', shards: 501 } }, above('events.shards', 500)],
  ['event retention under a day', { ...dev, events: { retentionHours: 12 } }, below('events.retentionHours', 24)],
  ['event retention over a year', { ...dev, events: { retentionHours: 8761 } }, above('events.retentionHours', 8760)],
  ['analytics kept under a year', { ...dev, events: { analyticsRetentionDays: 90 } }, below('events.analyticsRetentionDays', 365)],
  ['analytics kept over ten years', { ...dev, events: { analyticsRetentionDays: 3651 } }, above('events.analyticsRetentionDays', 3650)],
  ['an empty Firehose buffer', { ...dev, events: { bufferSizeMiB: 0 } }, below('events.bufferSizeMiB', 1)],
  ['a Firehose buffer over 128 MiB', { ...dev, events: { bufferSizeMiB: 129 } }, above('events.bufferSizeMiB', 128)],
  ['a Firehose interval under a minute', { ...dev, events: { bufferIntervalSeconds: 30 } }, below('events.bufferIntervalSeconds', 60)],
  ['a Firehose interval over 15 minutes', { ...dev, events: { bufferIntervalSeconds: 901 } }, above('events.bufferIntervalSeconds', 900)],
  ['shards for an on-demand stream', { ...dev, events: { shards: 4 } }, `${P}.events.shards needs ${P}.events.streamMode PROVISIONED`],
  ['a trail kept under a year', { ...dev, audit: { retentionDays: 200 } }, below('audit.retentionDays', 365)],
  ['an integration name with capitals', { ...dev, integrations: { names: ['sis', 'lms', 'Canvas'] } }, pattern('integrations.names[2]')],
  ['an integration name of 33 characters', { ...dev, integrations: { names: ['sis', 'lms', `a${'b'.repeat(32)}`] } }, tooLong('integrations.names[2]', 32)],
  ['five integrations', { ...dev, integrations: { names: ['a1', 'b1', 'c1', 'd1', 'e1'] } }, `${P}.integrations.names: Too many: 5: must have at most 4 items`],
  ['an integration named twice', { ...dev, integrations: { names: ['sis', 'sis'] } }, 'spec.parameters.integrations.names must be unique'],
  ['logs kept 100 days (not a CloudWatch period)', { ...dev, logRetentionDays: 100 }, unsupported('logRetentionDays')],
  ['logs kept 60 days', { ...dev, logRetentionDays: 60 }, below('logRetentionDays', 90)],
  ['logs kept 4000 days', { ...dev, logRetentionDays: 4000 }, above('logRetentionDays', 3653)],
  ['backups kept under a week', { ...dev, backup: { retentionDays: 3 } }, below('backup.retentionDays', 7)],
  ['backups kept over ten years', { ...dev, backup: { retentionDays: 4000 } }, above('backup.retentionDays', 3650)],
  ['prod backups kept under 35 days', { ...prod, backup: { retentionDays: 14 } }, 'spec.parameters.backup.retentionDays must be at least 35 when spec.parameters.environment is prod'],
  ['a trail kept over ten years', { ...dev, audit: { retentionDays: 4000 } }, above('audit.retentionDays', 3650)],
  ['a malformed alarm e-mail', { ...dev, operations: { alarmEmails: ['a@example.edu', 'b@example.edu', 'on-call.example.edu'] } }, pattern('operations.alarmEmails[2]')],
  ['an alarm e-mail of 255 characters', { ...dev, operations: { alarmEmails: ['a@example.edu', 'b@example.edu', `${'x'.repeat(243)}@example.edu`] } }, tooLong('operations.alarmEmails[2]', 254)],
  ['a relative health-check command', { ...dev, operations: { healthCheckCommand: 'bin/healthcheck' } }, pattern('operations.healthCheckCommand')],
  ['a health-check command with a shell', { ...dev, operations: { healthCheckCommand: '/bin/sh -c "curl x"' } }, pattern('operations.healthCheckCommand')],
  ['a health-check command of 256 characters', { ...dev, operations: { healthCheckCommand: `/${'x'.repeat(255)}` } }, tooLong('operations.healthCheckCommand', 255)],
  ['four alarm e-mails', { ...dev, operations: { alarmEmails: ['a@example.edu', 'b@example.edu', 'c@example.edu', 'd@example.edu'] } }, `${P}.operations.alarmEmails: Too many: 4: must have at most 3 items`],
  ['WAF limit below 100', { ...dev, api: { wafRateLimitPerIp: 10 } }, below('api.wafRateLimitPerIp', 100)],
  ['suffix ending with a dash', { ...dev, environmentSuffix: 'dev-' }, `${P}.environmentSuffix must be 2-12 lowercase letters, digits or "-", start with a letter and not end with "-"`],
  // enums
  ['unknown environment', { ...dev, environment: 'qa' }, unsupported('environment')],
  ['unknown data class', { ...dev, dataClassification: 'public' }, unsupported('dataClassification')],
  ['an unknown stream mode', { ...dev, events: { streamMode: 'SERVERLESS' } }, unsupported('events.streamMode')],
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
  ['one data subnet', { ...dev, network: { azCount: 2, dataSubnetCidrs: ['10.0.144.0/22'] } }, `${P}.network.dataSubnetCidrs: Invalid value: 1: ${P}.network.dataSubnetCidrs in body should have at least 2 items`],
  ['four data subnets', { ...dev, network: { dataSubnetCidrs: ['10.0.144.0/22', '10.0.148.0/22', '10.0.152.0/22', '10.0.156.0/22'] } }, `${P}.network.dataSubnetCidrs: Too many: 4: must have at most 3 items`],
  ['a /27 data subnet', { ...dev, network: { dataSubnetCidrs: ['10.0.144.0/22', '10.0.148.0/22', '10.0.152.0/27'] } }, pattern('network.dataSubnetCidrs[2]')],
  ['a data subnet of 19 characters', { ...dev, network: { dataSubnetCidrs: ['10.0.144.0/22', '10.0.148.0/22', '100.100.100.100/222'] } }, tooLong('network.dataSubnetCidrs[2]', 18)],
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

/** A claim named `name` in namespace `namespace` with these parameters. */
export const claim = (name: string, parameters: any, namespace = 'rules') => ({
  apiVersion: `${API_GROUP}/${API_VERSION}`,
  kind: CLAIM_KIND,
  metadata: { name, namespace },
  spec: { parameters },
});


/**
 * Updates the API server must refuse (transition rules, `oldSelf`): [case, the claim as created,
 * the update, a message the user must see]. Only a live API server checks these (test/live);
 * crank validate sees one object, never an update.
 */
export const BAD_UPDATES: [string, any, any, string][] = [
  ['a new environmentSuffix', dev, { ...dev, environmentSuffix: 'dev2' }, `${P}.environmentSuffix cannot change after creation`],
  ['dev turned into staging', dev, { ...dev, environment: 'staging' }, `${P}.environment cannot change after creation`],
  ['another region', dev, { ...dev, region: 'eu-west-1' }, `${P}.region cannot change after creation`],
  ['another account', dev, { ...dev, awsAccountId: '210987654321' }, `${P}.awsAccountId cannot change after creation`],
  ['another data class', dev, { ...dev, dataClassification: 'de-identified' }, `${P}.dataClassification cannot change after creation`],
  ['another VPC CIDR', dev, { ...dev, network: { vpcCidr: '10.1.0.0/16', privateSubnetCidrs: ['10.1.0.0/19', '10.1.32.0/19', '10.1.64.0/19'], publicSubnetCidrs: ['10.1.128.0/22', '10.1.132.0/22', '10.1.136.0/22'], dataSubnetCidrs: ['10.1.144.0/22', '10.1.148.0/22', '10.1.152.0/22'] } }, `${P}.network.vpcCidr cannot change after creation`],
  ['fewer AZs', { ...dev, network: { azCount: 3 } }, { ...dev, network: { azCount: 2 } }, `${P}.network.azCount cannot shrink after creation`],
  ['a moved data subnet', dev, { ...dev, network: { dataSubnetCidrs: ['10.0.144.0/22', '10.0.156.0/22', '10.0.152.0/22'] } }, `${P}.network.dataSubnetCidrs: existing entries cannot change or be removed after creation`],
  ['a moved private subnet', dev, { ...dev, network: { privateSubnetCidrs: ['10.0.0.0/19', '10.0.96.0/19', '10.0.64.0/19'] } }, `${P}.network.privateSubnetCidrs: existing entries cannot change or be removed after creation`],
  ['another container port', dev, { ...dev, application: { ...app, containerPort: 9443 } }, `${P}.application.containerPort cannot change after creation`],
  ['another hostname', dev, { ...dev, application: { ...app, hostname: 'exams.example.edu' } }, `${P}.application.hostname cannot change after creation`],
  ['shards more than doubled', { ...dev, events: { streamMode: 'PROVISIONED', shards: 4 } }, { ...dev, events: { streamMode: 'PROVISIONED', shards: 10 } }, `${P}.events.shards can at most double or halve per change`],
  ['an integration moved', { ...dev, integrations: { names: ['sis', 'lms'] } }, { ...dev, integrations: { names: ['lms'] } }, 'spec.parameters.integrations.names: a name cannot change or move'],
  ['a shorter audit retention', dev, { ...dev, audit: { retentionDays: 1000 } }, `${P}.audit.retentionDays cannot decrease`],
  ['another stream mode', dev, { ...dev, events: { streamMode: 'PROVISIONED' } }, `${P}.events.streamMode cannot change after creation`],
  ['another restore source', { ...dev, database: { restoreFrom: { snapshot: 'ap-aurora-final-prod-1' } } }, { ...dev, database: { restoreFrom: { snapshot: 'ap-aurora-final-prod-2' } } }, `${P}.database.restoreFrom cannot change after creation`],
  ['a restore added to a running claim', dev, { ...dev, database: { restoreFrom: { snapshot: 'ap-aurora-final-prod-1' } } }, `${P}.database.restoreFrom cannot be added to or removed from a running claim`],
  ['a restore removed from a running claim', { ...dev, database: { restoreFrom: { snapshot: 'ap-aurora-final-prod-1' } } }, dev, `${P}.database.restoreFrom cannot be added to or removed from a running claim`],
  ['a removed public subnet', dev, { ...dev, network: { azCount: 2, publicSubnetCidrs: ['10.0.128.0/22', '10.0.132.0/22'] } }, `${P}.network.publicSubnetCidrs: existing entries cannot change or be removed after creation`],
];

/** Updates the API server must accept: [case, the claim as created, the update]. */
export const GOOD_UPDATES: [string, any, any][] = [
  ['a third AZ with its subnets added', { ...dev, network: { azCount: 2, privateSubnetCidrs: ['10.0.0.0/19', '10.0.32.0/19'], publicSubnetCidrs: ['10.0.128.0/22', '10.0.132.0/22'] } }, { ...dev, network: { azCount: 3 } }],
  ['a new owner and more students', dev, { ...dev, owner: 'assessment-team', capacity: { expectedConcurrentStudents: 50000 } }],
  ['a new image, certificate and task bounds', dev, { ...dev, application: { ...app, image: '123456789012.dkr.ecr.eu-west-2.amazonaws.com/assessment-service:2.1.0', certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/66666666-7777-8888-9999-000000000000', minTasks: 3, maxTasks: 12 } }],
];
