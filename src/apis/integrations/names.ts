import { TOKEN } from '../../composition/aws-policy';

/** How many campus-system integrations a claim may name (each is two composed resources). */
export const MAX_INTEGRATIONS = 4;
/** Where the integration secrets live in Secrets Manager; the task gets this prefix in INTEGRATION_KEYS_PREFIX. */
export const INTEGRATION_SECRET_PREFIX = `assessment-platform/${TOKEN.suffix}/integrations/`;
/** Every integration secret's ARN (Secrets Manager appends six random characters to the name). */
export const INTEGRATION_SECRET_ARNS = `arn:aws:secretsmanager:${TOKEN.region}:${TOKEN.account}:secret:${INTEGRATION_SECRET_PREFIX}*`;
