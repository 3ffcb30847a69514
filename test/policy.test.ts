import { WILDCARD_RESOURCE_ACTIONS } from '../src/composition/iam-wildcards';
import { VpcEndpointV1Beta2 } from '../imports/ec2-ec2.aws.upbound.io';
import { crdFor } from './helpers/crds';
import { allComposed, expandedPatches, ptInput } from './helpers/dist';
import { getPath, missingSegment } from './helpers/field-path';

/**
 * FERPA policy over the composed resources in dist/. Each check is a function of one resource
 * that returns its violations, so each is also shown failing on a deliberately bad resource.
 */
type Check = (r: any) => string[];
/** Service roles whose trust has no confused-deputy condition, and why. */
const TRUST_WITHOUT_CONDITIONS: Record<string, string> = {
  'backup-role': "AWS documents the AWS Backup service role's trust without confused-deputy conditions; the role carries only AWS's managed backup policy, and the plan's selection names exactly the Aurora cluster and the file system",
  'trail-logs-role': "AWS documents CloudTrail's CloudWatch Logs role without conditions, and delivery fails with them; its policy names only the trail's log streams",
};
/** Resources kept in AWS whenever they leave the composition, in every environment, and why. */
const ALWAYS_RETAINED: Record<string, string> = {
  'backup-role': 'AWS Backup expires recovery points with the role that took them; it stays with the vault',
  'backup-role-managed-policy-0': "the backup role's policy, kept with it",
  'backup-vault': "backups exist to outlive a mistake, a claim's deletion included, and AWS refuses to delete a vault that holds recovery points; they expire by the plan's retention",
};
/** Buckets that take SSE-S3, and why: their writer supports nothing else. */
const SSE_S3_BUCKETS: Record<string, string> = { 'alb-logs-bucket': 'Elastic Load Balancing writes access logs only to SSE-S3 buckets' };
const fp = (r: any) => r.base.spec.forProvider;
const patchTo = (r: any, to: string) => expandedPatches(r).filter((p) => p.toFieldPath === to);
const kind = (r: any) => `${r.base.apiVersion.split('.')[0]}/${r.base.kind}`;
/** Whether the resource's kind has the field at `path` in its CRD (e.g. whether it takes tags). */
const kindHas = (r: any, path: string) => missingSegment(crdFor(r.base.apiVersion, r.base.kind)!.schema, path) === undefined;

