import { TOKEN } from '../../composition/aws-policy';

/** AWS-side names of the application tier, spelled once (IAM policies and the key policy use them). */
/** The ECS cluster's (and service's) name. */
export const ECS_CLUSTER_NAME = `ap-assessment-${TOKEN.suffix}`;
export const APP_LOG_GROUP = `/ecs/ap-assessment-${TOKEN.suffix}`;
/** Where Container Insights writes the cluster's performance events (ECS would create it without a key or retention). */
export const CONTAINER_INSIGHTS_LOG_GROUP = `/aws/ecs/containerinsights/ap-assessment-${TOKEN.suffix}/performance`;
/** The container that serves the API, and the X-Ray daemon beside it. */
export const APP_CONTAINER = 'assessment';
export const XRAY_CONTAINER = 'xray-daemon';
/**
 * The X-Ray daemon image, pinned, through the account's ECR pull-through cache for ECR Public
 * (prefix `ecr-public`): the tasks have no route to the internet, only the VPC's ECR endpoints.
 * README "Install" names the pull-through cache rule.
 */
export const XRAY_REPOSITORY = 'ecr-public/xray/aws-xray-daemon';
export const XRAY_IMAGE = `${TOKEN.account}.dkr.ecr.${TOKEN.region}.amazonaws.com/${XRAY_REPOSITORY}:3.3.14`;
/** The POSIX identity the containers and the EFS access point use (never root). */
export const APP_UID = 1000;
export const XRAY_UID = 1337;
/** Where the EFS access point is mounted in the container. */
export const FILES_PATH = '/mnt/assessment-files';
/** The Redis user the service authenticates as (IAM), created by the cache tier. */
export const REDIS_APP_USER = `ap-app-${TOKEN.suffix}`;
export const REDIS_REPLICATION_GROUP = `ap-redis-${TOKEN.suffix}`;
/** The service's two roles (IAM is global: the names carry the region); other tiers name them by ARN. */
export const EXECUTION_ROLE_NAME = `ap-ecs-execution-${TOKEN.suffix}-${TOKEN.region}`;
export const TASK_ROLE_NAME = `ap-ecs-task-${TOKEN.suffix}-${TOKEN.region}`;
export const EXECUTION_ROLE_ARN = `arn:aws:iam::${TOKEN.account}:role/${EXECUTION_ROLE_NAME}`;
export const TASK_ROLE_ARN = `arn:aws:iam::${TOKEN.account}:role/${TASK_ROLE_NAME}`;
