import { Kube } from './kube';

/**
 * The managed resources of a claim across every composed kind, found by the claim labels that
 * Crossplane puts on each composed resource.
 */
export type Kind = { readonly apiVersion: string; readonly kind: string };

export const claimSelector = (namespace: string, name: string) => `crossplane.io/claim-namespace=${namespace},crossplane.io/claim-name=${name}`;

export async function composedOf(kube: Kube, kinds: readonly Kind[], namespace: string, name: string): Promise<any[]> {
  const lists = await Promise.all(kinds.map(async (k) => (await kube.list(k.apiVersion, k.kind, { labelSelector: claimSelector(namespace, name) })).items.map((o) => ({ apiVersion: k.apiVersion, kind: k.kind, ...o }))));
  return lists.flat();
}

/** `group/Kind name (composition resource name)`, for messages. */
export const describeResource = (o: any) => `${o.apiVersion.split('/')[0]}/${o.kind} ${o.metadata.name} (${o.metadata.annotations?.['crossplane.io/composition-resource-name'] ?? '?'})`;

/** Leaf paths and values of an object (`a.b[0].c` → value), optionally skipping top-level keys. */
export function leaves(o: any, skip: readonly string[] = [], prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (v: any, p: string) => {
    if (v !== null && typeof v === 'object') {
      const entries = Array.isArray(v) ? v.map((x, i) => [`[${i}]`, x] as const) : Object.entries(v).map(([k, x]) => [p ? `.${k}` : k, x] as const);
      for (const [k, x] of entries) if (!(p === prefix && skip.includes(k.replace(/^\./, '')))) walk(x, `${p}${k}`);
    } else out[p] = v;
  };
  walk(o, prefix);
  return out;
}
