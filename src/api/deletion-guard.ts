import { ApiObject, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { API_GROUP, CLAIM_KIND, CLAIM_PLURAL, XR_KIND, XR_PLURAL } from '../config';
import { keepAnnotation } from '../gitops/sync-options';

/** The admission policy's (and its binding's) name. */
export const DELETION_GUARD_NAME = 'assessment-platform-deletion-guard';

/**
 * admissionregistration.k8s.io/v1, GA since Kubernetes 1.30. cdk8s-plus-28 ships the v1beta1
 * types of this kind only (v1beta1 is off by default in every API server), and the v1 spec is the
 * same for the fields used here; the live suite applies it with strict field validation.
 */
const V1 = 'admissionregistration.k8s.io/v1';

const params = 'oldObject.spec.parameters';
const safety = 'oldObject.status.deletionSafety';
const hasSafety = `has(oldObject.status) && has(${safety})`;
const isProd = `${params}.environment == 'prod'`;
const retired = `has(${params}.retire) && ${params}.retire == true`;

/** One rule of the guard: the CEL expression that must hold for a delete, and what to do otherwise. */
export interface GuardRule {
  readonly expression: string;
  readonly message: string;
}

/**
 * The rules a delete of a claim or of its composite resource must pass. They run on the stored
 * object (`oldObject`), whose status Crossplane fills from the composed Aurora cluster and Redis
 * replication group, so a delete is admitted only once a retirement is in force in AWS, not
 * merely requested.
 */
export const DELETION_GUARD_RULES: readonly GuardRule[] = [
  {
    // The platform's tiers go in order only when the composite is deleted in the foreground: each
    // tier composite then stays until its resources are gone, and the Usages between tiers hold
    // the keys and the network until then. A claim's deletion uses its compositeDeletePolicy.
    expression: `oldObject.kind != '${CLAIM_KIND}' || !has(oldObject.spec.compositeDeletePolicy) || oldObject.spec.compositeDeletePolicy == 'Foreground'`,
    message:
      'this claim sets spec.compositeDeletePolicy: Background, which would delete the keys and the network while the stores still take their final snapshots: set it to Foreground (the default), then delete it',
  },
  {
    expression: `oldObject.kind != '${XR_KIND}' || (has(request.options) && has(request.options.propagationPolicy) && request.options.propagationPolicy == 'Foreground')`,
    message:
      'an XAssessmentPlatform is deleted only in the foreground (its tiers go in order): delete its claim, or use kubectl delete --cascade=foreground',
  },
  {
    expression: `!(${isProd}) || (${retired})`,
    message:
      'a prod AssessmentPlatform cannot be deleted: set spec.parameters.retire: true in a reviewed change, wait until status.deletionSafety shows ' +
      'auroraDeletionProtection false and both deletion policies Delete, then delete it (README "Deleting and retiring an environment")',
  },
  {
    expression:
      `!(${isProd}) || (${hasSafety} && has(${safety}.auroraDeletionProtection) && ${safety}.auroraDeletionProtection == false && ` +
      `has(${safety}.auroraDeletionPolicy) && ${safety}.auroraDeletionPolicy == 'Delete' && has(${safety}.redisDeletionPolicy) && ${safety}.redisDeletionPolicy == 'Delete')`,
    message:
      'the retirement of this prod AssessmentPlatform is not in force yet: wait until status.deletionSafety shows auroraDeletionProtection false, ' +
      'auroraDeletionPolicy Delete and redisDeletionPolicy Delete, then delete it again',
  },
  {
    // Both what AWS reports and what the claim asks for: while the cluster is still being created
    // the status is empty, and a cluster created with protection on would refuse the delete, with
    // no claim edit able to help once the composite is being deleted.
    expression:
      `!(${hasSafety} && has(${safety}.auroraDeletionProtection) && ${safety}.auroraDeletionProtection == true) && ` +
      `((${retired}) || !has(${params}.database) || !has(${params}.database.deletionProtection) || ${params}.database.deletionProtection == false)`,
    message:
      'Aurora deletion protection is on, so the delete would hang on the cluster: set spec.parameters.retire: true (or, outside prod, ' +
      'spec.parameters.database.deletionProtection: false), wait until status.deletionSafety.auroraDeletionProtection is false, then delete it',
  },
];

/**
 * The deletion guard: a ValidatingAdmissionPolicy that refuses a delete of an AssessmentPlatform
 * claim or XAssessmentPlatform that would lose or strand data (a prod environment that is not
 * retired, or any environment whose Aurora cluster AWS would refuse to delete), with a message
 * that says what to do. It covers `kubectl delete`, Argo CD's prune and cascade, and a namespace
 * deletion (which then waits). A cluster admin can still remove the binding; that is the one,
 * audited, override.
 */
export class DeletionGuardChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { disableResourceNameHashes: true });
    const policy = k8s.KubeValidatingAdmissionPolicyV1Beta1.manifest({
      metadata: { name: DELETION_GUARD_NAME, labels: { [`${API_GROUP}/part-of`]: 'assessment-platform' }, annotations: keepAnnotation() },
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          resourceRules: [{ apiGroups: [API_GROUP], apiVersions: ['*'], operations: ['DELETE'], resources: [CLAIM_PLURAL, XR_PLURAL] }],
        },
        // A claim that was never bound to a composite resource composed nothing, so nothing can be
        // lost or stranded: its delete needs no check (the composite's own delete still does).
        matchConditions: [{ name: 'bound-to-a-composite', expression: `oldObject.kind == '${XR_KIND}' || has(oldObject.spec.resourceRef)` }],
        validations: DELETION_GUARD_RULES.map((r) => ({ expression: r.expression, message: r.message, reason: 'Forbidden' })),
      },
    });
    const binding = k8s.KubeValidatingAdmissionPolicyBindingV1Beta1.manifest({
      metadata: { name: DELETION_GUARD_NAME, labels: { [`${API_GROUP}/part-of`]: 'assessment-platform' }, annotations: keepAnnotation() },
      spec: { policyName: DELETION_GUARD_NAME, validationActions: ['Deny'] },
    });
    // The typed v1beta1 manifests, emitted as v1.
    for (const [name, m] of [['policy', policy], ['binding', binding]] as const) {
      const { apiVersion: _beta, kind, metadata, ...body } = m;
      new ApiObject(this, name, { apiVersion: V1, kind, metadata, ...body });
    }
  }
}
