import { obj } from '../../api/schema';
import { KEYS_STATUS } from '../../api/status';
import { kmsKeyResources } from './kms-keys';
import { IDENTITY_PARAMETERS, sharedParameters, TierApi } from '../tier';

/**
 * XKeys: the customer-managed KMS keys of one platform, one per data class (student records,
 * analytics, logs, secrets), each with its alias and a least-privilege key policy. Every other
 * tier gets the key ARNs from its status, through the platform.
 */
export const KEYS_API: TierApi = {
  kind: 'XKeys',
  plural: 'xkeys',
  description: 'the KMS keys of one assessment platform, one per data class, with aliases and least-privilege policies.',
  parameters: obj('What the keys are for: the platform identity their names, tags and policies carry.', sharedParameters(IDENTITY_PARAMETERS), {
    required: ['environment', 'environmentSuffix', 'owner', 'awsAccountId'],
  }),
  status: obj('Observed outputs of the keys tier.', { keys: KEYS_STATUS }),
  resources: kmsKeyResources,
};
