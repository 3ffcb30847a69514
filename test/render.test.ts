import { FAULT_INJECTION_RESOURCES } from '../src/apis/operations/fault-injection';
import { STREAM_VARIANTS } from '../src/apis/events/kinesis-stream';
import * as fs from 'fs';
import { CONNECTION_SECRET_KEYS } from '../src/api/status';
import { EXAMPLE_CLAIMS } from '../src/examples/claims';
import { bandFor } from '../src/sizing/capacity-table';
import { SIZING_ANNOTATION } from '../src/apis/database/aurora-cluster';
import { ACCOUNT_LOGGING_RESOURCES } from '../src/apis/edge/account-logging';
import { ALB_LOG_DELIVERY_PRINCIPALS } from '../src/apis/application/alb-log-delivery';
import { RENDERED_CLAIMS } from './engine/claims';
import { Converged, convergeCached } from './engine/converge';
import { goldenFile, goldenText, updatingGolden } from './engine/golden';
import { crdFor } from './helpers/crds';
import { allComposed, ptInput, xrdSchemaDoc } from './helpers/dist';
import { getPath, missingSegment } from './helpers/field-path';

/**
 * Every claim of engine/claims.ts rendered by the real `crank render` with the real functions,
 * reconcile after reconcile with the status AWS would fill, until nothing changes; then the
 * converged output is checked as a reviewer would check the AWS change.
 */
const LABEL = 'platform.assessment-platform.io';
const report: string[] = [];
afterAll(() => report.length && console.log(`crank render to convergence:\n${report.join('\n')}`));

/** Every string anywhere in a value. */
const strings = (v: any): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);
const fp = (r: any) => r.spec.forProvider;
const kindHas = (r: any, p: string) => missingSegment(crdFor(r.apiVersion, r.kind)!.schema, p) === undefined;

/**
 * The composed resources a claim asks for, from its defaulted parameters: zone c only with 3 AZs;
 * a NAT gateway per AZ except in dev; reader k while k is within the readers in force, in the
 * variant of the claim's AZ count.
 */
const faultInjectionOn = (p: any): boolean => p.operations.faultInjection ?? p.environment !== 'prod';

function expectedNames(p: any): string[] {
  const readers = p.database.readers ?? bandFor(p.capacity.expectedConcurrentStudents).auroraReaders;
  // Every API's composed resources: the platform's and, flattened in, its tiers'.
  return allComposed()
    .map((x) => x.resource)
    .filter((r) => {
      const zone = r.base.metadata?.labels?.[`${LABEL}/zone`] ?? /-([abc])$/.exec(r.name)?.[1];
      if (zone === 'c' && p.network.azCount !== 3) return false;
      if (['NATGateway', 'EIP'].includes(r.base.kind) && zone !== 'a' && p.environment === 'dev') return false;
      if (ACCOUNT_LOGGING_RESOURCES.includes(r.name) && !p.api.manageAccountSettings) return false;
      // An alarm e-mail subscription per address.
      const subscription = /^alarm-subscription-(\d)$/.exec(r.name);
      if (subscription && Number(subscription[1]) >= p.operations.alarmEmails.length) return false;
      // The events stream of the claim's capacity mode only.
      const stream = STREAM_VARIANTS.find((x) => x.name === r.name);
      if (stream && stream.mode !== p.events.streamMode) return false;
      // A secret and its policy per integration name.
      const integration = /^integration-secret-(?:policy-)?(\d)$/.exec(r.name);
      if (integration && Number(integration[1]) >= p.integrations.names.length) return false;
      // The AZ-failure experiment where fault injection is on (unset: everywhere but prod).
      if ((FAULT_INJECTION_RESOURCES as readonly string[]).includes(r.name) && !faultInjectionOn(p)) return false;
      const reader = /^aurora-instance-reader-(\d)(?:-az([23]))?$/.exec(r.name);
      if (reader && (Number(reader[1]) > readers || (reader[2] && Number(reader[2]) !== p.network.azCount))) return false;
      return true;
    })
    .map((r) => r.name)
    .sort();
}

/** Paths of every leaf the XRD declares under status (arrays as one leaf). */
function statusLeaves(node: any, prefix: string): string[] {
  if (node.type === 'object' && node.properties) return Object.entries<any>(node.properties).flatMap(([k, v]) => statusLeaves(v, `${prefix}.${k}`));
  return [prefix];
}

