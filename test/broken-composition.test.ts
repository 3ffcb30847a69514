import { DEV_CLAIM } from '../src/examples/claims';
import { prove } from './engine/prove';
import { compositionFor, ptInput } from './helpers/dist';

/**
 * The harness fails loudly on a broken Composition: a copy of dist/'s Composition with one patch
 * path and one transform broken goes through the same real render and validation, and each problem
 * names the Composition, the composed resource and the path.
 */
function brokenCopy(kind: string, edit: (resources: any[]) => void): any {
  const copy = structuredClone(compositionFor(kind));
  edit(copy.spec.pipeline.find((s: any) => s.functionRef.name === 'function-patch-and-transform').input.resources);
  return copy;
}
const patchTo = (resources: any[], resource: string, to: string) => resources.find((r) => r.name === resource).patches.find((p: any) => p.toFieldPath === to);
const name = (kind: string) => compositionFor(kind).metadata.name;

describe('a broken Composition fails the harness with a message that names composition, resource and path', () => {
  test('the unbroken Composition proves clean on the dev claim', () => {
    expect(ptInput().resources.length).toBeGreaterThan(0);
    expect(prove(DEV_CLAIM).problems).toEqual([]);
  });

  test('a patch whose toFieldPath is not in the CRD', () => {
    const composition = brokenCopy('XDatabase', (rs) => (patchTo(rs, 'aurora-cluster', 'spec.forProvider.backupRetentionPeriod').toFieldPath = 'spec.forProvider.backupRetentionPeriods'));
    expect(prove(DEV_CLAIM, composition).problems).toEqual([
      expect.stringMatching(new RegExp(`^Composition ${name('XDatabase')}, resource aurora-cluster \\(rds.aws.upbound.io/v1beta2 Cluster\\): spec.forProvider.backupRetentionPeriods: .*unknown field`)),
    ]);
  });

  test('a map transform without the entry the claim needs', () => {
    // The NAT gateway that zone a's default route uses, mapped from the environment.
    const to = 'spec.forProvider.natGatewayIdSelector.matchLabels[platform.assessment-platform.io/zone]';
    const composition = brokenCopy('XNetwork', (rs) => delete patchTo(rs, 'route-private-default-a', to).transforms[0].map.dev);
    const problems = prove(DEV_CLAIM, composition).problems;
    expect(problems).toHaveLength(1);
    const escaped = to.replace(/[.[\]/]/g, (c) => `\\${c}`);
    expect(problems[0]).toMatch(new RegExp(`^Composition ${name('XNetwork')}, .*key dev is not found in map \\(resource route-private-default-a, patch \\d+: FromCompositeFieldPath spec.parameters.environment -> ${escaped}\\)$`));
  });
});
