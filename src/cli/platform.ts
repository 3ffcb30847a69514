import { API_GROUP, API_VERSION, CLAIM_KIND } from '../config';
import { condition, Kube } from '../kube/client';
import { CliError, EXIT, explain, notInstalled } from './errors';

/**
 * What a claim is made of, read from the cluster in as few requests as possible: the claim (or all
 * claims), the installed Compositions (which say every kind that can be composed), then one list
 * per kind for all the claims at once, by Crossplane's claim labels. The tree follows the
 * controller owner references: claim → platform XR → tier XRs (and Usages) → managed resources.
 */

export const CLAIM_API = `${API_GROUP}/${API_VERSION}`;
const CLAIM_NAME = 'crossplane.io/claim-name';
const CLAIM_NAMESPACE = 'crossplane.io/claim-namespace';

/** A claim by namespace and name. */
export interface ClaimId {
  readonly namespace: string;
  readonly name: string;
}

/** One object of the tree. */
export interface TreeNode {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  /** Ready and Synced condition statuses (True, False, Unknown), or undefined when absent. */
  readonly ready?: string;
  readonly synced?: string;
  /** When it was created (RFC 3339). */
  readonly created: string;
  /** Why it is not Ready or not Synced: the condition's reason and message. */
  readonly message?: string;
  /** The Synced condition's last transition (RFC 3339): since when it has (or has not) synced. */
  readonly syncedSince?: string;
  /** The tier of a tier XR (network, keys, …), from its kind. */
  readonly tier?: string;
  readonly children: TreeNode[];
}

/** A claim and everything it composed. */
export interface ClaimTree {
  readonly claim: ClaimId;
  readonly environment?: string;
  /** The capacity-table row in force (status.sizing.tier). */
  readonly sizingTier?: string;
  readonly root: TreeNode;
  /** Managed and composite resources under the claim, and how many of them are Ready. */
  readonly total: number;
  readonly readyCount: number;
}

/** A kind the Compositions can compose (managed resource, tier XR or Usage). */
export interface Kind {
  readonly apiVersion: string;
  readonly kind: string;
}

/** Does this error say the cluster does not serve the kind (no CRD, an unknown group version)? */
export const isUnserved = (e: any): boolean => e?.code === 404 || /does not serve|Unrecognized API version/i.test(e?.message ?? '');

/** Check that the cluster answers and serves the claim kind; explain otherwise. */
export async function requirePlatform(kube: Kube): Promise<void> {
  try {
    await kube.plural(CLAIM_API, CLAIM_KIND);
  } catch (e: any) {
    if (isUnserved(e)) throw notInstalled(kube.server);
    throw explain(e, kube.server, `discover the ${CLAIM_KIND} API`);
  }
}

/** The claims asked for; when none is named, every claim of `namespace` (every namespace when undefined). */
export async function readClaims(kube: Kube, ids: readonly ClaimId[], namespace?: string): Promise<any[]> {
  if (!ids.length) {
    try {
      return (await kube.list(CLAIM_API, CLAIM_KIND, { namespace })).items.map((c) => ({ apiVersion: CLAIM_API, kind: CLAIM_KIND, ...c }));
    } catch (e) {
      throw explain(e, kube.server, `list ${CLAIM_KIND} claims in ${namespace ? `namespace ${namespace}` : 'all namespaces'}`);
    }
  }
  return Promise.all(
    ids.map(async (id) => {
      let c: any;
      try {
        c = await kube.get({ apiVersion: CLAIM_API, kind: CLAIM_KIND, namespace: id.namespace, name: id.name });
      } catch (e) {
        throw explain(e, kube.server, `get ${CLAIM_KIND} ${id.name} in namespace ${id.namespace}`);
      }
      if (!c) throw new CliError(EXIT.notFound, `no ${CLAIM_KIND} ${id.name} in namespace ${id.namespace} (kubectl get ${CLAIM_KIND.toLowerCase()} -A lists them)`);
      return { apiVersion: CLAIM_API, kind: CLAIM_KIND, ...c };
    }),
  );
}

