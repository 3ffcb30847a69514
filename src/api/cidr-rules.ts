/**
 * CEL building blocks for IPv4 CIDR checks, written with the Kubernetes CEL string library
 * (`split`) and integer arithmetic only, so that the same text runs on the API server and in the
 * test suite's conformant CEL engine.
 */

/** An anchored RE2 pattern for a dotted-quad IPv4 CIDR with a prefix in [lo, hi]. */
export function cidrPattern(lo: number, hi: number): string {
  const octet = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
  const prefixes: string[] = [];
  for (let p = lo; p <= hi; p++) prefixes.push(String(p));
  return `^${octet}(\\.${octet}){3}/(${prefixes.join('|')})$`;
}

/** CEL: octet i (0..3) of the CIDR string expression `s`. */
export function octet(s: string, i: number): string {
  return `int(${s}.split('/')[0].split('.')[${i}])`;
}

/** CEL: prefix length of the CIDR string expression `s`. */
export function prefix(s: string): string {
  return `int(${s}.split('/')[1])`;
}

/** CEL: the first address of the CIDR string expression `s`, counted within its /16 (octets 3 and 4). */
const start = (s: string) => `(${octet(s, 2)} * 256 + ${octet(s, 3)})`;

/** CEL map literal: prefix length -> number of addresses, for prefixes lo..hi. */
function sizes(lo: number, hi: number): string {
  const entries: string[] = [];
  for (let p = lo; p <= hi; p++) entries.push(`${p}: ${2 ** (32 - p)}`);
  return `{${entries.join(', ')}}`;
}

/**
 * CEL: the address part of `s` is the network address of its prefix (no host bits set).
 * Valid for prefixes 16..28, where the host part spans at most the last two octets.
 */
export function isNetworkAddress(s: string, lo: number, hi: number): string {
  return `${start(s)} % ${sizes(lo, hi)}[${prefix(s)}] == 0`;
}

/**
 * CEL: subnet `sub` (prefix 17..26) lies inside VPC `vpc` (prefix 16..20): its prefix is not
 * shorter than the VPC's and its network address lies inside the VPC's range.
 */
export function insideVpc(sub: string, vpc: string): string {
  return [
    `${prefix(sub)} >= ${prefix(vpc)}`,
    `${octet(sub, 0)} == ${octet(vpc, 0)}`,
    `${octet(sub, 1)} == ${octet(vpc, 1)}`,
    `${start(sub)} >= ${octet(vpc, 2)} * 256`,
    `${start(sub)} < ${octet(vpc, 2)} * 256 + ${sizes(16, 20)}[${prefix(vpc)}]`,
  ].join(' && ');
}


/**
 * CEL: CIDRs `a` and `b` (prefix 17..26, inside one VPC of prefix 16..20, so the first two octets
 * are the VPC's) share at least one address.
 */
export function overlaps(a: string, b: string): string {
  const size = (s: string) => `${sizes(17, 26)}[${prefix(s)}]`;
  return `${start(a)} < ${start(b)} + ${size(b)} && ${start(b)} < ${start(a)} + ${size(a)}`;
}
