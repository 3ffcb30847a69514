import { ResourcesResources, ResourcesResourcesConnectionDetailsType } from '../../imports/pt-pt.fn.crossplane.io';
import { LABEL_PREFIX } from '../config';
import { combine, format, fromXr, Patch, PATCH_SET, usePatchSet, XR } from './patches';
import { DELETION_POLICY_PATCH_SET } from './protection';

/** Annotation through which Crossplane sets a managed resource's external (AWS) name. */
export const EXTERNAL_NAME = 'metadata.annotations[crossplane.io/external-name]';

/** The Name tag, which the AWS console shows as a resource's name. */
export const NAME_TAG = 'spec.forProvider.tags.Name';

/** Label keys the composition puts on composed resources so that selectors can find them. */
export const LABEL = {
  zone: `${LABEL_PREFIX}/zone`,
  access: `${LABEL_PREFIX}/access`,
  tier: `${LABEL_PREFIX}/tier`,
  keyClass: `${LABEL_PREFIX}/key-class`,
  component: `${LABEL_PREFIX}/component`,
} as const;

/** Every AWS-side name is `ap-<what>-<environmentSuffix>`. */
export function awsName(what: string): string {
  return `ap-${what}-%s`;
}

/** Patch the environment suffix into an AWS-side name field with a fmt containing one %s. */
export function nameFromSuffix(toFieldPath: string, fmt: string): Patch {
  return fromXr(XR.suffix, toFieldPath, format(fmt));
}

/**
 * A final-snapshot name unique to this composite resource: `ap-<what>-<suffix>-<XR UID>`. A fixed
 * name would make the second teardown of an environment with the same suffix fail (the snapshot
 * of the first still holds the name); the UID is new for every claim and stable for its life.
 */
export function finalSnapshotName(toFieldPath: string, what: string): Patch {
  return combine([XR.suffix, 'metadata.uid'], `ap-${what}-%s-%s`, toFieldPath);
}

/** A selector that matches a sibling composed resource of this XR by labels. */
export function sibling(labels: Record<string, string>): { matchControllerRef: boolean; matchLabels: Record<string, string> } {
  return { matchControllerRef: true, matchLabels: labels };
}

export interface ComposedOptions {
  /** Unique name of the composed resource within the composition. */
  readonly name: string;
  /** The base manifest, built with the imported class's `manifest()`. */
  readonly base: Record<string, any>;
  /** Resource-specific patches, applied after the shared patch sets. Default: none. */
  readonly patches?: Patch[];
  /**
   * Whether it is an AWS managed resource, which takes a providerConfigRef and a region. False for
   * Crossplane's own kinds (ClusterUsage), which get none of the patch sets and no tags. Default: true.
   */
  readonly managed?: boolean;
  /** Whether the kind takes spec.forProvider.tags (adds the tags patch set). Default: true. */
  readonly taggable?: boolean;
  /** Whether the kind is global (IAM) and takes no region. Default: false. */
  readonly global?: boolean;
  /**
   * The `<what>` of this resource's AWS-side name, `ap-<what>-<environmentSuffix>`, for the fields
   * in `nameFields` (the names AWS knows the resource by). Default: none.
   */
  readonly awsName?: string;
  /** Fields that take the AWS-side name, such as EXTERNAL_NAME or spec.forProvider.name. Needs `awsName`. Default: none. */
  readonly nameFields?: readonly string[];
  /**
   * Whether a prod retirement keeps this resource in AWS (orphans it) instead of deleting it: the
   * KMS keys and the log groups (see protection.ts). Default: false.
   */
  readonly retainedInProd?: boolean;
  /**
   * Whether the resource is deleted whenever it leaves the composition, even in an active prod
   * environment: only for what holds no data and would otherwise be left running unmanaged when
   * the claim scales it away (the Aurora readers). Default: false.
   */
  readonly alwaysDeleted?: boolean;
  /**
   * Whether the resource is orphaned (kept in AWS) whenever it leaves the composition, in every
   * environment: only for what must outlive the environment and that AWS would refuse to delete
   * while it holds data (the backup vault and its recovery points). Default: false.
   */
  readonly alwaysRetained?: boolean;
  /** Connection details exposed to the XR: key -> field path on this resource. Default: none. */
  readonly connectionDetails?: Record<string, string>;
}

/**
 * One composed resource: the base plus, for AWS managed resources, the shared patch sets
 * (providerConfig; region unless the kind is global; tags for taggable kinds) and the deletion
 * policy of protection.ts; its Name tag (taggable kinds) and AWS-side name (`nameFields`); then
 * its own patches.
 */
export function composed(opts: ComposedOptions): ResourcesResources {
  const managed = opts.managed ?? true;
  const taggable = managed && (opts.taggable ?? true);
  if (opts.nameFields?.length && opts.awsName === undefined) throw new Error(`composed resource ${opts.name}: nameFields needs awsName`);
  if (opts.awsName !== undefined && !opts.nameFields?.length) throw new Error(`composed resource ${opts.name}: awsName without nameFields (the Name tag comes from the composed resource's name)`);
  if ((opts.retainedInProd || opts.alwaysDeleted) && !managed) throw new Error(`composed resource ${opts.name}: a deletion choice needs a managed resource`);
  if ([opts.retainedInProd, opts.alwaysDeleted, opts.alwaysRetained].filter(Boolean).length > 1) {
    throw new Error(`composed resource ${opts.name}: retainedInProd, alwaysDeleted and alwaysRetained exclude each other`);
  }
  if (opts.alwaysRetained && !managed) throw new Error(`composed resource ${opts.name}: a deletion choice needs a managed resource`);
  const patches: Patch[] = managed ? [usePatchSet(PATCH_SET.providerConfig)] : [];
  const fixed = opts.alwaysDeleted ? 'Delete' : opts.alwaysRetained ? 'Orphan' : undefined;
  if (managed && !fixed) patches.push(usePatchSet(DELETION_POLICY_PATCH_SET[opts.retainedInProd ? 'retainedInProd' : 'deleted']));
  const base = fixed ? { ...opts.base, spec: { ...opts.base.spec, deletionPolicy: fixed } } : opts.base;
  if (managed && !opts.global) patches.push(usePatchSet(PATCH_SET.region));
  if (taggable) patches.push(usePatchSet(PATCH_SET.tags));
  // The Name tag is `ap-<composed resource name>-<suffix>`: unique within the claim by
  // construction (a subnet and its route table, or Aurora's cluster and its subnet group, would
  // otherwise share one), and the same name `crossplane beta trace` shows.
  if (taggable) patches.push(nameFromSuffix(NAME_TAG, awsName(opts.name)));
  if (opts.awsName !== undefined) patches.push(...opts.nameFields!.map((f) => nameFromSuffix(f, awsName(opts.awsName!))));
  patches.push(...(opts.patches ?? []));
  const details = Object.entries(opts.connectionDetails ?? {}).map(([name, fromFieldPath]) => ({
    name,
    type: ResourcesResourcesConnectionDetailsType.FROM_FIELD_PATH,
    fromFieldPath,
  }));
  return { name: opts.name, base, patches, ...(details.length ? { connectionDetails: details } : {}) };
}

/** Tags every taggable base starts with; Environment/Owner/DataClassification come from the tags patch set. */
export function baseTags(name?: string): Record<string, string> {
  return { ManagedBy: 'crossplane', Application: 'assessment-platform', ...(name ? { Component: name } : {}) };
}

