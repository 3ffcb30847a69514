import { JsonSchema, obj, str } from './schema';

const ids = (description: string): JsonSchema => ({ type: 'array', description, items: { type: 'string' } });

/** The key ARNs: status.keys of the keys tier (XKeys) and, copied from it, of the platform. */
export const KEYS_STATUS: JsonSchema = obj('ARNs of the customer-managed KMS keys, one per data class.', {
  studentRecordsKeyArn: str('Key for student records (Aurora, Redis, backups).'),
  analyticsKeyArn: str('Key for de-identified analytics data.'),
  logsKeyArn: str('Key for CloudWatch log groups.'),
  secretsKeyArn: str('Key for Secrets Manager secrets.'),
});

export const SIZING_STATUS: JsonSchema = obj('The sizing in force, after capacity-table defaults and claim overrides.', {
    tier: str('Capacity-table row chosen by expectedConcurrentStudents.'),
    databaseMinCapacity: { type: 'number', description: 'Aurora minimum ACUs in force.' },
    databaseMaxCapacity: { type: 'number', description: 'Aurora maximum ACUs in force.' },
    databaseReaders: { type: 'integer', description: 'Aurora readers in force.' },
    cacheNodeType: str('ElastiCache node type in force.'),
    cacheShards: { type: 'integer', description: 'ElastiCache shards in force.' },
    cacheReplicas: { type: 'integer', description: 'ElastiCache replicas per shard in force.' },
    taskCpu: str('Fargate task CPU units in force (1024 = 1 vCPU).'),
    taskMemory: str('Fargate task memory in MiB in force.'),
    minTasks: { type: 'integer', description: 'Fewest tasks the autoscaler keeps, in force.' },
    maxTasks: { type: 'integer', description: 'Most tasks the autoscaler starts, in force.' },
    kinesisShards: { type: 'integer', description: 'Shards of the events stream in force (a provisioned stream only).' },
  });

export const NETWORK_STATUS: JsonSchema = obj('The VPC an application joins.', {
    vpcId: str('VPC ID.'),
    privateSubnetIds: ids('Private subnet IDs, in AZ order.'),
    publicSubnetIds: ids('Public subnet IDs, in AZ order.'),
    dataSubnetIds: ids('Isolated data subnet IDs (Aurora and Redis), in AZ order.'),
    privateRouteTableIds: ids("The private subnets' route tables, in AZ order (the S3 gateway endpoint is attached to them)."),
    nlbSecurityGroupId: str('Security group of the internal NLB behind the API Gateway VPC link (no inbound rule).'),
    albSecurityGroupId: str('Security group of the internal ALB (HTTPS from the NLB only).'),
    appSecurityGroupId: str('Security group for application tasks; the only source allowed into Aurora and Redis.'),
    healthSecurityGroupId: str('Security group of the scheduled health-check task (besides the app group): the only other source the ALB admits.'),
  });

export const DELETION_SAFETY_STATUS: JsonSchema = obj('What a delete of the claim would do now; the deletion guard admits a delete only when it is safe (README "Deleting and retiring an environment").', {
    auroraDeletionProtection: { type: 'boolean', description: 'Deletion protection of the Aurora cluster as AWS reports it; while true a delete is refused.' },
    auroraDeletionPolicy: str('deletionPolicy of the Aurora cluster: Orphan keeps it in AWS when the claim is deleted, Delete removes it after a final snapshot.'),
    redisDeletionPolicy: str('deletionPolicy of the Redis replication group (as for Aurora).'),
  });

export const DATABASE_STATUS: JsonSchema = obj('Aurora PostgreSQL endpoints.', {
    clusterIdentifier: str('Aurora cluster identifier.'),
    endpoint: str('Writer endpoint.'),
    readerEndpoint: str('Reader endpoint (load-balanced over readers).'),
    port: { type: 'integer', description: 'PostgreSQL port.' },
    masterUserSecretArn: str('ARN of the RDS-managed master user secret in Secrets Manager (rotated every 30 days).'),
    logGroupArn: str('ARN of the CloudWatch log group that receives the postgresql log (encrypted with the logs key).'),
    iamAuthErrorLogGroupArn: str('ARN of the CloudWatch log group that receives IAM database authentication failures (encrypted with the logs key).'),
  });

export const CACHE_STATUS: JsonSchema = obj('ElastiCache endpoints.', {
    configurationEndpoint: str('Cluster-mode configuration endpoint (TLS only).'),
    port: { type: 'integer', description: 'Redis port.' },
    url: str('rediss:// URL with the IAM-authenticated user; it holds no password.'),
    userName: str('Redis RBAC user for the application (IAM authentication).'),
    connectionSecretArn: str('ARN of the Secrets Manager secret that holds the rediss:// connection string.'),
  });

export const APPLICATION_STATUS: JsonSchema = obj('The assessment service on ECS Fargate and its internal ALB.', {
    clusterArn: str('ARN of the ECS cluster.'),
    serviceArn: str('ARN of the ECS service.'),
    taskDefinitionArn: str('ARN of the task definition revision as composed now (absent for the moments while a new revision replaces it).'),
    serviceTaskDefinitionArn: str('ARN of the task definition revision the ECS service is set to: taskDefinitionArn once a new revision has reached the service.'),
    albArn: str('ARN of the internal ALB (the NLB forwards to it).'),
    albDnsName: str('DNS name of the internal ALB (reachable only from the VPC link NLB).'),
    albLogsBucketName: str("Name of the ALB's access-log bucket (SSE-S3, the only encryption ELB writes to)."),
    fileSystemId: str('ID of the EFS file system.'),
    taskRoleArn: str('ARN of the task role.'),
    logGroupArn: str('ARN of the encrypted CloudWatch log group of the service.'),
  });

