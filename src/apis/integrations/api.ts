import { obj } from '../../api/schema';
import { INTEGRATIONS_STATUS } from '../../api/status';
import { KEYS_PARAMETER, keptObjects } from '../tier-parameters';
import { IDENTITY_PARAMETERS, sharedParameters, TierApi } from '../tier';
import { integrationSecretResources } from './integration-secrets';

/**
 * XIntegrations: the campus-system integration keys of one platform: a Secrets Manager secret per
 * integration, encrypted with the secrets key, readable by the service's task role only; values
 * are put out of band.
 */
export const INTEGRATIONS_API: TierApi = {
  kind: 'XIntegrations',
  plural: 'xintegrations',
  description: 'the campus-system integration secrets of one assessment platform.',
  parameters: obj(
    'The integrations to hold a key for, and the key that encrypts them.',
    { ...sharedParameters([...IDENTITY_PARAMETERS, 'integrations']), keys: KEYS_PARAMETER },
    { required: ['environment', 'environmentSuffix', 'owner', 'awsAccountId'], ...keptObjects('keys') },
  ),
  status: obj('Observed outputs of the integrations tier.', { integrations: INTEGRATIONS_STATUS }),
  resources: () => integrationSecretResources(),
};
