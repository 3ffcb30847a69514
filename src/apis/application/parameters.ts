import { obj, str } from '../../api/schema';

/** Where the application tier reads what other tiers published (through the platform's status). */
export const CONNECTIONS = 'spec.parameters.connections';
export const IMAGE_REPOSITORY = 'spec.parameters.imageRepository';
export const ALB_LOG_PRINCIPAL = 'spec.parameters.albLogDeliveryPrincipal';

const kept = (field: string) => ({
  rule: `!has(oldSelf.${field}) || (has(self.${field}) && self.${field} == oldSelf.${field})`,
  message: `spec.parameters.connections.${field} cannot change or disappear once set`,
});

const arn = (description: string, service: string) => str(description, { pattern: `^arn:aws[a-z-]*:${service}:[a-z0-9-]+:[0-9]{12}:.+$`, maxLength: 2048 });

/**
 * spec.parameters.connections: the stores the service connects to, from the database and cache
 * tiers. Until they are set, the task definition (and so the service) is not created: a task
 * never starts without its secrets.
 */
export const CONNECTIONS_PARAMETER = obj(
  'The stores the service connects to (from the database and cache tiers). Until they are set, the task definition is not created.',
  {
    databaseEndpoint: str('Aurora writer endpoint.', { maxLength: 255 }),
    databaseReaderEndpoint: str('Aurora reader endpoint.', { maxLength: 255 }),
    databaseSecretArn: arn('ARN of the RDS-managed master user secret (username and password), injected into the task by ARN.', 'secretsmanager'),
    cacheSecretArn: arn('ARN of the secret that holds the rediss:// URL, injected into the task by ARN.', 'secretsmanager'),
  },
  { 'x-kubernetes-validations': ['databaseSecretArn', 'cacheSecretArn'].map(kept) },
);

export const IMAGE_REPOSITORY_PARAMETER = str(
  "The image's ECR repository path (from application.image, computed by the platform): the execution role may pull exactly this repository.",
  { pattern: '^[a-z0-9]+(?:[._/-][a-z0-9]+)*$', maxLength: 256 },
);

export const ALB_LOG_PRINCIPAL_PARAMETER = str(
  "The principal that Elastic Load Balancing writes access logs as in the claim's region, as a JSON policy principal (computed by the platform): the regional ELB account, or the log-delivery service in regions opened since August 2022.",
  { pattern: '^\\{"(AWS|Service)":"[^"]+"\\}$', maxLength: 128 },
);
