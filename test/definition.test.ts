import { missingSegment } from './helpers/field-path';
import { xrdDoc, xrdSchemaDoc } from './helpers/dist';

/**
 * The XRD as a platform engineer reads it: every parameter explains itself, states its default
 * (or why it is required), and is bounded; every status field says what it is; printer columns
 * point at real fields.
 */
interface Field {
  readonly path: string;
  readonly node: any;
  readonly required: boolean;
}

/** Every property below `node`, with whether its parent lists it as required. */
function fields(node: any, path: string): Field[] {
  if (node.type !== 'object' || !node.properties) return [];
  return Object.entries<any>(node.properties).flatMap(([k, sub]) => [
    { path: `${path}.${k}`, node: sub, required: (node.required ?? []).includes(k) },
    ...fields(sub, `${path}.${k}`),
  ]);
}

/** Problems of one parameter: no description, no stated default or reason to be required, no bounds. */
export function parameterProblems(f: Field): string[] {
  const out: string[] = [];
  const d: string = f.node.description ?? '';
  if (d.trim().length < 10) out.push(`${f.path}: no description`);
  const statesDefault = f.node.default !== undefined || /Default: /.test(d);
  if (f.required ? !/Required/.test(d) : !statesDefault) out.push(`${f.path}: ${f.required ? 'required without saying why' : 'no default, and no default stated'}`);
  if (f.node.default !== undefined && !/Default/.test(d) && f.node.type !== 'object') out.push(`${f.path}: default ${JSON.stringify(f.node.default)} not stated in the description`);
  switch (f.node.type) {
    case 'string':
      if (!f.node.enum && !(f.node.pattern && f.node.maxLength)) out.push(`${f.path}: string without enum, or pattern and maxLength`);
      break;
    case 'integer':
    case 'number':
      if (f.node.minimum === undefined || f.node.maximum === undefined) out.push(`${f.path}: number without minimum and maximum`);
      break;
    case 'array':
      if (f.node.maxItems === undefined || !(f.node.items?.enum || (f.node.items?.pattern && f.node.items?.maxLength))) out.push(`${f.path}: array without maxItems and bounded items`);
      break;
  }
  return out;
}

const parameters = () => fields(xrdSchemaDoc().properties.spec.properties.parameters, 'spec.parameters');

describe('the XRD explains and bounds every field', () => {
  test('there are parameters to check', () => {
    expect(parameters().length).toBeGreaterThan(20);
  });

  test('every parameter has a description, a stated default or a reason it is required, and bounds', () => {
    expect(parameters().flatMap(parameterProblems)).toEqual([]);
  });

  test('a parameter without description, default or bounds is caught', () => {
    expect(parameterProblems({ path: 'spec.parameters.x', node: { type: 'integer' }, required: false })).toEqual([
      'spec.parameters.x: no description',
      'spec.parameters.x: no default, and no default stated',
      'spec.parameters.x: number without minimum and maximum',
    ]);
    expect(parameterProblems({ path: 'spec.parameters.y', node: { type: 'string', description: 'Something of the claim.' }, required: true })).toEqual([
      'spec.parameters.y: required without saying why',
      'spec.parameters.y: string without enum, or pattern and maxLength',
    ]);
  });

  test("every object default holds every field its own CEL rules read without has() (the API server rejects the CRD otherwise, and Crossplane never establishes the XRD)", () => {
    const bad: string[] = [];
    const walk = (node: any, path: string) => {
      if (node.default !== undefined && node.type === 'object') {
        for (const { rule } of node['x-kubernetes-validations'] ?? []) {
          for (const [, field] of rule.matchAll(/self\.(\w+)/g)) {
            if (!rule.includes(`has(self.${field})`) && !(field in node.default)) bad.push(`${path}: default lacks ${field}, which "${rule}" reads`);
          }
        }
      }
      for (const [k, v] of Object.entries<any>(node.properties ?? {})) walk(v, `${path}.${k}`);
    };
    walk(xrdSchemaDoc().properties.spec.properties.parameters, 'spec.parameters');
    expect(bad).toEqual([]);
    // The check catches the empty default that made the XRD uninstallable.
    const broken = { type: 'object', default: {}, properties: { a: { type: 'integer' } }, 'x-kubernetes-validations': [{ rule: 'self.a <= 1', message: 'm' }] };
    bad.length = 0;
    walk({ properties: { x: broken } }, 'p');
    expect(bad).toEqual(['p.x: default lacks a, which "self.a <= 1" reads']);
  });

  test('every status field says what it is', () => {
    const undocumented = fields(xrdSchemaDoc().properties.status, 'status').filter((f) => (f.node.description ?? '').trim().length < 5);
    expect(undocumented.map((f) => f.path)).toEqual([]);
  });

  test('printer columns point at fields of the schema', () => {
    const columns = xrdDoc().spec.versions[0].additionalPrinterColumns;
    expect(columns.length).toBeGreaterThanOrEqual(4);
    for (const c of columns) expect([c.name, missingSegment(xrdSchemaDoc(), c.jsonPath.replace(/^\./, ''))]).toEqual([c.name, undefined]);
  });
});
