import { DEFAULT_REGION } from '../../config';
import { TaskDefinitionV1Beta2, TaskDefinitionV1Beta2SpecManagementPolicies } from '../../../imports/ecs-ecs.aws.upbound.io';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { TOKEN, tokenPatch } from '../../composition/aws-policy';
import { convertTo, fromXrRequired, toXr } from '../../composition/patches';
import { awsName, baseTags, composed, LABEL, nameFromSuffix, sibling } from '../../composition/resource';
import { DATABASE_POOL_PER_TASK } from '../../sizing/capacity-table';
import { sizedBy } from '../../sizing/sizing-patches';
import { INTEGRATION_SECRET_PREFIX } from '../integrations/names';
import { APP_CONTAINER, APP_LOG_GROUP, APP_UID, FILES_PATH, XRAY_CONTAINER, XRAY_IMAGE, XRAY_UID } from './names';
import { CONNECTIONS } from './parameters';
import { EVENTS_STREAM } from '../events/names';
import { XRAY_SERVICE_NAME } from '../operations/names';

const M = TaskDefinitionV1Beta2SpecManagementPolicies;
export const TASK_DEFINITION_MANAGEMENT_POLICIES = [M.OBSERVE, M.CREATE, M.UPDATE, M.DELETE] as const;

/** The task definition's composed-resource name. */
export const TASK_DEFINITION = 'task-definition';

/** Values of the container definitions that come from the claim and the other tiers. */
export const CONTAINER_TOKENS = {
  '${IMAGE}': 'spec.parameters.application.image',
  '${PORT}': 'spec.parameters.application.containerPort',
  '${DB_HOST}': `${CONNECTIONS}.databaseEndpoint`,
  '${DB_READER_HOST}': `${CONNECTIONS}.databaseReaderEndpoint`,
  '${DB_SECRET_ARN}': `${CONNECTIONS}.databaseSecretArn`,
  '${CACHE_SECRET_ARN}': `${CONNECTIONS}.cacheSecretArn`,
} as const;

const logging = (prefix: string) => ({
  logDriver: 'awslogs',
  options: { 'awslogs-group': APP_LOG_GROUP, 'awslogs-region': TOKEN.region, 'awslogs-stream-prefix': prefix },
});

/**
 * The two containers, as ECS takes them. The service: the claim's pinned image as a non-root user
 * on a read-only root filesystem (writable only /tmp and the EFS access point), HTTPS on the
 * claim's port; the database credentials and the Redis URL injected from Secrets Manager by ARN
 * (ECS fetches them with the execution role; no value is in any manifest); logs through awslogs to
 * the encrypted log group. Beside it, the X-Ray daemon, also non-root and read-only, which the
 * service's SDK sends segments to on 127.0.0.1:2000.
 */
export const CONTAINER_DEFINITIONS = [
  {
    name: APP_CONTAINER,
    image: '${IMAGE}',
    essential: true,
    user: `${APP_UID}:${APP_UID}`,
    readonlyRootFilesystem: true,
    portMappings: [{ containerPort: '${PORT}', protocol: 'tcp' }],
    environment: [
      { name: 'AWS_XRAY_DAEMON_ADDRESS', value: '127.0.0.1:2000' },
      { name: 'AWS_XRAY_TRACING_NAME', value: XRAY_SERVICE_NAME },
      { name: 'DATABASE_HOST', value: '${DB_HOST}' },
      { name: 'DATABASE_READER_HOST', value: '${DB_READER_HOST}' },
      { name: 'DATABASE_SSLMODE', value: 'verify-full' },
      { name: 'DATABASE_POOL_MAX', value: String(DATABASE_POOL_PER_TASK) },
      { name: 'EVENTS_STREAM', value: EVENTS_STREAM },
      { name: 'FILES_PATH', value: FILES_PATH },
      { name: 'INTEGRATION_KEYS_PREFIX', value: INTEGRATION_SECRET_PREFIX },
      { name: 'PORT', value: '${PORT}' },
    ],
    secrets: [
      { name: 'DATABASE_CREDENTIALS', valueFrom: '${DB_SECRET_ARN}' },
      { name: 'REDIS_URL', valueFrom: '${CACHE_SECRET_ARN}' },
    ],
    mountPoints: [
      { sourceVolume: 'assessment-files', containerPath: FILES_PATH, readOnly: false },
      { sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false },
    ],
    logConfiguration: logging('assessment'),
    stopTimeout: 30,
  },
  {
    name: XRAY_CONTAINER,
    image: XRAY_IMAGE,
    essential: false,
    user: String(XRAY_UID),
    readonlyRootFilesystem: true,
    cpu: 32,
    memoryReservation: 256,
    portMappings: [{ containerPort: 2000, protocol: 'udp' }],
    logConfiguration: logging('xray'),
  },
];

