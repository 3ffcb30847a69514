/** Crossplane field paths: `a.b[0].c`, `metadata.annotations[crossplane.io/external-name]`. */
export function parseFieldPath(p: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[([^\]]+)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(p))) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return out;
}

/**
 * Whether `p` names a field that exists in `schema`: each segment must be a declared property,
 * a key of a map (additionalProperties), or an index into an array. Anything below
 * x-kubernetes-preserve-unknown-fields or an untyped object (metadata) is accepted.
 * Returns undefined when it exists, else the first segment that does not.
 */
export function missingSegment(schema: any, p: string): string | undefined {
  let node = schema;
  for (const seg of parseFieldPath(p)) {
    if (!node) return String(seg);
    if (node['x-kubernetes-preserve-unknown-fields']) return undefined;
    if (typeof seg === 'number') {
      if (node.type !== 'array') return `[${seg}]`;
      node = node.items;
      continue;
    }
    if (node.type === 'array') return String(seg);
    if (node.properties && node.properties[seg]) node = node.properties[seg];
    else if (node.additionalProperties && typeof node.additionalProperties === 'object') node = node.additionalProperties;
    else if (node.type === 'object' && !node.properties && !node.additionalProperties) return undefined;
    else return String(seg);
  }
  return undefined;
}

/** The value at `p` in `obj`, or undefined. */
export function getPath(obj: any, p: string): any {
  let cur = obj;
  for (const seg of parseFieldPath(p)) {
    if (cur === undefined || cur === null) return undefined;
    cur = cur[seg as any];
  }
  return cur;
}
