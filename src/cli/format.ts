import { ClaimTree, TreeNode } from './platform';

/** An age as kubectl prints it: 45s, 12m, 5h, 3d. */
export function age(since: string | undefined, now = Date.now()): string {
  if (!since) return '-';
  const s = Math.max(0, Math.round((now - Date.parse(since)) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

/** Rows as aligned columns (the last column is not padded). */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
}

/** Cut a message to one line of at most `max` characters. */
export const oneLine = (m: string | undefined, max = 160) => {
  const s = (m ?? '').replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

/** The tree of a claim as `apctl status` prints it. */
export function renderTree(t: ClaimTree, options: { problemsOnly?: boolean; now?: number } = {}): string {
  const header = `${t.root.kind} ${t.claim.namespace}/${t.claim.name}: environment ${t.environment ?? '?'}, sizing tier ${t.sizingTier ?? '(not yet known)'}, ${t.readyCount}/${t.total} Ready`;
  const rows: string[][] = [['NAME', 'READY', 'SYNCED', 'AGE', 'MESSAGE']];
  const visit = (n: TreeNode, prefix: string, last: boolean, depth: number) => {
    const fine = n.ready === 'True' && n.synced !== 'False';
    const shown = !options.problemsOnly || depth < 3 || !fine;
    if (shown) {
      const branch = depth === 0 ? '' : `${prefix}${last ? '└─ ' : '├─ '}`;
      rows.push([`${branch}${n.kind}/${n.name}`, n.ready ?? '-', n.synced ?? '-', age(n.created, options.now), oneLine(n.message)]);
    }
    const childPrefix = depth === 0 ? '' : `${prefix}${last ? '   ' : '│  '}`;
    n.children.forEach((c, i) => visit(c, childPrefix, i === n.children.length - 1, depth + 1));
  };
  visit(t.root, '', true, 0);
  return `${header}\n${table(rows)}`;
}
