import { DEFAULT_REGION } from '../../config';
import { Secret, SecretPolicy } from '../../../imports/secretsmanager-secretsmanager.aws.upbound.io';
import { policyPatch, PolicyDocument, TOKEN } from '../../composition/aws-policy';
import { keyArnPatch } from '../../composition/keys-tier';
import { ResourcesResources, ResourcesResourcesPatchesPolicyFromFieldPath } from '../../../imports/pt-pt.fn.crossplane.io';
import { combine, toXr, XR } from '../../composition/patches';
import { baseTags, composed, LABEL, sibling } from '../../composition/resource';
import { TASK_ROLE_ARN } from '../application/names';
import { INTEGRATION_SECRET_PREFIX, MAX_INTEGRATIONS } from './names';

/** The composed-resource names of integration slot i: the secret and its policy (filters.ts composes one slot per name). */
export const INTEGRATION_SLOTS = Array.from({ length: MAX_INTEGRATIONS }, (_, i) => ({ secret: `integration-secret-${i}`, policy: `integration-secret-policy-${i}` }));

/**
 * Each secret's resource policy: no principal but the service's task role may read it, whatever
 * its IAM policy says. The task role's own IAM policy grants the read (iam-roles.ts); a policy
 * that named the role as a principal would be refused while the role does not exist yet, and
 * `aws:PrincipalArn` keeps matching a re-created role. Operators write the value with
 * PutSecretValue, which stays with IAM.
 */
export const INTEGRATION_SECRET_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'NobodyElseReads',
      Effect: 'Deny',
      Principal: '*',
      Action: 'secretsmanager:GetSecretValue',
      Resource: '*',
      Condition: { ArnNotEquals: { 'aws:PrincipalArn': TASK_ROLE_ARN } },
    },
  ],
};

/**
 * One Secrets Manager secret per name in `integrations.names`, `assessment-platform/<suffix>/
 * integrations/<name>`, encrypted with the secrets key, with a 30-day recovery window (a campus
 * key deleted by mistake can be restored), and a policy that lets only the task role read it. No
 * value is composed: an operator puts it out of band (README "Campus integrations"), so it never
 * appears in a manifest, in git or in the cluster.
 */
export function integrationSecretResources(): ResourcesResources[] {
  return INTEGRATION_SLOTS.flatMap(({ secret, policy }, i) => [
    composed({
      name: secret,
      base: Secret.manifest({
        metadata: { labels: { [LABEL.component]: secret } },
        spec: {
          forProvider: {
            region: DEFAULT_REGION,
            description: 'Campus-system integration key of the assessment platform; the value is put out of band, only the task role may read it',
            recoveryWindowInDays: 30,
            tags: baseTags('integrations'),
          },
        },
      }),
      patches: [
        // Optional, not Required: the CEL filter drops this slot while names[i] does not exist, and a
        // Required patch would warn about it on every render before the filter runs.
        { ...combine([XR.suffix, `spec.parameters.integrations.names[${i}]`], `${INTEGRATION_SECRET_PREFIX.replace(TOKEN.suffix, '%s')}%s`, 'spec.forProvider.name'), policy: { fromFieldPath: ResourcesResourcesPatchesPolicyFromFieldPath.OPTIONAL } },
        keyArnPatch('secretsKeyArn', 'spec.forProvider.kmsKeyId'),
        toXr('status.atProvider.arn', `status.integrations.secretArns[${i}]`),
      ],
    }),
    composed({
      name: policy,
      taggable: false,
      // The secret by selector (the provider waits for it), not by its ARN in the status: a Required
      // patch on a slot the filter drops would warn on every render.
      base: SecretPolicy.manifest({ spec: { forProvider: { region: DEFAULT_REGION, blockPublicPolicy: true, secretArnSelector: sibling({ [LABEL.component]: secret }) } } }),
      patches: [policyPatch(INTEGRATION_SECRET_POLICY, 'spec.forProvider.policy')],
    }),
  ]);
}
