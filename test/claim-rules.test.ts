import { EXAMPLE_CLAIMS } from '../src/examples/claims';
import { BAD_CLAIMS as CASES, BAD_UPDATES, claim, dev, goNumber, P, prod, tooLong, unsupported } from './engine/bad-claims';
import { validate, Verdict } from './engine/crank';
import { xrdSchemaDoc } from './helpers/dist';

/**
 * The claim's rules as users meet them: bad claims through `crank beta validate`, which checks the
 * claim CRD that Crossplane generates from the XRD with the API server's own OpenAPI, unknown-field
 * and CEL validation. Each case asserts the message a user reads. A coverage test proves that the
 * table reaches every CEL rule, every enum and every bound of the XRD.
 */
describe('claim rules, checked by crank beta validate against the claim CRD generated from the XRD', () => {
  let verdicts: Map<string, Verdict>;
  beforeAll(() => {
    const claims = [
      ...CASES.map(([, params], i) => claim(`bad-${i}`, params)),
      ...[dev, prod, { ...dev, database: { readers: 1, deletionProtection: true }, network: { azCount: 2 } }].map((params, i) => claim(`good-${i}`, params)),
      ...EXAMPLE_CLAIMS.map((c) => claim(`example-${c.name}`, c.parameters)),
    ];
    verdicts = new Map(validate(claims).verdicts.map((v) => [v.name, v]));
  });

  test('the table has a case for every CEL rule, enum and bound of the XRD (at least 25 cases)', () => {
    const expected = CASES.map(([, , m]) => m);
    const missing: string[] = [];
    const walk = (node: any, path: string) => {
      for (const rule of node['x-kubernetes-validations'] ?? []) {
        // Transition rules (oldSelf) only apply to updates: the live suite's BAD_UPDATES covers them.
        const table = rule.rule.includes('oldSelf') ? BAD_UPDATES.map(([, , , m]) => m) : expected;
        if (!table.some((m) => m.includes(rule.message) || rule.message.includes(m.replace(/^.*: /, '')))) missing.push(`CEL at ${path}: ${rule.message}`);
      }
      if (node.enum && !expected.includes(unsupported(path.slice(P.length + 1)))) missing.push(`enum at ${path}`);
      if (node.minimum !== undefined && !expected.some((m) => m.startsWith(`${path} in body should be greater than or equal to ${goNumber(node.minimum)}`))) missing.push(`minimum at ${path}`);
      if (node.maximum !== undefined && !expected.some((m) => m.startsWith(`${path} in body should be less than or equal to ${goNumber(node.maximum)}`))) missing.push(`maximum at ${path}`);
      if (node.pattern && !expected.some((m) => m.startsWith(path) && m.includes('should match'))) missing.push(`pattern at ${path}`);
      if (node.minLength !== undefined && !expected.some((m) => m.startsWith(`${path} in body should be at least ${node.minLength} chars long`))) missing.push(`minLength at ${path}`);
      if (node.maxLength !== undefined && !expected.includes(tooLong(path.slice(P.length + 1), node.maxLength))) missing.push(`maxLength at ${path}`);
      if (node.minItems !== undefined && !expected.some((m) => m.startsWith(path) && m.includes(`at least ${node.minItems} items`))) missing.push(`minItems at ${path}`);
      if (node.maxItems !== undefined && !expected.some((m) => m.startsWith(path) && m.includes(`at most ${node.maxItems} items`))) missing.push(`maxItems at ${path}`);
      for (const [k, v] of Object.entries<any>(node.properties ?? {})) walk(v, `${path}.${k}`);
      if (node.items) walk(node.items, `${path}[2]`);
    };
    walk(xrdSchemaDoc().properties.spec.properties.parameters, P);
    expect(missing).toEqual([]);
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    // Integer bounds below 1e6: crank and the API server print them alike (see goNumber).
    const big: string[] = [];
    const bounds = (node: any, path: string) => {
      for (const b of ['minimum', 'maximum'] as const) if (node.type === 'integer' && Math.abs(node[b] ?? 0) >= 1e6) big.push(`${b} of ${path}`);
      for (const [k, v] of Object.entries<any>(node.properties ?? {})) bounds(v, `${path}.${k}`);
    };
    bounds(xrdSchemaDoc().properties.spec.properties.parameters, P);
    expect(big).toEqual([]);
  });

  test.each(CASES.map(([n, , m], i) => [n, i, m] as const))('rejects %s', (_n, i, message) => {
    expect(verdicts.get(`bad-${i}`)?.errors ?? ['no verdict']).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
  });

  test('accepts minimal dev and prod claims, a corrected claim and the examples', () => {
    const names = ['good-0', 'good-1', 'good-2', ...EXAMPLE_CLAIMS.map((c) => `example-${c.name}`)];
    expect(names.map((n) => [n, verdicts.get(n)?.errors ?? ['no verdict']])).toEqual(names.map((n) => [n, []]));
  });
});