export const checks: Record<string, Check> = {
  'customer-managed KMS key for everything at rest': (r) => {
    const k = kind(r);
    const needs: Record<string, string[]> = {
      'rds/Cluster': ['kmsKeyId', 'masterUserSecretKmsKeyId'],
      'cloudwatchlogs/Group': ['kmsKeyId'],
      'secretsmanager/Secret': ['kmsKeyId'],
      'efs/FileSystem': ['kmsKeyId'],
    };
    // A key of the keys tier: its ARN from the XR status (the keys live in another composite).
    const fromKeysTier = (f: string) =>
      patchTo(r, `spec.forProvider.${f}`).some((p) => [p.fromFieldPath, ...(p.combine?.variables ?? []).map((v: any) => v.fromFieldPath)].some((x) => /^spec\.parameters\.keys\.\w+KeyArn$/.test(x ?? '')));
    const out = (needs[k] ?? []).filter((f) => !fromKeysTier(f)).map((f) => `${r.name}: ${f} is not a customer-managed key from the keys tier`);
    // Fields whose provider reference resolves to a key ID while AWS reads back the ARN (no ARN
    // extractor in provider-upjet-aws v2.6.0): they must get the key ARN from the XR status, and
    // must not carry a reference (a permanent diff on a field that forces replacement).
    const arnOnly: Record<string, string[]> = { 'elasticache/ReplicationGroup': ['kmsKeyId'], 'rds/ClusterInstance': ['performanceInsightsKmsKeyId'], 'rds/Cluster': ['performanceInsightsKmsKeyId'] };
    for (const f of arnOnly[k] ?? []) {
      if (k === 'rds/ClusterInstance' && !fp(r).performanceInsightsEnabled) continue;
      const fromKeys = patchTo(r, `spec.forProvider.${f}`).filter((p) => [p.fromFieldPath, ...(p.combine?.variables ?? []).map((v: any) => v.fromFieldPath)].some((x) => /^spec\.parameters\.keys\.\w+KeyArn$/.test(x ?? '')));
      if (!fromKeys.length) out.push(`${r.name}: ${f} is not the key ARN from the XR status`);
      if (fp(r)[`${f}Selector`] || fp(r)[`${f}Ref`]) out.push(`${r.name}: ${f} through a reference resolves to a key ID, AWS reads back an ARN`);
    }
    if (k === 'rds/Cluster' && fp(r).storageEncrypted !== true) out.push(`${r.name}: storage not encrypted`);
    if (k === 'elasticache/ReplicationGroup' && fp(r).atRestEncryptionEnabled !== 'true') out.push(`${r.name}: not encrypted at rest`);
    if (k === 'efs/FileSystem' && fp(r).encrypted !== true) out.push(`${r.name}: not encrypted at rest`);
    if (k === 'kms/Key' && (fp(r).enableKeyRotation !== true || fp(r).deletionWindowInDays !== 30)) out.push(`${r.name}: rotation off or deletion window not 30 days`);
    return out;
  },
  'KMS key policies: use only through the services that need the key': (r) => {
    if (kind(r) !== 'kms/Key') return [];
    const doc = JSON.parse(patchTo(r, 'spec.forProvider.policy')[0].combine.string.fmt);
    const covers = (actions: string | string[], wanted: string) =>
      [actions].flat().some((a) => a === '*' || (a.endsWith('*') ? wanted.startsWith(a.slice(0, -1)) : a === wanted));
    const out: string[] = [];
    for (const st of doc.Statement.filter((x: any) => x.Effect === 'Allow')) {
      const cond = st.Condition ?? {};
      const principals = [st.Principal?.AWS ?? [], st.Principal?.Service ?? [], st.Principal === '*' ? ['*'] : []].flat();
      if (principals.includes('*')) out.push(`${r.name}: ${st.Sid} allows any principal`);
      const viaService = !!cond.StringEquals?.['kms:ViaService'] && !!cond.StringEquals?.['kms:CallerAccount'];
      // A service principal is bound to this platform's resources by the encryption context.
      // (CloudWatch Logs: the platform's log groups; CloudTrail: the platform's trail, as the caller and in the context.)
      const serviceForOwnResources =
        !!st.Principal?.Service &&
        (!!cond.ArnEquals?.['kms:EncryptionContext:aws:logs:arn'] ||
          (!!cond.StringEquals?.['aws:SourceArn'] && !!cond.StringLike?.['kms:EncryptionContext:aws:cloudtrail:arn']) ||
          (!!cond.StringEquals?.['aws:SourceAccount'] && !!cond.ArnLike?.['aws:SourceArn']));
      for (const use of ['kms:Decrypt', 'kms:ReEncryptFrom', 'kms:GenerateDataKey', 'kms:Encrypt']) {
        if (covers(st.Action, use) && !viaService && !serviceForOwnResources) out.push(`${r.name}: ${st.Sid} allows ${use} without a service condition`);
      }
      // Fargate's own grant for ephemeral storage: only for this platform's cluster, only Decrypt.
      const fargateGrant = st.Principal?.Service === 'fargate.amazonaws.com' && !!cond.StringEquals?.['kms:EncryptionContext:aws:ecs:clusterName'] && JSON.stringify(cond['ForAllValues:StringEquals']?.['kms:GrantOperations']) === '["Decrypt"]';
      if (covers(st.Action, 'kms:CreateGrant') && !fargateGrant && (cond.Bool?.['kms:GrantIsForAWSResource'] !== 'true' || !viaService)) out.push(`${r.name}: ${st.Sid} allows grants that are not for AWS resources through a service`);
    }
    return out;
  },
  'database audit logs without SQL literals (pgaudit, no statement logging)': (r) => {
    if (kind(r) !== 'rds/ClusterParameterGroup') return [];
    const param = Object.fromEntries((fp(r).parameter ?? []).map((x: any) => [x.name, x.value]));
    const out: string[] = [];
    if (param.log_statement !== 'none') out.push(`${r.name}: log_statement is ${param.log_statement ?? 'unset'}, not none`);
    if (param.log_min_duration_statement !== '-1') out.push(`${r.name}: log_min_duration_statement is ${param.log_min_duration_statement ?? 'unset'}: slow statements are logged with their literal values`);
    if (!String(param.shared_preload_libraries ?? '').split(',').includes('pgaudit')) out.push(`${r.name}: pgaudit is not preloaded`);
    if (param['pgaudit.log_parameter'] !== '0') out.push(`${r.name}: pgaudit logs statement parameters`);
    if (!param['pgaudit.log']) out.push(`${r.name}: pgaudit.log is unset`);
    return out;
  },
  'Redis users: the default user off, the application without dangerous commands': (r) => {
    if (kind(r) !== 'elasticache/User') return [];
    const acl: string[] = String(fp(r).accessString ?? '').split(/\s+/);
    if (fp(r).userName === 'default') return acl[0] === 'off' && acl.includes('-@all') ? [] : [`${r.name}: the default user is not switched off`];
    const out: string[] = [];
    if (fp(r).authenticationMode?.type !== 'iam') out.push(`${r.name}: not IAM-authenticated`);
    const dangerousAt = acl.indexOf('-@dangerous');
    if (dangerousAt < 0) out.push(`${r.name}: dangerous commands allowed`);
    // Only INFO may come back after -@dangerous; nothing re-adds a dangerous category or command.
    const readded = acl.slice(dangerousAt + 1).filter((a) => a.startsWith('+') && a !== '+info');
    if (readded.length) out.push(`${r.name}: re-adds ${readded.join(' ')}`);
    return out;
  },
  'TLS 1.2 or higher in transit': (r) => {
    const k = kind(r);
    if (k === 'elasticache/ReplicationGroup' && !(fp(r).transitEncryptionEnabled === true && fp(r).transitEncryptionMode === 'required')) return [`${r.name}: TLS not required`];
    if (k === 'rds/ClusterParameterGroup') {
      const params = Object.fromEntries(fp(r).parameter.map((p: any) => [p.name, p.value]));
      if (params['rds.force_ssl'] !== '1' || !['TLSv1.2', 'TLSv1.3'].includes(params.ssl_min_protocol_version)) return [`${r.name}: TLS not forced at 1.2+`];
    }
    // The ALB terminates TLS 1.3/1.2 and re-encrypts to the tasks; the NLB passes TLS through (TCP 443).
    if (k === 'elbv2/LBListener' && !((fp(r).protocol === 'HTTPS' && /^ELBSecurityPolicy-TLS13-1-[23]-/.test(fp(r).sslPolicy)) || (fp(r).protocol === 'TCP' && fp(r).port === 443))) return [`${r.name}: ${fp(r).protocol} without a TLS 1.2+ policy`];
    if (k === 'elbv2/LBTargetGroup' && !['HTTPS', 'TCP'].includes(fp(r).protocol)) return [`${r.name}: plain ${fp(r).protocol} to the targets`];
    if (k === 'apigateway/DomainName' && fp(r).securityPolicy !== 'TLS_1_2') return [`${r.name}: security policy ${fp(r).securityPolicy}`];
    if (k === 'apigateway/RestAPI' && fp(r).disableExecuteApiEndpoint !== true) return [`${r.name}: the execute-api endpoint (TLS 1.0 allowed) is on`];
    if (k === 'apigateway/Integration') {
      const uri = patchTo(r, 'spec.forProvider.uri')[0]?.transforms?.[0]?.string?.fmt ?? '';
      if (!uri.startsWith('https://') || fp(r).tlsConfig?.insecureSkipVerification !== false) return [`${r.name}: not verified TLS to the ALB`];
    }
    if (k === 'efs/FileSystemPolicy') {
      const doc = JSON.parse(patchTo(r, 'spec.forProvider.policy')[0].combine.string.fmt);
      if (!doc.Statement.some((st: any) => st.Effect === 'Deny' && st.Condition?.Bool?.['aws:SecureTransport'] === 'false')) return [`${r.name}: NFS without TLS not denied`];
    }
    return [];
  },
  'data stores in isolated data subnets (no route out of the VPC)': (r) => {
    const k = kind(r);
    const access = (sel: any) => sel?.matchLabels?.['platform.assessment-platform.io/access'];
    // A store's subnet group takes the network tier's data subnet IDs, and nothing else.
    if (['rds/SubnetGroup', 'elasticache/SubnetGroup'].includes(k)) {
      const ids = patchTo(r, 'spec.forProvider.subnetIds');
      if (fp(r).subnetIdSelector || ids.length !== 1 || ids[0].fromFieldPath !== 'spec.parameters.vpc.dataSubnetIds') return [`${r.name}: not the data subnets`];
    }
    if (k === 'rds/ClusterInstance' && fp(r).publiclyAccessible !== false) return [`${r.name}: publicly accessible`];
    if (k === 'ec2/Subnet' && fp(r).mapPublicIpOnLaunch !== false) return [`${r.name}: maps public IPs`];
    // The data route table holds no route (only the VPC's implicit local one)...
    if (k === 'ec2/Route' && access(fp(r).routeTableIdSelector) === 'data') return [`${r.name}: a route in the data subnets' route table`];
    // ...and a data subnet is associated with it and nothing else.
    if (k === 'ec2/RouteTableAssociation' && (access(fp(r).subnetIdSelector) === 'data') !== (access(fp(r).routeTableIdSelector) === 'data')) return [`${r.name}: a data subnet with another route table, or the data route table on another subnet`];
    return [];
  },
  'no 0.0.0.0/0 ingress anywhere, no internet-facing load balancer (API Gateway is the only public entry)': (r) => {
    const k = kind(r);
    if (k === 'elbv2/LB' && fp(r).internal !== true) return [`${r.name}: internet-facing`];
    if (k === 'ecs/Service' && fp(r).networkConfiguration?.assignPublicIp !== false) return [`${r.name}: tasks get public IPs`];
    if (k !== 'ec2/SecurityGroupIngressRule') return [];
    return fp(r).cidrIpv4 || fp(r).cidrIpv6 || fp(r).prefixListId ? [`${r.name}: ingress from addresses, not from a security group`] : [];
  },
  'API Gateway: IAM authorization, throttling, X-Ray, access logs, no data tracing': (r) => {
    const k = kind(r);
    if (k === 'apigateway/Method' && fp(r).authorization !== 'AWS_IAM') return [`${r.name}: authorization ${fp(r).authorization}`];
    if (k === 'apigateway/Stage' && (fp(r).xrayTracingEnabled !== true || !patchTo(r, 'spec.forProvider.accessLogSettings.destinationArn').length)) return [`${r.name}: no tracing or no access log`];
    if (k === 'apigateway/MethodSettings') {
      const out: string[] = [];
      for (const f of ['throttlingRateLimit', 'throttlingBurstLimit']) if (patchTo(r, `spec.forProvider.settings.${f}`)[0]?.fromFieldPath !== `spec.parameters.api.${f}`) out.push(`${r.name}: ${f} not from the claim`);
      if (fp(r).methodPath !== '*/*') out.push(`${r.name}: not every method`);
      if (fp(r).settings.dataTraceEnabled !== false || fp(r).settings.loggingLevel !== 'OFF') out.push(`${r.name}: execution logs (request bodies, an unencrypted group)`);
      return out;
    }
    return [];
  },
  'containers: non-root, read-only root filesystem, secrets by ARN only': (r) => {
    if (kind(r) !== 'ecs/TaskDefinition') return [];
    const fmt = patchTo(r, 'spec.forProvider.containerDefinitions')[0]?.combine?.string?.fmt;
    if (!fmt) return [`${r.name}: no container definitions`];
    const containers = JSON.parse(fmt.replace(/%\[(\d+)\]v(?=[,}\]])/g, '0'));
    const out: string[] = [];
    for (const c of containers) {
      if (!c.user || /^(0|root)(:|$)/.test(c.user)) out.push(`${r.name}: ${c.name} runs as root`);
      if (c.readonlyRootFilesystem !== true) out.push(`${r.name}: ${c.name} has a writable root filesystem`);
      if (c.privileged) out.push(`${r.name}: ${c.name} is privileged`);
      for (const e of c.environment ?? []) if (/PASSWORD|SECRET|TOKEN|CREDENTIAL|REDIS_URL/i.test(e.name)) out.push(`${r.name}: ${c.name} takes ${e.name} as a plain value`);
      for (const sec of c.secrets ?? []) if (!/^%\[\d+\]v$/.test(sec.valueFrom)) out.push(`${r.name}: ${c.name} secret ${sec.name} not by the ARN of a store's secret`);
    }
    for (const v of fp(r).volume ?? []) {
      const efs = v.efsVolumeConfiguration;
      if (efs && (efs.transitEncryption !== 'ENABLED' || efs.authorizationConfig?.iam !== 'ENABLED')) out.push(`${r.name}: EFS volume without TLS or IAM authorization`);
    }
    return out;
  },
  'buckets: SSE-KMS, versioned, private, owner-enforced, TLS only, with a lifecycle': (r) => {
    if (kind(r) !== 's3/Bucket') return [];
    const labels = r.base.metadata?.labels ?? {};
    const parts = resources().filter((x) => {
      const sel = x.base.spec?.forProvider?.bucketSelector?.matchLabels ?? {};
      return Object.keys(sel).length > 0 && Object.entries<string>(sel).every(([k, v]) => labels[k] === v);
    });
    const part = (k: string) => parts.find((x) => x.base.kind === k);
    const out: string[] = [];
    const sse = part('BucketServerSideEncryptionConfiguration');
    // SSE-KMS with a customer-managed key, except where the writer supports nothing else.
    const algorithm = sse?.base.spec.forProvider.rule?.[0]?.applyServerSideEncryptionByDefault?.sseAlgorithm;
    if (algorithm !== 'aws:kms' && !(algorithm === 'AES256' && SSE_S3_BUCKETS[r.name])) out.push(`${r.name}: no SSE-KMS default encryption`);
    if (algorithm === 'aws:kms' && !patchTo(sse, 'spec.forProvider.rule[0].applyServerSideEncryptionByDefault.kmsMasterKeyId').length) out.push(`${r.name}: SSE-KMS without the platform's key`);
    if (part('BucketVersioning')?.base.spec.forProvider.versioningConfiguration?.status !== 'Enabled') out.push(`${r.name}: not versioned`);
    const pab = part('BucketPublicAccessBlock')?.base.spec.forProvider ?? {};
    if (!['blockPublicAcls', 'blockPublicPolicy', 'ignorePublicAcls', 'restrictPublicBuckets'].every((f) => pab[f] === true)) out.push(`${r.name}: public access not fully blocked`);
    if (part('BucketOwnershipControls')?.base.spec.forProvider.rule?.objectOwnership !== 'BucketOwnerEnforced') out.push(`${r.name}: ACLs not disabled`);
    const policy = part('BucketPolicy') && JSON.parse(patchTo(part('BucketPolicy'), 'spec.forProvider.policy')[0].combine.string.fmt.replace(/%\[\d+\]v/g, 'X').replace(/"Principal":X/g, '"Principal":{}'));
    if (!policy?.Statement.some((st: any) => st.Effect === 'Deny' && st.Condition?.Bool?.['aws:SecureTransport'] === 'false' && st.Action === 's3:*')) out.push(`${r.name}: requests without TLS not denied`);
    const rule = part('BucketLifecycleConfiguration')?.base.spec.forProvider.rule?.[0];
    if (!(rule?.status === 'Enabled' && rule.expiration?.[0]?.days >= 90)) out.push(`${r.name}: no lifecycle keeping logs 90 days or more`);
    return out;
  },
  'no egress to the internet: the app reaches its stores, the VPC endpoints and S3, nothing else': (r) => {
    if (kind(r) !== 'ec2/SecurityGroupEgressRule') return [];
    return fp(r).cidrIpv4 === '0.0.0.0/0' || fp(r).cidrIpv6 === '::/0' ? [`${r.name}: egress to the internet`] : [];
  },
  'compliance tags on every taggable resource': (r) => {
    if (!kindHas(r, 'spec.forProvider.tags')) return [];
    return ['Environment', 'Owner', 'DataClassification']
      .filter((t) => !patchTo(r, `spec.forProvider.tags.${t}`).length)
      .map((t) => `${r.name}: no ${t} tag`)
      .concat(fp(r).tags?.ManagedBy === 'crossplane' ? [] : [`${r.name}: no ManagedBy tag`]);
  },
  'suffixed Name tag on every taggable resource': (r) => {
    if (!kindHas(r, 'spec.forProvider.tags')) return [];
    const name = patchTo(r, 'spec.forProvider.tags.Name')[0];
    return name?.fromFieldPath === 'spec.parameters.environmentSuffix' && /^ap-[a-z0-9-]+-%s$/.test(name.transforms?.[0]?.string?.fmt ?? '') ? [] : [`${r.name}: no ap-<what>-<suffix> Name tag`];
  },
  'environment suffix in every AWS-side name': (r) => {
    const nameFields = ['metadata.annotations[crossplane.io/external-name]', 'spec.forProvider.name', 'spec.forProvider.tags.Name', 'spec.forProvider.userName'];
    const named = expandedPatches(r).filter(
      (p) =>
        nameFields.includes(p.toFieldPath) &&
        (p.fromFieldPath === 'spec.parameters.environmentSuffix' || p.combine?.variables.some((v: any) => v.fromFieldPath === 'spec.parameters.environmentSuffix')),
    );
    // Kinds with neither a name nor tags (routes, associations, rotation, versions) have no AWS-side name.
    const hasName = kindHas(r, 'spec.forProvider.tags') || kindHas(r, 'spec.forProvider.name');
    return hasName && !named.length ? [`${r.name}: no suffixed name`] : [];
  },
  'log retention of 90 days or more': (r) => (kind(r) === 'cloudwatchlogs/Group' && !(fp(r).retentionInDays >= 90) ? [`${r.name}: retention ${fp(r).retentionInDays}`] : []),
  'no secret value in any manifest': (r) => {
    const out: string[] = [];
    const walk = (v: any, p: string) => {
      if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
        if (/password|secretstring|authtoken|secretbinary/i.test(k) && typeof x === 'string' && x) out.push(`${r.name}: literal ${p}.${k}`);
        if (/password|authtoken/i.test(k) && x && typeof x === 'object' && 'key' in (x as object)) out.push(`${r.name}: password reference ${p}.${k}`);
        walk(x, `${p}.${k}`);
      }
    };
    walk(r.base, 'base');
    if (kind(r) === 'rds/Cluster' && fp(r).manageMasterUserPassword !== true) out.push(`${r.name}: master password not managed by RDS`);
    return out;
  },
  'deletion safety in prod': (r) => {
    // A prod environment is deleted only by a retirement (spec.parameters.retire); otherwise every
    // AWS resource is orphaned, so no store is left without what it depends on. Keys and log groups
    // stay even then (snapshots are encrypted with the keys; the audit trail outlives the environment).
    if (!r.base.apiVersion.includes('.aws.upbound.io/')) return []; // Crossplane's own kinds (ClusterUsage)
    const k = kind(r);
    const out: string[] = [];
    // Aurora readers hold no data and must go when the claim scales them away (else they run on, unmanaged).
    if (k === 'rds/ClusterInstance' && fp(r).tags?.Role === 'reader') {
      return r.base.spec.deletionPolicy === 'Delete' && !patchTo(r, 'spec.deletionPolicy').length ? [] : [`${r.name}: a reader that the claim scales away would be orphaned`];
    }
    // Kept in AWS in every environment, by its base and no patch: only what the list names, with why.
    if (r.base.spec.deletionPolicy === 'Orphan' && !patchTo(r, 'spec.deletionPolicy').length) {
      return ALWAYS_RETAINED[r.name] ? [] : [`${r.name}: orphaned in every environment without a reason in ALWAYS_RETAINED`];
    }
    const policy = patchTo(r, 'spec.deletionPolicy');
    const vars = policy[0]?.combine?.variables?.map((v: any) => v.fromFieldPath);
    const map = policy[0]?.transforms?.[0]?.map ?? {};
    if (policy.length !== 1 || JSON.stringify(vars) !== '["spec.parameters.environment","spec.parameters.retire"]') return [`${r.name}: deletionPolicy not set from the environment and its retirement`];
    if (map['prod/false'] !== 'Orphan') out.push(`${r.name}: deleted with an active prod claim`);
    // Also kept: the EFS file system and its backup policy (unlike Aurora and Redis it leaves no
    // final snapshot; deleting the policy would stop its backups), and the
    // log buckets with their settings (the access logs outlive the environment like the log groups).
    const retained = ['kms/Key', 'cloudwatchlogs/Group', 'efs/FileSystem', 'efs/BackupPolicy'].includes(k) || k.startsWith('s3/');
    if (retained && map['prod/true'] !== 'Orphan') out.push(`${r.name}: deleted by a prod retirement (it must outlive the environment)`);
    if (!retained && map['prod/true'] !== 'Delete') out.push(`${r.name}: left behind by a prod retirement`);
    if (k === 'rds/Cluster') {
      if (fp(r).skipFinalSnapshot !== false) out.push(`${r.name}: final snapshot skipped`);
      if (!patchTo(r, 'spec.forProvider.finalSnapshotIdentifier').length) out.push(`${r.name}: no final snapshot identifier`);
      const protection = patchTo(r, 'spec.forProvider.deletionProtection')[0];
      const on = protection?.transforms?.[0]?.map ?? {};
      if (JSON.stringify(protection?.combine?.variables?.map((v: any) => v.fromFieldPath)) !== '["spec.parameters.database.deletionProtection","spec.parameters.retire"]' || on['true/false'] !== true || on['true/true'] !== false) {
        out.push(`${r.name}: deletion protection not wired to database.deletionProtection and the retirement`);
      }
    }
    if (k === 'elasticache/ReplicationGroup' && !patchTo(r, 'spec.forProvider.finalSnapshotIdentifier').length) out.push(`${r.name}: no final snapshot`);
    return out;
  },
  'VPC endpoints only with their attachments': (r) => {
    // v1beta2 VPCEndpoint has no subnet, security-group or route-table fields in forProvider. An
    // interface endpoint with private DNS and no subnet makes its service's name unresolvable in the
    // VPC, and a gateway endpoint without a route table does nothing; so an endpoint needs the
    // association kinds that select it.
    if (kind(r) !== 'ec2/VPCEndpoint') return [];
    const needs = fp(r).vpcEndpointType === 'Gateway' ? ['VPCEndpointRouteTableAssociation'] : ['VPCEndpointSubnetAssociation', 'VPCEndpointSecurityGroupAssociation'];
    const labels = r.base.metadata?.labels ?? {};
    const selectsIt = (a: any) => {
      const wanted = Object.entries<string>(a.base.spec?.forProvider?.vpcEndpointIdSelector?.matchLabels ?? {});
      return wanted.length > 0 && wanted.every(([k, v]) => labels[k] === v);
    };
    return needs.filter((k) => !resources().some((a) => a.base.kind === k && selectsIt(a))).map((k) => `${r.name}: no ${k} selects it`);
  },
  'no deferred modifications: a claim change applies now, not in the maintenance window': (r) => {
    // With applyImmediately false AWS keeps the old value until the window, the provider reads it
    // back, sees a diff and re-issues the modification on every poll; a capacity change made before
    // an exam would wait for the window.
    if (!['rds/Cluster', 'rds/ClusterInstance', 'elasticache/ReplicationGroup'].includes(kind(r))) return [];
    return fp(r).applyImmediately === true ? [] : [`${r.name}: applyImmediately is ${fp(r).applyImmediately}`];
  },
  'VPC endpoints admit only principals of the claim account (no default full-access policy)': (r) => {
    if (kind(r) !== 'ec2/VPCEndpoint') return [];
    const p = patchTo(r, 'spec.forProvider.policy')[0];
    if (!p) return [`${r.name}: no endpoint policy (AWS's default allows everything)`];
    const doc = JSON.parse(p.combine.string.fmt);
    const open = doc.Statement.filter((st: any) => st.Effect === 'Allow' && st.Action === '*' && st.Condition?.StringEquals?.['aws:PrincipalAccount'] === undefined);
    return open.map((st: any) => `${r.name}: ${st.Sid} allows any account`);
  },
  'service roles: the trust admits the service only for this account (confused-deputy conditions)': (r) => {
    if (kind(r) !== 'iam/Role') return [];
    const text = fp(r).assumeRolePolicy ?? patchTo(r, 'spec.forProvider.assumeRolePolicy')[0]?.combine.string.fmt;
    if (!text) return [`${r.name}: no trust policy`];
    const trust = JSON.parse(text.replace(/%\[\d+\][sv]/g, 'X'));
    return trust.Statement.filter((st: any) => st.Principal?.Service).flatMap((st: any) => {
      const keys = Object.values<any>(st.Condition ?? {}).flatMap((c) => Object.keys(c));
      const bound = keys.includes('aws:SourceArn') || keys.includes('aws:SourceAccount') || keys.includes('sts:ExternalId');
      return bound || TRUST_WITHOUT_CONDITIONS[r.name] ? [] : [`${r.name}: ${st.Principal.Service} may assume it for anyone`];
    });
  },
  'no reconcile fights: no late-initialised fields that others own': (r) => {
    const k = kind(r);
    // The claim's engineVersion is an enum of full versions (16.6, not 16), which AWS does not rewrite.
    if (k === 'rds/Cluster' && getPath(patchTo(r, 'spec.forProvider.engineVersion')[0], 'fromFieldPath') !== 'spec.parameters.database.engineVersion') return [`${r.name}: engineVersion not from the claim`];
    if (k === 'rds/ClusterInstance' && (fp(r).engineVersion !== undefined || fp(r).autoMinorVersionUpgrade !== false)) return [`${r.name}: instance version drifts`];
    // The autoscaler owns the service's desired count: set once, at creation.
    if (k === 'ecs/Service' && (fp(r).desiredCount !== undefined || patchTo(r, 'spec.forProvider.desiredCount').length || !patchTo(r, 'spec.initProvider.desiredCount').length)) return [`${r.name}: desiredCount in forProvider fights the autoscaler`];
    return [];
  },
};