/** Every kind the platform's installed Compositions compose (its own API group's), and its composite kinds. */
export async function composableKinds(kube: Kube): Promise<Kind[]> {
  let compositions: any[];
  try {
    compositions = (await kube.list('apiextensions.crossplane.io/v1', 'Composition')).items;
  } catch (e) {
    throw explain(e, kube.server, 'list Compositions');
  }
  const kinds = new Map<string, Kind>();
  for (const c of compositions.filter((x) => String(x.spec?.compositeTypeRef?.apiVersion ?? '').startsWith(`${API_GROUP}/`))) {
    const xr = c.spec?.compositeTypeRef;
    if (xr) kinds.set(`${xr.apiVersion}/${xr.kind}`, { apiVersion: xr.apiVersion, kind: xr.kind });
    for (const step of c.spec?.pipeline ?? []) {
      for (const r of step.input?.resources ?? []) kinds.set(`${r.base.apiVersion}/${r.base.kind}`, { apiVersion: r.base.apiVersion, kind: r.base.kind });
    }
  }
  return [...kinds.values()].sort((a, b) => `${a.kind}${a.apiVersion}`.localeCompare(`${b.kind}${b.apiVersion}`));
}

/** Run `f` over `items`, at most `limit` at a time. */
export async function pool<T, R>(items: readonly T[], limit: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]);
    }
  }));
  return out;
}

/**
 * Every object composed for the given claims, by kind: one list per kind with Crossplane's claim
 * labels. Kinds the cluster does not serve (a provider not installed) are returned in `unserved`.
 */
export async function composedObjects(kube: Kube, kinds: readonly Kind[], claims: readonly ClaimId[]): Promise<{ objects: any[]; unserved: Kind[] }> {
  const selector = claims.length === 1 ? `${CLAIM_NAME}=${claims[0].name},${CLAIM_NAMESPACE}=${claims[0].namespace}` : CLAIM_NAME;
  const wanted = new Set(claims.map((c) => `${c.namespace}/${c.name}`));
  const unserved: Kind[] = [];
  const lists = await pool(kinds, 8, async (k) => {
    try {
      return (await kube.list(k.apiVersion, k.kind, { labelSelector: selector })).items.map((o) => ({ apiVersion: k.apiVersion, kind: k.kind, ...o }));
    } catch (e: any) {
      if (isUnserved(e)) {
        unserved.push(k);
        return [];
      }
      throw explain(e, kube.server, `list ${k.kind} (${k.apiVersion})`);
    }
  });
  const objects = lists.flat().filter((o) => wanted.has(`${o.metadata.labels?.[CLAIM_NAMESPACE]}/${o.metadata.labels?.[CLAIM_NAME]}`));
  return { objects, unserved };
}

/** The tier of a tier XR kind: XNetwork → network. */
const tierOf = (kind: string) => (/^X[A-Z]/.test(kind) && kind !== 'XAssessmentPlatform' ? kind.slice(1).toLowerCase() : undefined);

/** One object as a tree node (without children). */
export function nodeOf(o: any): TreeNode {
  const synced = condition(o, 'Synced');
  // A Ready condition written for an older generation says nothing about the current spec (a
  // claim just changed): not Ready until the controller has observed the change.
  const observed = condition(o, 'Ready');
  const stale = observed?.observedGeneration !== undefined && o.metadata.generation !== undefined && observed.observedGeneration < o.metadata.generation;
  const ready = stale ? { ...observed, status: 'Unknown', reason: 'NotObservedYet', message: `generation ${o.metadata.generation} not observed yet (Ready is for ${observed.observedGeneration})` } : observed;
  const bad = [synced, ready].find((c) => c && c.status !== 'True');
  return {
    apiVersion: o.apiVersion,
    kind: o.kind,
    name: o.metadata.name,
    namespace: o.metadata.namespace,
    ready: ready?.status,
    synced: synced?.status,
    created: o.metadata.creationTimestamp,
    message: bad ? `${bad.type}: ${bad.reason ?? ''}${bad.message ? `: ${bad.message}` : ''}` : undefined,
    syncedSince: synced?.lastTransitionTime,
    tier: tierOf(o.kind),
    children: [],
  };
}

