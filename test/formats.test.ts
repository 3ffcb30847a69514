import { crdFor } from './helpers/crds';
import { expandedPatches, ptInput, xrdSchemaDoc } from './helpers/dist';
import { schemaAt } from './helpers/field-path';
import { goDirectives, goFloat, goScalarType, goSprintf } from './helpers/go-fmt';

/**
 * Go fmt verbs against the Go types function-patch-and-transform really sees. A function gets the
 * observed XR and composed resources as protobuf Structs, so every JSON number arrives as float64:
 * `%d` on a port prints `%!d(float64=6379)` into the manifest, and `%s` on a number is as bad. A
 * string Format transform and a Combine are Go's fmt.Sprintf, so each verb must suit its argument.
 */
type GoType = 'string' | 'float64' | 'int64' | 'bool' | 'unknown';

const VERBS: Record<Exclude<GoType, 'unknown'>, string> = {
  string: 'sqvxX',
  float64: 'vgGfFeEbxX',
  int64: 'dvboOxXcqU',
  bool: 'tv',
};

/** The Go type a value of this OpenAPI schema node has inside a function. */
function goTypeOf(node: any): GoType {
  switch (node?.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    default:
      return 'unknown';
  }
}

const goTypeOfValue = (v: unknown): GoType => goScalarType(v) ?? 'unknown';

const CONVERTED: Record<string, GoType> = { string: 'string', int: 'int64', int64: 'int64', float64: 'float64', bool: 'bool' };

function verbProblems(fmt: string, args: GoType[], where: string): string[] {
  return goDirectives(fmt)
    .flatMap((d) => (d.arg === undefined ? [] : [{ verb: d.verb, arg: d.arg }]))
    .filter(({ verb, arg }) => args[arg] !== undefined && args[arg] !== 'unknown' && !VERBS[args[arg] as Exclude<GoType, 'unknown'>].includes(verb))
    .map(({ verb, arg }) => `${where}: %${verb} on argument ${arg + 1}, a ${args[arg]} at run time, in "${fmt}"`);
}

/** Problems with the fmt verbs of one composed resource's patches. */
export function formatProblems(resource: any): string[] {
  const crd = crdFor(resource.base.apiVersion, resource.base.kind);
  const xrType = (p: string) => goTypeOf(schemaAt(xrdSchemaDoc(), p));
  const problems: string[] = [];
  for (const patch of expandedPatches(resource)) {
    const where = `${resource.name} → ${patch.toFieldPath}`;
    if (patch.type === 'CombineFromComposite') {
      problems.push(...verbProblems(patch.combine.string.fmt, patch.combine.variables.map((v: any) => xrType(v.fromFieldPath)), where));
      continue;
    }
    let type: GoType = patch.type === 'ToCompositeFieldPath' ? goTypeOf(crd && schemaAt(crd.schema, patch.fromFieldPath)) : xrType(patch.fromFieldPath);
    for (const t of patch.transforms ?? []) {
      if (t.type === 'string') {
        if (t.string.type === 'Format') problems.push(...verbProblems(t.string.fmt, [type], where));
        type = 'string';
      } else if (t.type === 'convert') {
        type = CONVERTED[t.convert.toType] ?? 'unknown';
      } else if (t.type === 'map') {
        const types = new Set(Object.values(t.map).map(goTypeOfValue));
        type = types.size === 1 ? [...types][0] : 'unknown';
      } else if (t.type === 'match') {
        const types = new Set([...t.match.patterns.map((p: any) => p.result), ...(t.match.fallbackValue !== undefined ? [t.match.fallbackValue] : [])].map(goTypeOfValue));
        type = types.size === 1 ? [...types][0] : 'unknown';
      } else {
        type = 'unknown';
      }
    }
  }
  return problems;
}

describe('Go fmt verbs in patches suit the run-time types', () => {
  test('the directive parser follows explicit argument indexes', () => {
    const args = (f: string) => goDirectives(f).map((d) => [d.verb, d.arg]);
    expect(args('rediss://ap-app-%[1]s@%[2]s:%[3]v')).toEqual([['s', 0], ['s', 1], ['v', 2]]);
    expect(args('%s-%d %% %[1]q')).toEqual([['s', 0], ['d', 1], ['%', undefined], ['q', 0]]);
  });

  test('goSprintf prints what Go 1.26 prints (outputs taken from `go run`)', () => {
    const cases: [number, string][] = [[6379, '6379'], [100000, '100000'], [1000000, '1e+06'], [1234567, '1.234567e+06'], [0.5, '0.5'], [1e21, '1e+21'], [0.0001, '0.0001'], [0.00001, '1e-05']];
    for (const [f, v] of cases) {
      expect(goFloat(f)).toBe(v);
      expect(goSprintf('%v|%s|%d', [f, f, f])).toBe(`${v}|%!s(float64=${v})|%!d(float64=${v})`);
    }
    expect(goSprintf('x-%[1]s-%[2]v-%[3]d', ['a', 1, true])).toBe('x-a-1-%!d(bool=true)');
    expect(goSprintf('%s', [true])).toBe('%!s(bool=true)');
    expect(goSprintf('%s %s', ['a'])).toBe('a %!s(MISSING)');
    expect(goSprintf('%s', ['a', 'b'])).toBe('a%!(EXTRA string=b)');
  });

  test.each((ptInput().resources as any[]).map((r) => [r.name, r]))('%s', (_n, r: any) => {
    expect(formatProblems(r)).toEqual([]);
  });

  test('a %d on a port (a float64 in the function) is caught', () => {
    const r = structuredClone((ptInput().resources as any[]).find((x) => x.name === 'redis-connection-secret'));
    const combine = r.patches.find((p: any) => p.type === 'CombineFromComposite');
    combine.combine.string.fmt = combine.combine.string.fmt.replace('%[3]v', '%[3]d');
    expect(formatProblems(r)).toEqual([expect.stringContaining('%d on argument 3, a float64 at run time')]);
  });

  test('a %s on a number without a convert transform is caught', () => {
    const r = structuredClone((ptInput().resources as any[]).find((x) => x.name === 'vpc'));
    r.patches.push({ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.parameters.capacity.expectedConcurrentStudents', toFieldPath: 'spec.forProvider.tags.Students', transforms: [{ type: 'string', string: { type: 'Format', fmt: '%s students' } }] });
    expect(formatProblems(r)).toEqual([expect.stringContaining('%s on argument 1, a float64 at run time')]);
  });
});