/** The JSON ECS takes, with the port unquoted (a number; in the environment it stays a string). */
export function containerDefinitionsTemplate(): string {
  return JSON.stringify(CONTAINER_DEFINITIONS).split('"containerPort":"${PORT}"').join('"containerPort":${PORT}');
}

/**
 * The forProvider fields of the task definition that AWS cannot change: a new value needs a new
 * revision (every field but the tags; `executionRoleArn` is left out because the provider resolves
 * it from the selector into the observed spec only).
 */
export const TASK_DEFINITION_REVISION_FIELDS = [
  'family',
  'containerDefinitions',
  'cpu',
  'memory',
  'networkMode',
  'requiresCompatibilities',
  'runtimePlatform',
  'taskRoleArn',
  'volume',
] as const;

/**
 * The task definition: Fargate, awsvpc, CPU and memory from the capacity table, the execution and
 * task roles, the EFS volume through the access point with IAM authorization and TLS in transit,
 * and an ephemeral /tmp. It waits for the stores' endpoints and secrets (Required tokens).
 *
 * A revision never changes: ECS task definitions are immutable, and provider-upjet-aws refuses an
 * update that needs a replacement. So when any of TASK_DEFINITION_REVISION_FIELDS would change (a
 * new image, the task size of another capacity band, a platform release that changes the
 * containers), function-cel-filter drops this composed resource for one reconcile (filters.ts),
 * Crossplane deletes it, and the next reconcile composes it again: a new managed resource that
 * registers the next revision. `skipDestroy` keeps the revision before it registered, as the
 * rollback target of the deployment circuit breaker; revisions hold no secret values (secrets are
 * injected by ARN). The service keeps its revision until the new one is registered (service.ts).
 */
export function taskDefinitionResources(): ResourcesResources[] {
  return [
    composed({
      name: TASK_DEFINITION,
      base: TaskDefinitionV1Beta2.manifest({
        metadata: { labels: { [LABEL.component]: 'task-definition' } },
        spec: {
          // No LateInitialize: a default the provider copied into a field of
          // TASK_DEFINITION_REVISION_FIELDS (inside the volume, say) would differ from what the
          // composition renders, and the filter would replace the task definition on every render.
          managementPolicies: [...TASK_DEFINITION_MANAGEMENT_POLICIES],
          forProvider: {
            region: DEFAULT_REGION,
            networkMode: 'awsvpc',
            requiresCompatibilities: ['FARGATE'],
            runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
            executionRoleArnSelector: sibling({ [LABEL.component]: 'execution-role' }),
            // The revision stays registered when its managed resource goes (a new revision
            // replaces it, or the claim is deleted): deleting the resource only stops managing it.
            skipDestroy: true,
            volume: [
              {
                name: 'assessment-files',
                efsVolumeConfiguration: { rootDirectory: '/', transitEncryption: 'ENABLED', authorizationConfig: { iam: 'ENABLED' } },
              },
              { name: 'tmp' },
            ],
            tags: baseTags('application'),
          },
        },
      }),
      patches: [
        nameFromSuffix('spec.forProvider.family', awsName('assessment')),
        tokenPatch(containerDefinitionsTemplate(), 'spec.forProvider.containerDefinitions', CONTAINER_TOKENS),
        fromXrRequired('status.application.taskRoleArn', 'spec.forProvider.taskRoleArn'),
        fromXrRequired('status.application.fileSystemId', 'spec.forProvider.volume[0].efsVolumeConfiguration.fileSystemId'),
        fromXrRequired('status.application.accessPointId', 'spec.forProvider.volume[0].efsVolumeConfiguration.authorizationConfig.accessPointId'),
        ...sizedBy('taskCpu', 'spec.forProvider.cpu', undefined, convertTo('string')),
        ...sizedBy('taskMemory', 'spec.forProvider.memory', undefined, convertTo('string')),
        toXr('status.atProvider.arn', 'status.application.taskDefinitionArn'),
        toXr('spec.forProvider.cpu', 'status.sizing.taskCpu'),
        toXr('spec.forProvider.memory', 'status.sizing.taskMemory'),
      ],
    }),
  ];
}