export const EVENTS_STATUS: JsonSchema = obj('Student activity events: the stream the service writes to and where Firehose delivers it.', {
    streamName: str('Name of the Kinesis Data Stream of student activity events (the task has it in EVENTS_STREAM).'),
    streamArn: str('ARN of the Kinesis Data Stream of student activity events (the service puts records; partition key: the pseudonymous student ID).'),
    deliveryStreamArn: str('ARN of the Firehose stream that delivers the events to the analytics bucket.'),
    analyticsBucketArn: str('ARN of the analytics bucket (SSE-KMS with the analytics key).'),
    analyticsBucketName: str('Name of the analytics bucket.'),
    deliveryLogGroupArn: str("ARN of the encrypted log group of Firehose's delivery errors."),
  });

export const AUDIT_STATUS: JsonSchema = obj('The audit trail.', {
    trailArn: str('ARN of the multi-region CloudTrail trail (log file validation on, logs key).'),
    trailBucketArn: str("ARN of the trail's bucket (SSE-KMS with the logs key)."),
    trailBucketName: str("Name of the trail's bucket."),
    logGroupArn: str('ARN of the encrypted log group the trail also delivers to.'),
  });

export const BACKUP_STATUS: JsonSchema = obj('Backups beyond the stores\' own (AWS Backup).', {
    vaultArn: str('ARN of the backup vault (recovery points encrypted with the data-class key; kept when the claim is deleted).'),
    vaultName: str('Name of the backup vault, ap-backup-<suffix>-<UID>: new for every claim.'),
    planArn: str('ARN of the daily backup plan of the Aurora cluster and the EFS file system.'),
  });

export const INTEGRATIONS_STATUS: JsonSchema = obj('The campus-system integration secrets.', {
    secretArns: { type: 'array', description: 'ARNs of the integration secrets, in the order of spec.parameters.integrations.names (values are put out of band).', items: { type: 'string' } },
  });

export const OPERATIONS_STATUS: JsonSchema = obj('What the platform team watches.', {
    alarmTopicArn: str('ARN of the SNS topic every alarm notifies (encrypted with the logs key); subscribe on-call tools to it.'),
    xrayGroupArn: str("ARN of the X-Ray group of the service's traces."),
    dashboardUrl: str("Console URL of the platform's CloudWatch dashboard."),
    deadLetterQueueArn: str('ARN of the operations dead-letter queue (health-check runs and failed-deployment notices that could not be delivered; encrypted with the logs key).'),
    deadLetterQueueUrl: str('URL of the operations dead-letter queue.'),
    healthSchedulerRoleArn: str('ARN of the role EventBridge Scheduler runs the health check with.'),
    faultInjectionRoleArn: str('ARN of the role of the AZ-failure experiment (kept while fault injection is off: a running experiment needs it to restore the network).'),
    faultInjectionLogGroupArn: str("ARN of the AZ-failure experiment's encrypted log group."),
    experimentTemplateId: str('ID of the AZ-failure FIS experiment template: `aws fis start-experiment --experiment-template-id <id>` (absent while fault injection is off).'),
  });

export const API_STATUS: JsonSchema = obj('The public front door.', {
    url: str("The API's URL, https://<application.hostname>/: the custom domain (TLS 1.2+; the execute-api endpoint is off). Requests must be SigV4-signed (IAM)."),
    regionalDomainName: str("Where the hostname's DNS record must point (an alias or CNAME to this name)."),
    regionalZoneId: str('Hosted zone ID of regionalDomainName, for a Route 53 alias record.'),
    restApiId: str('ID of the REST API.'),
    stageArn: str('ARN of the stage (the WAF is associated with it).'),
    webAclArn: str('ARN of the WAFv2 web ACL.'),
    accessLogGroupArn: str('ARN of the encrypted access log group of the stage.'),
  });

/**
 * status.* of the XR: what an application team needs to connect, written back by
 * ToCompositeFieldPath patches from the tiers' statuses (each part is also its tier's status).
 * Crossplane copies it to the claim.
 */
export const statusSchema: JsonSchema = obj('Observed outputs of the platform.', {
  sizing: SIZING_STATUS,
  network: NETWORK_STATUS,
  keys: KEYS_STATUS,
  deletionSafety: DELETION_SAFETY_STATUS,
  database: DATABASE_STATUS,
  cache: CACHE_STATUS,
  application: APPLICATION_STATUS,
  api: API_STATUS,
  events: EVENTS_STATUS,
  audit: AUDIT_STATUS,
  operations: OPERATIONS_STATUS,
  backup: BACKUP_STATUS,
  integrations: INTEGRATIONS_STATUS,
});

/** Keys Crossplane puts into the claim's connection secret. None holds a password. */
export const CONNECTION_SECRET_KEYS = [
  'databaseEndpoint',
  'databaseReaderEndpoint',
  'databasePort',
  'databaseMasterUserSecretArn',
  'redisUrl',
  'redisEndpoint',
  'redisPort',
  'redisUser',
  'apiUrl',
  'apiRegionalDomainName',
  'albDnsName',
  'ecsClusterArn',
  'ecsServiceArn',
  'eventsStreamArn',
] as const;
export type ConnectionSecretKey = (typeof CONNECTION_SECRET_KEYS)[number];
