import { crdFor } from './helpers/crds';
import { expandedPatches, ptInput, xrdSchemaDoc } from './helpers/dist';
import { schemaAt } from './helpers/field-path';

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

/** Each verb of a Go format string with the 0-based index of the argument it consumes. */
export function goVerbs(fmt: string): { verb: string; arg: number }[] {
  const out: { verb: string; arg: number }[] = [];
  let next = 0;
  for (const m of fmt.matchAll(/%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d+)?([a-zA-Z%])/g)) {
    if (m[2] === '%') continue;
    const arg = m[1] !== undefined ? Number(m[1]) - 1 : next;
    out.push({ verb: m[2], arg });
    next = arg + 1;
  }
  return out;
}

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

const goTypeOfValue = (v: unknown): GoType => (typeof v === 'string' ? 'string' : typeof v === 'number' ? 'float64' : typeof v === 'boolean' ? 'bool' : 'unknown');

const CONVERTED: Record<string, GoType> = { string: 'string', int: 'int64', int64: 'int64', float64: 'float64', bool: 'bool' };

function verbProblems(fmt: string, args: GoType[], where: string): string[] {
  return goVerbs(fmt)
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
  test('the verb parser follows explicit argument indexes', () => {
    expect(goVerbs('rediss://ap-app-%[1]s@%[2]s:%[3]v')).toEqual([
      { verb: 's', arg: 0 },
      { verb: 's', arg: 1 },
      { verb: 'v', arg: 2 },
    ]);
    expect(goVerbs('%s-%d %% %[1]q')).toEqual([
      { verb: 's', arg: 0 },
      { verb: 'd', arg: 1 },
      { verb: 'q', arg: 0 },
    ]);
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