/** The policy documents (IAM, KMS) of a rendered resource, parsed. */
const policies = (r: any): any[] => ['policy', 'assumeRolePolicy'].filter((k) => typeof fp(r)?.[k] === 'string').map((k) => JSON.parse(fp(r)[k]));

describe.each(RENDERED_CLAIMS.map((c) => [c.name, c] as const))('%s: rendered by crank with the real functions until it converges', (name, claim) => {
  let c: Converged;
  let p: any;
  const rs = () => Object.entries<any>(c.desired);
  beforeAll(() => {
    c = convergeCached(claim);
    p = c.xr.spec.parameters;
    const perReconcile = (c.renderMs.reduce((a, b) => a + b, 0) / c.renderMs.length).toFixed(0);
    report.push(`  ${name.padEnd(26)} ${String(Object.keys(c.desired).length).padStart(3)} composed resources, converged after ${c.reconciles.length - 1} reconciles (+1 to confirm), ${perReconcile} ms per render`);
  });

  test('converges, and the converged render has no Warning or Fatal function result', () => {
    expect(c.reconciles.length).toBeGreaterThan(1);
    expect(c.results.filter((r) => r.severity !== 'SEVERITY_NORMAL')).toEqual([]);
    expect(c.xr.status.conditions).toEqual([expect.objectContaining({ type: 'Ready', status: 'True', reason: 'Available' })]);
  });

  test('exactly the composed resources the claim asks for: none missing, none a filter should drop', () => {
    expect(Object.keys(c.desired).sort()).toEqual(expectedNames(p));
  });

  test('every AWS-side name carries the suffix; every taggable resource the compliance tags; the claim region and provider config everywhere', () => {
    const bad: string[] = [];
    const suffixed = new RegExp(`(^|[-/_])${p.environmentSuffix}($|[-/_])`);
    for (const [n, r] of rs().filter(([, x]) => x.spec.forProvider)) {
      // ElastiCache requires the user that replaces a user group's default user to be named
      // "default"; its userId, the AWS-side identity, carries the suffix.
      const userName = r.kind === 'User' && fp(r).userName === 'default' ? fp(r).userId : fp(r).userName;
      const names = [r.metadata.annotations?.['crossplane.io/external-name'], fp(r).name, userName, fp(r).userId, fp(r).finalSnapshotIdentifier, fp(r).tags?.Name].filter((x) => x);
      for (const x of names) if (!suffixed.test(x)) bad.push(`${n}: name ${x} without the suffix ${p.environmentSuffix}`);
      if (kindHas(r, 'spec.forProvider.tags')) {
        const want = { Environment: p.environment, Owner: p.owner, DataClassification: p.dataClassification, ManagedBy: 'crossplane' };
        for (const [k, v] of Object.entries(want)) if (fp(r).tags?.[k] !== v) bad.push(`${n}: tag ${k}=${fp(r).tags?.[k]}, want ${v}`);
        if (!/^ap-[a-z0-9-]+$/.test(fp(r).tags?.Name ?? '')) bad.push(`${n}: no ap-<what>-<suffix> Name tag`);
      }
      if (kindHas(r, 'spec.forProvider.region') && fp(r).region !== p.region) bad.push(`${n}: region ${fp(r).region}, want ${p.region}`);
      if (r.spec.providerConfigRef?.name !== p.providerConfigName) bad.push(`${n}: provider config ${r.spec.providerConfigRef?.name}`);
    }
    expect(bad).toEqual([]);
  });

  test('sizing is the capacity table row for the students, or the claim override', () => {
    const band = bandFor(p.capacity.expectedConcurrentStudents);
    const want = {
      tier: band.tier,
      databaseMinCapacity: p.database.minCapacity ?? band.auroraMinAcu,
      databaseMaxCapacity: p.database.maxCapacity ?? band.auroraMaxAcu,
      databaseReaders: p.database.readers ?? band.auroraReaders,
      cacheNodeType: p.cache.nodeType ?? band.cacheNodeType,
      cacheShards: p.cache.shards ?? band.cacheShards,
      cacheReplicas: p.cache.replicas ?? band.cacheReplicas,
      taskCpu: String(band.taskCpu),
      taskMemory: String(band.taskMemory),
      minTasks: p.application.minTasks ?? band.minTasks,
      maxTasks: p.application.maxTasks ?? band.maxTasks,
      ...(p.events.streamMode === 'PROVISIONED' ? { kinesisShards: p.events.shards ?? band.kinesisShards } : {}),
    };
    expect(c.xr.status.sizing).toEqual(want);
    const task = fp(c.desired['task-definition']);
    expect([task.cpu, task.memory]).toEqual([want.taskCpu, want.taskMemory]);
    const target = fp(c.desired['autoscaling-target']);
    expect([target.minCapacity, target.maxCapacity]).toEqual([want.minTasks, want.maxTasks]);
    // The service starts with the minimum and leaves the count to the autoscaler afterwards.
    expect(c.desired['ecs-service'].spec.initProvider).toEqual({ desiredCount: want.minTasks });
    expect(fp(c.desired['ecs-service']).desiredCount).toBeUndefined();
    const cluster = fp(c.desired['aurora-cluster']);
    expect(cluster.serverlessv2ScalingConfiguration).toEqual({ minCapacity: want.databaseMinCapacity, maxCapacity: want.databaseMaxCapacity });
    expect(getPath(c.desired['aurora-cluster'], SIZING_ANNOTATION.readers)).toBe(String(want.databaseReaders));
    expect(Object.keys(c.desired).filter((n) => n.startsWith('aurora-instance-reader-'))).toHaveLength(want.databaseReaders);
    const redis = fp(c.desired.redis);
    expect([redis.nodeType, redis.numNodeGroups, redis.replicasPerNodeGroup]).toEqual([want.cacheNodeType, want.cacheShards, want.cacheReplicas]);
  });

  test('every XR status field and every connection secret key is filled', () => {
    // An on-demand stream has no shard count.
    const none = p.events.streamMode === 'ON_DEMAND' ? ['status.sizing.kinesisShards'] : [];
    // Without fault injection there is no experiment template (its role and log group stay).
    if (!faultInjectionOn(p)) none.push('status.operations.experimentTemplateId');
    const empty = statusLeaves(xrdSchemaDoc().properties.status, 'status').filter((leaf) => {
      if (none.includes(leaf)) return getPath(c.xr, leaf) !== undefined;
      const v = getPath(c.xr, leaf);
      // One integration secret per name; every other list is one entry per AZ.
      if (leaf === 'status.integrations.secretArns') return (v ?? []).length !== p.integrations.names.length || (v ?? []).some((x: any) => !x);
      if (Array.isArray(v)) return v.length !== p.network.azCount || v.some((x) => !x);
      return v === undefined || v === null || v === '';
    });
    expect(empty).toEqual([]);
    // crank render does not return connection details; each key's source field must be filled on
    // the observed resource that declares it (the live control plane proves the secret itself).
    const sources = (ptInput().resources as any[]).flatMap((r) => (r.connectionDetails ?? []).map((d: any) => ({ ...d, resource: r.name })));
    for (const key of CONNECTION_SECRET_KEYS) {
      const d = sources.find((s) => s.name === key);
      expect([key, d?.type]).toEqual([key, 'FromFieldPath']);
      expect([key, getPath(c.observed[d.resource], d.fromFieldPath)]).toEqual([key, expect.anything()]);
    }
  });

  test('every ARN in an IAM or KMS policy is the claim account root or an observed resource of this claim', () => {
    // Every ARN AWS reports for a resource of this claim (its own, an execution ARN, a managed secret's).
    const observedArns = Object.values<any>(c.observed).flatMap((o) => strings(o.status?.atProvider ?? {}).filter((x) => x.startsWith('arn:')));
    // AWS's documented confused-deputy condition for the flow-logs role: the flow log's own ARN
    // does not exist until the role does, so the trust policy names the account's flow logs.
    // logs:DescribeLogGroups is a list action: it takes the account's log groups in the region, never one.
    // The S3 endpoint lets tasks read image layers from the regional bucket ECR serves them from.
    // The ECS task roles' trust names the account's ECS resources in the region (AWS's documented
    // condition: a task's ARN does not exist before the role). API Gateway's account role serves
    // every API of the region, and writes into every platform API's access-log group.
    // The images' repositories are the claim's (not composed: the claim's image and the account's
    // pull-through cache for the X-Ray daemon). ELB writes ALB access logs as its regional account.
    const repository = p.application.image.replace(/^[^/]+\//, '').replace(/[:@].*$/, '');
    const documented = [
      `arn:aws:ec2:${p.region}:${p.awsAccountId}:vpc-flow-log/*`,
      `arn:aws:logs:${p.region}:${p.awsAccountId}:log-group:*`,
      `arn:aws:s3:::prod-${p.region}-starport-layer-bucket/*`,
      `arn:aws:ecs:${p.region}:${p.awsAccountId}:*`,
      `arn:aws:apigateway:${p.region}::/*`,
      `arn:aws:logs:${p.region}:${p.awsAccountId}:log-group:/aws/apigateway/ap-api-*`,
      `arn:aws:ecr:${p.region}:${p.awsAccountId}:repository/${repository}`,
      `arn:aws:ecr:${p.region}:${p.awsAccountId}:repository/ecr-public/xray/aws-xray-daemon`,
      // CloudWatch publishes this platform's alarms (named ap-*-<suffix>) to its encrypted topic.
      `arn:aws:cloudwatch:${p.region}:${p.awsAccountId}:alarm:ap-*-${p.environmentSuffix}`,
      // The health check's scheduler runs any revision of the service's task definition family (the
      // service's revision changes with each deployment) and tags the tasks it starts in the cluster.
      `arn:aws:ecs:${p.region}:${p.awsAccountId}:task-definition/ap-assessment-${p.environmentSuffix}:*`,
      `arn:aws:ecs:${p.region}:${p.awsAccountId}:task/ap-assessment-${p.environmentSuffix}/*`,
      // FIS's documented trust condition names the account's experiments (one does not exist before
      // the role), and the deny-all network ACL FIS creates exists only during an experiment (the
      // policy limits it to the platform's VPC and to ACLs FIS tagged).
      `arn:aws:fis:${p.region}:${p.awsAccountId}:experiment/*`,
      // The task role reads the integration secrets by their name prefix: Secrets Manager appends
      // six random characters to each secret's name, and the names come from the claim.
      `arn:aws:secretsmanager:${p.region}:${p.awsAccountId}:secret:assessment-platform/${p.environmentSuffix}/integrations/*`,
      `arn:aws:ec2:${p.region}:${p.awsAccountId}:network-acl/*`,
      ...(ALB_LOG_DELIVERY_PRINCIPALS[p.region] ? [JSON.parse(ALB_LOG_DELIVERY_PRINCIPALS[p.region]).AWS] : []),
    ];
    const bad: string[] = [];
    for (const [n, r] of rs()) {
      for (const arn of policies(r).flatMap(strings).filter((s) => s.startsWith('arn:'))) {
        const root = arn === `arn:aws:iam::${p.awsAccountId}:root`;
        // The resource itself, its log streams, or objects under a prefix of an observed bucket.
        const ofObserved = observedArns.some((o) => arn === o || arn === `${o}:*` || arn === `${o}/*` || arn === `${o}:log-stream:*` || arn.startsWith(`${o}:log-stream:`) || (o.startsWith('arn:aws:s3:::') && arn.startsWith(`${o}/`)));
        if (!root && !ofObserved && !documented.includes(arn)) bad.push(`${n}: ${arn}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('no Go fmt error, unreplaced token or undefined value in any rendered string', () => {
    const bad = rs().flatMap(([n, r]) => strings(r).filter((s) => /%!|%\[|\$\{|undefined|<nil>/.test(s)).map((s) => `${n}: ${s}`));
    expect(bad).toEqual([]);
  });

  test('the Redis URL is rediss://<IAM user>@<observed configuration endpoint>:<port>', () => {
    const endpoint = c.observed.redis.status.atProvider.configurationEndpointAddress;
    const url = `rediss://${fp(c.desired['redis-user-app']).userName}@${endpoint}:${fp(c.desired.redis).port}`;
    expect(c.desired['redis-connection-secret'].metadata.annotations[`${LABEL}/redis-url`]).toBe(url);
    expect(c.xr.status.cache.url).toBe(url);
  });

  test('every Name tag is unique within the claim (the console tells a subnet from its route table)', () => {
    const byTag = new Map<string, string[]>();
    for (const [n, r] of rs()) if (fp(r)?.tags?.Name) byTag.set(fp(r).tags.Name, [...(byTag.get(fp(r).tags.Name) ?? []), n]);
    expect([...byTag].filter(([, ns]) => ns.length > 1)).toEqual([]);
  });

  test('nothing is deleted with an active prod claim (every AWS resource is orphaned), everything elsewhere; Aurora keeps deletion protection and a final snapshot', () => {
    const policy = p.environment === 'prod' ? 'Orphan' : 'Delete';
    const reader = (r: any) => r.kind === 'ClusterInstance' && fp(r).tags?.Role === 'reader';
    // The backup vault is kept in every environment, its recovery points must outlive the claim,
    // and so is the role that AWS Backup expires them with.
    const kept = ['backup-vault', 'backup-role', 'backup-role-managed-policy-0'];
    for (const n of kept) expect([n, c.desired[n].spec.deletionPolicy]).toEqual([n, 'Orphan']);
    const managed = rs().filter(([n, r]) => r.apiVersion.includes('.aws.upbound.io/') && !reader(r) && !kept.includes(n));
    expect(rs().filter(([, r]) => reader(r) && r.spec.deletionPolicy !== 'Delete').map(([n]) => n)).toEqual([]);
    expect(managed.filter(([, r]) => r.spec.deletionPolicy !== policy).map(([n]) => n)).toEqual([]);
    expect(fp(c.desired['aurora-cluster'])).toMatchObject({ deletionProtection: p.database.deletionProtection, skipFinalSnapshot: false });
    // Final snapshots are named per composite resource (the store's tier): a second teardown with the same suffix must not collide.
    expect(fp(c.desired['aurora-cluster']).finalSnapshotIdentifier).toBe(`ap-aurora-final-${p.environmentSuffix}-${c.observed.database.metadata.uid}`);
    expect(fp(c.desired.redis).finalSnapshotIdentifier).toBe(`ap-redis-final-${p.environmentSuffix}-${c.observed.cache.metadata.uid}`);
    // A deleted secret must free its name at once, or the same suffix cannot come back for 30 days;
    // the integration secrets hold keys put by hand, so a mistake must stay recoverable for 30 days.
    expect(fp(c.desired['redis-connection-secret']).recoveryWindowInDays).toBe(0);
    for (const [n, r] of rs().filter(([n]) => /^integration-secret-\d$/.test(n))) expect([n, fp(r).recoveryWindowInDays]).toEqual([n, 30]);
    expect(fp(c.desired['aurora-cluster']).deleteAutomatedBackups).toBe(false);
  });

  test('a deletion, disabling, policy change or rotation stop of any of the four platform keys reaches the alarm topic, and nothing else of KMS does', () => {
    const pattern = JSON.parse(fp(c.desired['key-changed-rule']).eventPattern);
    const keyArns = ['student-records', 'analytics', 'logs', 'secrets'].map((k) => c.observed[`kms-key-${k}`].status.atProvider.arn);
    expect(pattern).toEqual({
      source: ['aws.kms'],
      'detail-type': ['AWS API Call via CloudTrail'],
      detail: { eventSource: ['kms.amazonaws.com'], eventName: ['ScheduleKeyDeletion', 'DisableKey', 'PutKeyPolicy', 'DisableKeyRotation'], resources: { ARN: keyArns } },
    });
    expect(fp(c.desired['key-changed-rule-target']).arn).toBe(c.xr.status.operations.alarmTopicArn);
    // The trail that delivers the calls to EventBridge logs every management event, writes included.
    const trail = Object.values<any>(c.desired).find((r) => r.kind === 'Trail');
    expect(fp(trail).eventSelector).toEqual(expect.arrayContaining([expect.objectContaining({ includeManagementEvents: true, readWriteType: 'All' })]));
    // EventBridge may publish to the topic, and use the logs key for it, for this rule.
    const rule = `arn:aws:events:${p.region}:${p.awsAccountId}:rule/ap-key-changed-${p.environmentSuffix}`;
    const sources = (doc: any, sid: string) => Object.values<any>(doc.Statement.find((x: any) => x.Sid === sid).Condition).find((c) => c['aws:SourceArn'])['aws:SourceArn'];
    expect(sources(policies(c.desired['alarm-topic-policy'])[0], 'NoticeRulesPublish')).toContain(rule);
    expect(sources(policies(c.desired['kms-key-logs'])[0], 'NoticeRulesToEncryptedTopic')).toContain(rule);
  });

  test("every log group keeps the claim's logRetentionDays (never under 90)", () => {
    const groups = rs().filter(([, r]) => r.kind === 'Group' && r.apiVersion.startsWith('cloudwatchlogs.'));
    expect(groups.length).toBeGreaterThan(10);
    expect(groups.filter(([, r]) => fp(r).retentionInDays !== p.logRetentionDays).map(([n, r]) => `${n}: ${fp(r).retentionInDays}`)).toEqual([]);
    expect(p.logRetentionDays).toBeGreaterThanOrEqual(90);
  });

  test('Aurora failover prefers the writer tier and reader 1, the last reader a scale-in removes', () => {
    const tiers = rs().filter(([n]) => n.startsWith('aurora-instance-')).map(([n, r]) => [n, fp(r).promotionTier]);
    expect(tiers).toEqual(tiers.map(([n]) => [n, n === 'aurora-instance-writer' || n === 'aurora-instance-reader-1' ? 0 : 1]));
  });

  test('the data stores and their deletion order use the key of the claim data class', () => {
    const keyClass = p.dataClassification === 'de-identified' ? 'analytics' : 'student-records';
    // Every store takes the key ARN itself, from the keys tier through the platform status (a
    // reference would resolve to the key ID, which AWS reads back as the ARN: a permanent diff that
    // forces replacement; and the keys live in another composite resource).
    const keyArn = c.xr.status.keys[keyClass === 'analytics' ? 'analyticsKeyArn' : 'studentRecordsKeyArn'];
    expect(keyArn).toMatch(/^arn:aws:kms:/);
    expect(keyArn).toBe(c.observed[`kms-key-${keyClass}`].status.atProvider.arn);
    expect(fp(c.desired['aurora-cluster']).kmsKeyId).toBe(keyArn);
    expect(fp(c.desired['aurora-cluster']).masterUserSecretKmsKeyId).toBe(c.xr.status.keys.secretsKeyArn);
    expect(fp(c.desired.redis).kmsKeyId).toBe(keyArn);
    expect(fp(c.desired.redis).kmsKeyIdSelector).toBeUndefined();
    for (const [name, r] of Object.entries<any>(c.desired).filter(([, r]) => r.kind === 'ClusterInstance')) {
      expect([name, fp(r).performanceInsightsKmsKeyId, fp(r).performanceInsightsKmsKeyIdSelector]).toEqual([name, keyArn, undefined]);
    }
    expect(fp(c.desired['aurora-cluster']).performanceInsightsKmsKeyId).toBe(keyArn);
    // The stores keep the keys tier until they are gone.
    for (const u of ['usage-database-uses-keys', 'usage-cache-uses-keys']) expect(c.desired[u].spec.of.kind).toBe('XKeys');
  });

  test('a restore (database.restoreFrom) reaches the cluster only through initProvider, read once at creation; without one, nothing does', () => {
    const cluster = c.desired['aurora-cluster'].spec;
    const restore = p.database?.restoreFrom;
    const pit = restore?.pointInTime;
    const want: Record<string, unknown> = {
      ...(restore?.snapshot ? { snapshotIdentifier: restore.snapshot } : {}),
      ...(pit
        ? { restoreToPointInTime: { ...(pit.sourceClusterIdentifier ? { sourceClusterIdentifier: pit.sourceClusterIdentifier } : {}), ...(pit.sourceClusterResourceId ? { sourceClusterResourceId: pit.sourceClusterResourceId } : {}), ...(pit.restoreToTime ? { restoreToTime: pit.restoreToTime } : {}), ...(pit.latestRestorableTime ? { useLatestRestorableTime: true } : {}) } }
        : {}),
    };
    expect(cluster.initProvider ?? {}).toEqual(want);
    expect(cluster.forProvider.snapshotIdentifier).toBeUndefined();
    expect(cluster.forProvider.restoreToPointInTime).toBeUndefined();
  });
});

describe('golden renders of the example claims (test/golden; `make golden` rewrites them)', () => {
  test.each(EXAMPLE_CLAIMS.map((c) => [c.name, c] as const))('%s equals its golden file', (name, claim) => {
    const text = goldenText(convergeCached(claim));
    if (updatingGolden()) fs.writeFileSync(goldenFile(name), text);
    expect(fs.existsSync(goldenFile(name)) ? fs.readFileSync(goldenFile(name), 'utf8') : `no golden file for ${name}: run make golden`).toBe(text);
  });
});