/** Does this node count toward Ready (composites and managed resources; Usages have no Ready). */
const counts = (n: TreeNode) => n.kind !== 'ClusterUsage' && n.kind !== 'Usage';

/** The tree of one claim from the objects composed for it. */
export function claimTree(claim: any, objects: readonly any[]): ClaimTree {
  // A composed resource's parent is the composite that controls it (its controller owner
  // reference); crossplane.io/composite names the top composite for every level.
  const byParent = new Map<string, any[]>();
  for (const o of objects) {
    const parent = (o.metadata.ownerReferences ?? []).find((r: any) => r.controller)?.uid;
    if (parent) byParent.set(parent, [...(byParent.get(parent) ?? []), o]);
  }
  const build = (o: any, depth: number): TreeNode => {
    const n = nodeOf(o);
    const kids = depth < 4 ? (byParent.get(o.metadata.uid) ?? []).filter((k) => k !== o) : [];
    // The tiers and managed resources first, the Usages between them last.
    const order = (x: any) => `${/Usage$/.test(x.kind) ? 1 : 0}${x.kind}/${x.metadata.name}`;
    kids.sort((a, b) => order(a).localeCompare(order(b)));
    return { ...n, children: kids.map((k) => build(k, depth + 1)) };
  };
  const ref = claim.spec?.resourceRef;
  const xr = ref ? objects.find((o) => o.kind === ref.kind && o.metadata.name === ref.name) : undefined;
  const root: TreeNode = { ...nodeOf(claim), children: xr ? [build(xr, 1)] : [] };
  const all: TreeNode[] = [];
  const walk = (n: TreeNode) => {
    for (const c of n.children) {
      if (counts(c)) all.push(c);
      walk(c);
    }
  };
  walk(root);
  return {
    claim: { namespace: claim.metadata.namespace, name: claim.metadata.name },
    environment: claim.spec?.parameters?.environment,
    sizingTier: claim.status?.sizing?.tier,
    root,
    total: all.length,
    readyCount: all.filter((n) => n.ready === 'True').length,
  };
}

/** Every node under a tree (not the claim itself). */
export function descendants(n: TreeNode): TreeNode[] {
  return n.children.flatMap((c) => [c, ...descendants(c)]);
}

/** Is the claim and everything under it Ready (and Synced)? */
export const allReady = (t: ClaimTree) =>
  t.root.ready === 'True' && t.root.synced === 'True' && t.total > 0 && descendants(t.root).filter(counts).every((n) => n.ready === 'True' && n.synced !== 'False');

/** The claims asked for and their trees, in one pass of requests. */
export async function readTrees(kube: Kube, ids: readonly ClaimId[], namespace?: string): Promise<{ trees: ClaimTree[]; unserved: Kind[] }> {
  await requirePlatform(kube);
  const claims = await readClaims(kube, ids, namespace);
  if (!claims.length) return { trees: [], unserved: [] };
  const kinds = await composableKinds(kube);
  const idsOf = claims.map((c) => ({ namespace: c.metadata.namespace, name: c.metadata.name }));
  const { objects, unserved } = await composedObjects(kube, kinds, idsOf);
  const trees = claims.map((c) => claimTree(c, objects.filter((o) => o.metadata.labels?.[CLAIM_NAME] === c.metadata.name && o.metadata.labels?.[CLAIM_NAMESPACE] === c.metadata.namespace)));
  return { trees, unserved };
}
