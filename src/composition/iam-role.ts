import { Role, RolePolicy, RolePolicyAttachment } from '../../imports/iam-iam.aws.upbound.io';
import { ResourcesResources } from '../../imports/pt-pt.fn.crossplane.io';
import { policyPatch, policyPatchWith, PolicyDocument, TOKEN, tokenPatch } from './aws-policy';
import { Patch } from './patches';
import { baseTags, composed, EXTERNAL_NAME, LABEL, sibling } from './resource';

export interface ServiceRoleProps {
  /** Composed-resource name of the role; its inline policy is `<name>-policy`. */
  readonly name: string;
  /** The role's name with tokens, unique per account (IAM is global): carry ${SUFFIX} and ${REGION}. */
  readonly roleName: string;
  readonly description: string;
  readonly component: string;
  /** The service principal that assumes the role, e.g. ecs-tasks.amazonaws.com. */
  readonly service: string;
  /**
   * Confused-deputy protection in the trust policy: `sourceArn` (aws:SourceAccount and
   * aws:SourceArn, with tokens), `externalId` (sts:ExternalId = the account, what Firehose sends),
   * or `none` where the service documents a trust policy without conditions and does not send
   * those keys (CloudTrail's CloudWatch Logs role).
   */
  readonly trust: { readonly sourceArn: string } | { readonly externalId: true } | { readonly none: string };
  /** The inline policy; omitted when the role only carries a managed policy. */
  readonly policy?: PolicyDocument;
  /** AWS managed policies attached to the role, `<name>-managed-policy-<i>`. Default: none. */
  readonly managedPolicyArns?: readonly string[];
  /** Whether the role and its policies stay in AWS whenever they leave the composition (composed()'s alwaysRetained). Default: false. */
  readonly alwaysRetained?: boolean;
  /** Tokens of the inline policy beyond ${REGION}/${ACCOUNT}/${SUFFIX}: token -> XR field path. Default: none. */
  readonly tokens?: Record<string, string>;
  /** More patches of the role (e.g. its ARN to the XR status). Default: none. */
  readonly patches?: Patch[];
}

/**
 * An IAM role for an AWS service: the trust policy admits only that service, acting for this
 * account (aws:SourceAccount) and the resources named by aws:SourceArn; the inline policy, when
 * given, is scoped by its own statements (policy tests check them).
 */
export function serviceRoleResources(p: ServiceRoleProps): ResourcesResources[] {
  const trust: PolicyDocument = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: p.service },
        Action: 'sts:AssumeRole',
        ...('sourceArn' in p.trust
          ? { Condition: { StringEquals: { 'aws:SourceAccount': TOKEN.account }, ArnLike: { 'aws:SourceArn': p.trust.sourceArn } } }
          : 'externalId' in p.trust
            ? { Condition: { StringEquals: { 'sts:ExternalId': TOKEN.account } } }
            : {}),
      },
    ],
  };
  const templated = JSON.stringify(trust).includes('${');
  const out: ResourcesResources[] = [
    composed({
      name: p.name,
      global: true,
      alwaysRetained: p.alwaysRetained,
      base: Role.manifest({
        metadata: { labels: { [LABEL.component]: p.name } },
        // A trust policy without account-specific values is a literal; otherwise a patch fills them.
        spec: { forProvider: { description: p.description, tags: baseTags(p.component), ...(templated ? {} : { assumeRolePolicy: JSON.stringify(trust) }) } },
      }),
      patches: [tokenPatch(p.roleName, EXTERNAL_NAME), ...(templated ? [policyPatch(trust, 'spec.forProvider.assumeRolePolicy')] : []), ...(p.patches ?? [])],
    }),
  ];
  (p.managedPolicyArns ?? []).forEach((policyArn, i) =>
    out.push(
      composed({
        name: `${p.name}-managed-policy-${i}`,
        global: true,
        alwaysRetained: p.alwaysRetained,
        taggable: false,
        base: RolePolicyAttachment.manifest({ spec: { forProvider: { policyArn, roleSelector: sibling({ [LABEL.component]: p.name }) } } }),
      }),
    ),
  );
  if (p.policy) {
    out.push(
      composed({
        name: `${p.name}-policy`,
        global: true,
        alwaysRetained: p.alwaysRetained,
        taggable: false,
        base: RolePolicy.manifest({ spec: { forProvider: { roleSelector: sibling({ [LABEL.component]: p.name }) } } }),
        patches: [p.tokens && Object.keys(p.tokens).length ? policyPatchWith(p.policy, 'spec.forProvider.policy', p.tokens) : policyPatch(p.policy, 'spec.forProvider.policy')],
      }),
    );
  }
  return out;
}
