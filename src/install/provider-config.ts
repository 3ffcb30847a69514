import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ProviderConfig, ProviderConfigSpecCredentialsSource } from '../../imports/aws-aws.upbound.io';
import { LABEL_PREFIX, PROVIDER_ROLE_NAME } from '../config';

/** The ProviderConfig name a claim for this AWS account names in `spec.parameters.providerConfigName`. */
export const providerConfigNameFor = (awsAccountId: string) => `aws-${awsAccountId}`;

/** The role the providers assume in an account: `arn:aws:iam::<account>:role/assessment-platform-crossplane`. */
export const providerRoleArnFor = (awsAccountId: string) => `arn:aws:iam::${awsAccountId}:role/${PROVIDER_ROLE_NAME}`;

/** Props of {@link ProviderConfigChart}. */
export interface ProviderConfigProps {
  /** The AWS accounts the claims deploy to: one ProviderConfig each. */
  readonly awsAccountIds: readonly string[];
}

/**
 * Chart `provider-config` (Argo CD wave `provider-config`): one provider-upjet-aws ProviderConfig
 * per AWS account. Credentials come from EKS Pod Identity (the providers' service account, set by
 * the DeploymentRuntimeConfig, is associated with an IAM role in the management account); from
 * there the provider assumes `assessment-platform-crossplane` in the claim's account. No access
 * key, no Secret: test/install.test.ts fails on any.
 */
export class ProviderConfigChart extends Chart {
  constructor(scope: Construct, id: string, props: ProviderConfigProps) {
    super(scope, id, { disableResourceNameHashes: true, labels: { [`${LABEL_PREFIX}/part-of`]: 'assessment-platform' } });
    for (const account of [...new Set(props.awsAccountIds)].sort()) {
      new ProviderConfig(this, account, {
        metadata: { name: providerConfigNameFor(account) },
        spec: {
          credentials: { source: ProviderConfigSpecCredentialsSource.POD_IDENTITY },
          assumeRoleChain: [{ roleArn: providerRoleArnFor(account) }],
        },
      });
    }
  }
}
