import { tierResources } from '../composition/tiers';
import { CLAIM_KIND, XR_KIND } from '../config';

/**
 * The Mermaid diagram of the APIs and the values that flow between them, built from the platform's
 * composed tier resources (tiers.ts): for each tier, the platform status it reads (written by
 * another tier) and the status it writes, and the Usages that order deletion. docs/architecture.md
 * carries it between markers; test/apis.test.ts keeps the two equal.
 */
export function apiDiagram(): string {
  const tiers = tierResources().filter((r) => r.base.kind !== 'ClusterUsage');
  // The Usages between tiers (a user and what it uses); those without a user only guard against a delete by hand.
  const usages = tierResources().filter((r) => r.base.kind === 'ClusterUsage' && (r.base as any).spec.by);
  const byName = new Map(tiers.map((t) => [t.name, t]));
  /** Which tier writes a platform status path (its ToCompositeFieldPath patches). */
  const writer = (statusPath: string) =>
    tiers.find((t) => (t.patches ?? []).some((p: any) => p.type === 'ToCompositeFieldPath' && (statusPath === p.toFieldPath || statusPath.startsWith(`${p.toFieldPath}.`))))?.name;
  const lines = ['flowchart LR', `  claim["${CLAIM_KIND} (claim)"] --> platform["${XR_KIND}"]`];
  for (const t of tiers) lines.push(`  platform -->|spec.parameters| ${t.name}["${t.base.kind}"]`);
  const edges = new Map<string, Set<string>>();
  for (const t of tiers) {
    for (const p of (t.patches ?? []) as any[]) {
      if (p.type !== 'FromCompositeFieldPath' || !p.fromFieldPath.startsWith('status.')) continue;
      const from = writer(p.fromFieldPath);
      if (!from) throw new Error(`tier ${t.name} reads ${p.fromFieldPath}, which no tier writes`);
      const key = `${from}->${t.name}`;
      edges.set(key, (edges.get(key) ?? new Set()).add(p.fromFieldPath.replace(/^status\./, '')));
    }
  }
  for (const [key, values] of [...edges].sort()) {
    const [from, to] = key.split('->');
    lines.push(`  ${from} -->|"${[...values].sort().join('<br/>')}"| ${to}`);
  }
  for (const u of usages) {
    const spec = (u.base as any).spec;
    const user = byName.get(spec.by.resourceSelector.matchLabels[Object.keys(spec.by.resourceSelector.matchLabels)[0]])?.name;
    const used = byName.get(spec.of.resourceSelector.matchLabels[Object.keys(spec.of.resourceSelector.matchLabels)[0]])?.name;
    if (!user || !used) throw new Error(`Usage ${u.name} names a tier the platform does not compose`);
    lines.push(`  ${user} -.->|deleted before| ${used}`);
  }
  return lines.join('\n');
}
