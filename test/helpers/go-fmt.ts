/**
 * Go's fmt.Sprintf for the values a Crossplane function holds (strings, float64 numbers, bools),
 * including what Go prints for a wrong verb (`%!d(float64=6379)`), a missing argument and an extra
 * one. function-patch-and-transform's string Format transform and Combine are fmt.Sprintf, and a
 * function sees every JSON number as a float64 (protobuf Struct), so this is what lands in a manifest.
 */

/** Go's shortest %v / %g of a float64: exponent form when the exponent is < -4 or >= 6 (strconv's shortest rule). */
export function goFloat(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const [mantissa, expText] = v.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(v);
}

/** The Go type of a scalar a function holds (JSON numbers are float64), or undefined for maps and lists. */
export const goScalarType = (v: unknown): 'string' | 'float64' | 'bool' | undefined =>
  typeof v === 'string' ? 'string' : typeof v === 'number' ? 'float64' : typeof v === 'boolean' ? 'bool' : undefined;

const goTypeName = (v: unknown) => goScalarType(v) ?? 'map[string]interface {}';
const plain = (v: unknown) => (typeof v === 'number' ? goFloat(v) : String(v));

function formatOne(verb: string, v: unknown): string {
  if (typeof v === 'string' && 'sv'.includes(verb)) return v;
  if (typeof v === 'string' && verb === 'q') return JSON.stringify(v);
  if (typeof v === 'number' && 'vg'.includes(verb)) return goFloat(v);
  if (typeof v === 'number' && verb === 'f') return v.toFixed(6);
  if (typeof v === 'boolean' && 'tv'.includes(verb)) return String(v);
  return `%!${verb}(${goTypeName(v)}=${plain(v)})`;
}

/** One `%` directive of a Go format string: where it is, its verb, and the 0-based argument it takes. */
export interface GoDirective {
  readonly start: number;
  readonly end: number;
  readonly verb: string;
  /** Undefined for `%%`. */
  readonly arg?: number;
  /** Whether the argument was chosen with an explicit index (`%[2]s`). */
  readonly indexed: boolean;
}

/** The directives of a Go format string, with argument indexes resolved as fmt does. */
export function goDirectives(format: string): GoDirective[] {
  const out: GoDirective[] = [];
  let next = 0;
  for (const m of format.matchAll(/%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d+)?([a-zA-Z%])/g)) {
    const base = { start: m.index!, end: m.index! + m[0].length, verb: m[2], indexed: m[1] !== undefined };
    if (m[2] === '%') {
      out.push(base);
      continue;
    }
    const arg = m[1] !== undefined ? Number(m[1]) - 1 : next;
    next = arg + 1;
    out.push({ ...base, arg });
  }
  return out;
}

/** fmt.Sprintf(format, args...) for verbs without width or precision flags (the ones patches use). */
export function goSprintf(format: string, args: unknown[]): string {
  const directives = goDirectives(format);
  let out = '';
  let last = 0;
  for (const d of directives) {
    out += format.slice(last, d.start);
    last = d.end;
    if (d.arg === undefined) out += '%';
    else out += d.arg < args.length ? formatOne(d.verb, args[d.arg]) : `%!${d.verb}(MISSING)`;
  }
  out += format.slice(last);
  const used = Math.max(0, ...directives.map((d) => (d.arg ?? -1) + 1));
  if (!directives.some((d) => d.indexed) && used < args.length) {
    out += `%!(EXTRA ${args.slice(used).map((a) => `${goTypeName(a)}=${plain(a)}`).join(', ')})`;
  }
  return out;
}
