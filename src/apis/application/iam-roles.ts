import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { logGroupArn, PolicyDocument, TOKEN } from '../../composition/aws-policy';
import { serviceRoleResources } from '../../composition/iam-role';
import { toXr } from '../../composition/patches';
import { KEY_ARN_PARAMETERS } from '../../composition/keys-tier';
import { APP_LOG_GROUP, EXECUTION_ROLE_NAME, REDIS_APP_USER, REDIS_REPLICATION_GROUP, TASK_ROLE_NAME, XRAY_REPOSITORY } from './names';
import { CONNECTIONS, IMAGE_REPOSITORY } from './parameters';
import { EVENTS_STREAM_ARN } from '../events/names';
import { INTEGRATION_SECRET_ARNS } from '../integrations/names';

const ecr = (repository: string) => `arn:aws:ecr:${TOKEN.region}:${TOKEN.account}:repository/${repository}`;
/** ECS tasks of this account, in this region, may assume the roles (aws:SourceArn of a task is its ARN). */
const ECS_SOURCE = `arn:aws:ecs:${TOKEN.region}:${TOKEN.account}:*`;

/**
 * The execution role (ECS's agent, before the containers start): pull exactly the service's
 * repository and the X-Ray daemon's, write exactly the service's log group, read exactly the two
 * secrets and decrypt with exactly the secrets key, only through Secrets Manager.
 */
export const EXECUTION_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'RegistryToken', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
    {
      Sid: 'PullImages',
      Effect: 'Allow',
      Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
      Resource: [ecr('${IMAGE_REPOSITORY}'), ecr(XRAY_REPOSITORY)],
    },
    // The daemon's image comes through the account's pull-through cache for ECR Public.
    // The first pull through the cache creates the repository.
    { Sid: 'PullThroughCache', Effect: 'Allow', Action: ['ecr:BatchImportUpstreamImage', 'ecr:CreateRepository'], Resource: ecr(XRAY_REPOSITORY) },
    { Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logGroupArn(APP_LOG_GROUP)}:log-stream:*` },
    { Sid: 'ReadSecrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: ['${DB_SECRET_ARN}', '${CACHE_SECRET_ARN}'] },
    {
      Sid: 'DecryptSecrets',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: '${SECRETS_KEY_ARN}',
      Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${TOKEN.region}.amazonaws.com` } },
    },
  ],
};

/**
 * The task role (the service's code): mount and write the file system only through its access
 * point, connect to Redis as its own IAM-authenticated user, put records to exactly the events
 * stream (encrypting only through Kinesis, for that stream), read the campus integration secrets,
 * send X-Ray traces.
 */
export const TASK_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'FilesThroughAccessPoint',
      Effect: 'Allow',
      Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
      Resource: '${FILE_SYSTEM_ARN}',
      Condition: { StringEquals: { 'elasticfilesystem:AccessPointArn': '${ACCESS_POINT_ARN}' } },
    },
    {
      Sid: 'RedisIamAuthentication',
      Effect: 'Allow',
      Action: 'elasticache:Connect',
      Resource: [
        `arn:aws:elasticache:${TOKEN.region}:${TOKEN.account}:replicationgroup:${REDIS_REPLICATION_GROUP}`,
        `arn:aws:elasticache:${TOKEN.region}:${TOKEN.account}:user:${REDIS_APP_USER}`,
      ],
    },
    { Sid: 'PutEvents', Effect: 'Allow', Action: ['kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], Resource: EVENTS_STREAM_ARN },
    {
      Sid: 'EncryptEvents',
      Effect: 'Allow',
      Action: 'kms:GenerateDataKey',
      Resource: '${ANALYTICS_KEY_ARN}',
      Condition: { StringEquals: { 'kms:ViaService': `kinesis.${TOKEN.region}.amazonaws.com` }, StringLike: { 'kms:EncryptionContext:aws:kinesis:arn': EVENTS_STREAM_ARN } },
    },
    // The campus-system integration keys (integrations tier): read exactly those secrets, decrypt
    // with the secrets key only through Secrets Manager, for those secrets.
    { Sid: 'ReadIntegrationSecrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: INTEGRATION_SECRET_ARNS },
    {
      Sid: 'DecryptIntegrationSecrets',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: '${SECRETS_KEY_ARN}',
      Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${TOKEN.region}.amazonaws.com` }, StringLike: { 'kms:EncryptionContext:SecretARN': INTEGRATION_SECRET_ARNS } },
    },
    {
      Sid: 'XRayTraces',
      Effect: 'Allow',
      Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
      Resource: '*',
    },
  ],
};

export function iamRoleResources(): ResourcesResources[] {
  return [
    ...serviceRoleResources({
      name: 'execution-role',
      roleName: EXECUTION_ROLE_NAME,
      description: 'ECS task execution: pulls the image, writes the log group, reads the two secrets',
      component: 'application',
      service: 'ecs-tasks.amazonaws.com',
      trust: { sourceArn: ECS_SOURCE },
      policy: EXECUTION_POLICY,
      tokens: {
        '${IMAGE_REPOSITORY}': IMAGE_REPOSITORY,
        '${DB_SECRET_ARN}': `${CONNECTIONS}.databaseSecretArn`,
        '${CACHE_SECRET_ARN}': `${CONNECTIONS}.cacheSecretArn`,
        '${SECRETS_KEY_ARN}': `${KEY_ARN_PARAMETERS}.secretsKeyArn`,
      },
    }),
    ...serviceRoleResources({
      name: 'task-role',
      roleName: TASK_ROLE_NAME,
      description: 'The assessment service: EFS through its access point, Redis IAM auth, the events stream, X-Ray',
      component: 'application',
      service: 'ecs-tasks.amazonaws.com',
      trust: { sourceArn: ECS_SOURCE },
      policy: TASK_POLICY,
      tokens: {
        '${FILE_SYSTEM_ARN}': 'status.application.fileSystemArn',
        '${ACCESS_POINT_ARN}': 'status.application.accessPointArn',
        '${ANALYTICS_KEY_ARN}': `${KEY_ARN_PARAMETERS}.analyticsKeyArn`,
        '${SECRETS_KEY_ARN}': `${KEY_ARN_PARAMETERS}.secretsKeyArn`,
      },
      patches: [toXr('status.atProvider.arn', 'status.application.taskRoleArn')],
    }),
  ];
}
