import { DEFAULT_REGION } from '../../config';
import { ResourcesResources } from '../../../imports/pt-pt.fn.crossplane.io';
import { SecretRotationV1Beta2 } from '../../../imports/secretsmanager-secretsmanager.aws.upbound.io';
import { fromXrRequired } from '../../composition/patches';
import { composed } from '../../composition/resource';

/** Days between rotations of the RDS-managed master password. */
export const MASTER_PASSWORD_ROTATION_DAYS = 30;

/**
 * Rotation schedule of the master-user secret that RDS creates and owns
 * (manageMasterUserPassword). RDS performs the rotation itself, so no Lambda is involved and no
 * password field exists anywhere. Composed once the cluster reports its secret ARN.
 */
export function masterSecretRotationResource(): ResourcesResources {
  return composed({
    name: 'aurora-master-secret-rotation',
    taggable: false,
    base: SecretRotationV1Beta2.manifest({
      spec: { forProvider: { region: DEFAULT_REGION, rotationRules: { automaticallyAfterDays: MASTER_PASSWORD_ROTATION_DAYS } } },
    }),
    patches: [fromXrRequired('status.database.masterUserSecretArn', 'spec.forProvider.secretId')],
  });
}