/** The AWS managed resources of every API (the platform's and its tiers'); Crossplane's own kinds and the tier composites carry none of these duties. */
const resources = () => allComposed().map((x) => x.resource).filter((r) => r.base.kind !== 'ClusterUsage' && !String(r.base.apiVersion).startsWith('platform.assessment-platform.io/')) as any[];
const clone = (r: any) => structuredClone(r);
const byName = (n: string) => clone(resources().find((r) => r.name === n));

/** A deliberately bad variant of a real resource for each check. */
const badCases: Record<string, () => any> = {
  'customer-managed KMS key for everything at rest': () => { const r = byName('aurora-cluster'); r.patches = r.patches.filter((p: any) => p.toFieldPath !== 'spec.forProvider.kmsKeyId'); return r; },
  'database audit logs without SQL literals (pgaudit, no statement logging)': () => {
    const r = byName('aurora-cluster-parameter-group');
    r.base.spec.forProvider.parameter = r.base.spec.forProvider.parameter.map((x: any) => (x.name === 'log_min_duration_statement' ? { ...x, value: '1000' } : x));
    return r;
  },
  // The old policy: the account root may do anything, decrypt included, from anywhere.
  'KMS key policies: use only through the services that need the key': () => {
    const r = byName('kms-key-student-records');
    const p = r.patches.find((x: any) => x.toFieldPath === 'spec.forProvider.policy');
    p.combine.string.fmt = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'AccountAdministration', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::%[1]s:root' }, Action: 'kms:*', Resource: '*' }] });
    return r;
  },
  'Redis users: the default user off, the application without dangerous commands': () => { const r = byName('redis-user-app'); r.base.spec.forProvider.accessString = 'on ~* +@all'; return r; },
  'TLS 1.2 or higher in transit': () => { const r = byName('redis'); r.base.spec.forProvider.transitEncryptionMode = 'preferred'; return r; },
  // The old layout: the stores shared the app's private subnets, whose default route goes to the NAT.
  'data stores in isolated data subnets (no route out of the VPC)': () => {
    const r = byName('aurora-subnet-group');
    r.patches.find((p: any) => p.toFieldPath === 'spec.forProvider.subnetIds').fromFieldPath = 'spec.parameters.vpc.privateSubnetIds';
    return r;
  },
  'no 0.0.0.0/0 ingress anywhere, no internet-facing load balancer (API Gateway is the only public entry)': () => { const r = byName('sg-rule-alb-in-nlb'); r.base.spec.forProvider.cidrIpv4 = '0.0.0.0/0'; return r; },
  'API Gateway: IAM authorization, throttling, X-Ray, access logs, no data tracing': () => { const r = byName('api-method-proxy'); r.base.spec.forProvider.authorization = 'NONE'; return r; },
  'containers: non-root, read-only root filesystem, secrets by ARN only': () => {
    const r = byName('task-definition');
    const p = r.patches.find((x: any) => x.toFieldPath === 'spec.forProvider.containerDefinitions');
    p.combine.string.fmt = p.combine.string.fmt.replace('"readonlyRootFilesystem":true', '"readonlyRootFilesystem":false').replace('"user":"1000:1000"', '"user":"0"');
    return r;
  },
  'buckets: SSE-KMS, versioned, private, owner-enforced, TLS only, with a lifecycle': () => { const r = byName('alb-logs-bucket'); r.base.metadata.labels = { other: 'bucket' }; return r; },
  // The old rule: HTTPS from the app tier to anywhere, through the NAT gateways.
  'no egress to the internet: the app reaches its stores, the VPC endpoints and S3, nothing else': () => {
    const r = byName('sg-rule-app-out-s3');
    delete r.base.spec.forProvider.prefixListId;
    r.base.spec.forProvider.cidrIpv4 = '0.0.0.0/0';
    return r;
  },
  'compliance tags on every taggable resource': () => { const r = byName('vpc'); r.patches = r.patches.filter((p: any) => p.patchSetName !== 'tags'); return r; },
  'suffixed Name tag on every taggable resource': () => { const r = byName('aurora-cluster'); r.patches = r.patches.filter((p: any) => p.toFieldPath !== 'spec.forProvider.tags.Name'); return r; },
  'environment suffix in every AWS-side name': () => { const r = byName('sg-app'); r.patches = r.patches.filter((p: any) => p.fromFieldPath !== 'spec.parameters.environmentSuffix'); return r; },
  'log retention of 90 days or more': () => { const r = byName('flow-logs-log-group'); r.base.spec.forProvider.retentionInDays = 30; return r; },
  'no secret value in any manifest': () => { const r = byName('aurora-cluster'); r.base.spec.forProvider.masterPassword = 'hunter2'; return r; },
  // The old behaviour: the subnet group was deleted while its orphaned cluster still used it.
  'deletion safety in prod': () => { const r = byName('aurora-subnet-group'); r.patches = r.patches.filter((p: any) => !String(p.patchSetName).startsWith('deletion-policy')); return r; },
  'VPC endpoints only with their attachments': () => ({
    name: 'vpc-endpoint-unattached',
    base: VpcEndpointV1Beta2.manifest({
      metadata: { labels: { 'platform.assessment-platform.io/component': 'vpc-endpoint-unattached' } },
      spec: { forProvider: { region: 'eu-west-2', serviceName: 'com.amazonaws.eu-west-2.kms', vpcEndpointType: 'Interface', privateDnsEnabled: true } },
    }),
  }),
  'service roles: the trust admits the service only for this account (confused-deputy conditions)': () => {
    const r = byName('firehose-role');
    const p = patchTo(r, 'spec.forProvider.assumeRolePolicy')[0];
    p.combine.string.fmt = p.combine.string.fmt.replace(/,"Condition":\{.*\}\}\]\}$/, '}]}');
    return r;
  },
  'no deferred modifications: a claim change applies now, not in the maintenance window': () => { const r = byName('redis'); r.base.spec.forProvider.applyImmediately = false; return r; },
  'VPC endpoints admit only principals of the claim account (no default full-access policy)': () => {
    const r = byName('vpc-endpoint-sts');
    r.patches = r.patches.filter((p: any) => p.toFieldPath !== 'spec.forProvider.policy');
    return r;
  },
  'no reconcile fights: no late-initialised fields that others own': () => { const r = byName('aurora-instance-writer'); r.base.spec.forProvider.autoMinorVersionUpgrade = true; return r; },
};

