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
 * Walk `schema` along `p`: each segment must be a declared property, a key of a map
 * (additionalProperties), or an index into an array. Below x-kubernetes-preserve-unknown-fields or
 * an untyped object (metadata) anything goes, and the node is unknown (undefined).
 */
function walkSchema(schema: any, p: string): { node?: any; missing?: string } {
  let node = schema;
  for (const seg of parseFieldPath(p)) {
    if (!node) return { missing: String(seg) };
    if (node['x-kubernetes-preserve-unknown-fields']) return {};
    if (typeof seg === 'number') {
      if (node.type !== 'array') return { missing: `[${seg}]` };
      node = node.items;
      continue;
    }
    if (node.type === 'array') return { missing: String(seg) };
    if (node.properties && node.properties[seg]) node = node.properties[seg];
    else if (node.additionalProperties && typeof node.additionalProperties === 'object') node = node.additionalProperties;
    else if (node.type === 'object' && !node.properties && !node.additionalProperties) return {};
    else return { missing: String(seg) };
  }
  return { node };
}

/**
 * Whether `p` names a field that exists in `schema` (see walkSchema).
 * Returns undefined when it exists, else the first segment that does not.
 */
export function missingSegment(schema: any, p: string): string | undefined {
  return walkSchema(schema, p).missing;
}

/** The schema node at `p`, or undefined when it is missing or not described (free-form). */
export function schemaAt(schema: any, p: string): any {
  return walkSchema(schema, p).node;
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
