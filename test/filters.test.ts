import { DEV_CLAIM, PROD_CLAIM, PlatformParameters } from '../src/examples/claims';
import { compositionDoc, ptInput } from './helpers/dist';
import { celFilterKeeps, exampleXr } from './helpers/render';

/** Names of the composed resources the filter step keeps for a claim. */
function kept(parameters: PlatformParameters): string[] {
  const xr = exampleXr({ name: 'x', namespace: 'n', parameters });
  return ptInput()
    .resources.map((r: any) => r.name)
    .filter((name: string) => celFilterKeeps(xr, name));
}

const readers = (names: string[]) => names.filter((n) => n.startsWith('aurora-instance-reader')).sort();

describe('conditional resources (function-cel-filter expressions, evaluated with @bufbuild/cel)', () => {
  test('every filter names a composed resource', () => {
    const names = new Set(ptInput().resources.map((r: any) => r.name));
    const step = compositionDoc().spec.pipeline.find((s: any) => s.functionRef.name === 'function-cel-filter');
    for (const f of step.input.filters) expect(names.has(f.name)).toBe(true);
  });

  test('prod (3 AZs, 100k students): zone c, a NAT gateway per AZ, 2 readers in b and c', () => {
    const names = kept(PROD_CLAIM.parameters);
    for (const n of ['subnet-private-c', 'subnet-public-c', 'nat-gateway-a', 'nat-gateway-b', 'nat-gateway-c', 'route-private-default-c']) expect(names).toContain(n);
    expect(readers(names)).toEqual(['aurora-instance-reader-1', 'aurora-instance-reader-2-az3']);
  });

  test('dev (2 AZs, readers 0): no zone c, one NAT gateway, no readers', () => {
    const names = kept(DEV_CLAIM.parameters);
    for (const n of ['subnet-private-c', 'subnet-public-c', 'nat-gateway-b', 'nat-gateway-c', 'nat-eip-b', 'route-table-private-c']) expect(names).not.toContain(n);
    for (const n of ['subnet-private-b', 'nat-gateway-a', 'route-private-default-b', 'aurora-instance-writer']) expect(names).toContain(n);
    expect(readers(names)).toEqual([]);
  });

  test('staging gets a NAT gateway per AZ; dev with 3 AZs still one', () => {
    const base = { ...DEV_CLAIM.parameters, network: undefined };
    expect(kept({ ...base, environment: 'staging' })).toContain('nat-gateway-c');
    expect(kept({ ...base, environment: 'dev' })).not.toContain('nat-gateway-b');
    expect(kept({ ...base, environment: 'dev' })).toContain('subnet-private-c');
  });

  test('readers follow the table when not overridden, and the override when set', () => {
    const p: PlatformParameters = { ...PROD_CLAIM.parameters, capacity: { expectedConcurrentStudents: 300000 } };
    expect(readers(kept(p))).toEqual(['aurora-instance-reader-1', 'aurora-instance-reader-2-az3', 'aurora-instance-reader-3-az3']);
    expect(readers(kept({ ...p, database: { readers: 5 } }))).toEqual([
      'aurora-instance-reader-1',
      'aurora-instance-reader-2-az3',
      'aurora-instance-reader-3-az3',
      'aurora-instance-reader-4-az3',
      'aurora-instance-reader-5-az3',
    ]);
    expect(readers(kept({ ...DEV_CLAIM.parameters, database: { readers: 3 } }))).toEqual([
      'aurora-instance-reader-1',
      'aurora-instance-reader-2-az2',
      'aurora-instance-reader-3-az2',
    ]);
  });
});