describe('FERPA policy over dist/', () => {
  test.each(Object.keys(checks))('%s: holds for every composed resource', (name) => {
    expect(resources().flatMap(checks[name])).toEqual([]);
  });

  test.each(Object.keys(checks))('%s: fails on a deliberately bad resource', (name) => {
    expect(checks[name](badCases[name]()).length).toBeGreaterThan(0);
  });

  test('an endpoint association counts only when its selector picks the endpoint', () => {
    const input = ptInput();
    const original = input.resources;
    const endpoint = badCases['VPC endpoints only with their attachments']();
    const association = (kind: string, selector?: object) => ({ name: kind, base: { kind, spec: { forProvider: selector ? { vpcEndpointIdSelector: selector } : {} } } });
    try {
      input.resources = [...original, association('VPCEndpointSubnetAssociation'), association('VPCEndpointSecurityGroupAssociation')];
      expect(checks['VPC endpoints only with their attachments'](endpoint)).toHaveLength(2);
      const picks = { matchControllerRef: true, matchLabels: endpoint.base.metadata.labels };
      input.resources = [...original, association('VPCEndpointSubnetAssociation', picks), association('VPCEndpointSecurityGroupAssociation', picks)];
      expect(checks['VPC endpoints only with their attachments'](endpoint)).toEqual([]);
    } finally {
      input.resources = original;
    }
  });

  test('a key reference where the provider resolves a key ID is caught (Redis, Performance Insights on an instance)', () => {
    const check = checks['customer-managed KMS key for everything at rest'];
    const redis = byName('redis');
    redis.patches = redis.patches.filter((p: any) => p.toFieldPath !== 'spec.forProvider.kmsKeyId');
    redis.base.spec.forProvider.kmsKeyIdSelector = { matchControllerRef: true, matchLabels: { 'platform.assessment-platform.io/key-class': 'student-records' } };
    expect(check(redis)).toEqual(['redis: kmsKeyId is not the key ARN from the XR status', 'redis: kmsKeyId through a reference resolves to a key ID, AWS reads back an ARN']);
    const writer = byName('aurora-instance-writer');
    writer.base.spec.forProvider.performanceInsightsKmsKeyIdSelector = { matchControllerRef: true, matchLabels: { 'platform.assessment-platform.io/key-class': 'student-records' } };
    expect(check(writer)).toEqual(['aurora-instance-writer: performanceInsightsKmsKeyId through a reference resolves to a key ID, AWS reads back an ARN']);
  });

  test('every data store and log group exists in the composition', () => {
    const kinds = new Set(resources().map(kind));
    for (const k of ['rds/Cluster', 'elasticache/ReplicationGroup', 'kms/Key', 'cloudwatchlogs/Group', 'secretsmanager/Secret', 'ec2/FlowLog']) expect(kinds.has(k)).toBe(true);
  });

  test('IAM policies name real, scoped ARNs: "*" only for the actions AWS offers no resource for, each listed with its reason', () => {
    const wildcards: string[] = [];
    for (const r of resources().filter((x) => x.base.apiVersion.startsWith('iam.'))) {
      for (const p of expandedPatches(r).filter((x) => x.combine && /[pP]olicy$/.test(x.toFieldPath) && x.toFieldPath !== 'spec.deletionPolicy')) {
        const doc = JSON.parse(p.combine.string.fmt);
        for (const s of doc.Statement) {
          expect([r.name, s.Action]).not.toEqual([r.name, '*']);
          if (JSON.stringify(s.Resource ?? 'n/a') !== '"*"') continue;
          wildcards.push(...[s.Action].flat().map((a: string) => `${r.name}: ${a}`));
        }
      }
    }
    const allowed = Object.keys(WILDCARD_RESOURCE_ACTIONS);
    expect(wildcards.filter((w) => !allowed.includes(w.split(': ')[1]))).toEqual([]);
    // Every listed action is used (the list stays the list of what the policies need) and has a reason.
    expect(allowed.filter((a) => !wildcards.some((w) => w.endsWith(`: ${a}`)))).toEqual([]);
    for (const why of Object.values(WILDCARD_RESOURCE_ACTIONS)) expect(why.length).toBeGreaterThan(20);
  });
});
