import { Role, RolePolicy } from '../../imports/iam-iam.aws.upbound.io';
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
  /** aws:SourceArn the service must act for (confused-deputy protection), with tokens. */
  readonly sourceArn: string;
  /** The inline policy; omitted when the role only carries a managed policy. */
  readonly policy?: PolicyDocument;
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
        Condition: { StringEquals: { 'aws:SourceAccount': TOKEN.account }, ArnLike: { 'aws:SourceArn': p.sourceArn } },
      },
    ],
  };
  const out: ResourcesResources[] = [
    composed({
      name: p.name,
      global: true,
      base: Role.manifest({
        metadata: { labels: { [LABEL.component]: p.name } },
        spec: { forProvider: { description: p.description, tags: baseTags(p.component) } },
      }),
      patches: [tokenPatch(p.roleName, EXTERNAL_NAME), policyPatch(trust, 'spec.forProvider.assumeRolePolicy'), ...(p.patches ?? [])],
    }),
  ];
  if (p.policy) {
    out.push(
      composed({
        name: `${p.name}-policy`,
        global: true,
        taggable: false,
        base: RolePolicy.manifest({ spec: { forProvider: { roleSelector: sibling({ [LABEL.component]: p.name }) } } }),
        patches: [p.tokens && Object.keys(p.tokens).length ? policyPatchWith(p.policy, 'spec.forProvider.policy', p.tokens) : policyPatch(p.policy, 'spec.forProvider.policy')],
      }),
    );
  }
  return out;
}
