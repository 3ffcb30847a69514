import { claimManifest } from '../src/examples/claims';
import { RENDERED_CLAIMS } from './engine/claims';
import { convergeCached } from './engine/converge';
import { validate, ValidateResult } from './engine/crank';
import { distObjects, isBuiltinKind } from './helpers/dist';

/**
 * `crank beta validate` (the API server's own OpenAPI, unknown-field and CEL validation, including
 * the provider's "is a required parameter" rules), fully offline and with
 * --error-on-missing-schemas, over dist/ itself and over every claim, its converged XR and every
 * resource it renders.
 */
const key = (o: any) => `${o.kind}/${o.metadata?.name ?? ''}`;

function expectAllValid(objects: any[], result: ValidateResult): void {
  expect(result.other).toEqual([]);
  const failures = result.verdicts.filter((v) => v.errors.length).map((v) => `${v.gvk} ${v.name}: ${v.errors.join('; ')}`);
  expect(failures).toEqual([]);
  const seen = new Set(result.verdicts.map((v) => `${v.gvk.split('Kind=')[1]}/${v.name}`));
  expect(objects.map(key).filter((k) => !seen.has(k))).toEqual([]);
}

describe('crank beta validate', () => {
  test('every object in dist/ (XRDs, Compositions with their function inputs, Functions, Providers, runtime config, activation policy, ProviderConfigs, Argo CD AppProjects and Applications, example claims)', () => {
    const objects = distObjects().filter((o) => !isBuiltinKind(o));
    const t0 = Date.now();
    const result = validate(objects);
    const argo = objects.filter((o) => o.apiVersion.startsWith('argoproj.io/')).length;
    console.log(`validate: crank beta validate of dist/ (${objects.length} objects, ${argo} of them Argo CD's) took ${Date.now() - t0} ms`);
    expectAllValid(objects, result);
    // The Composition's pipeline inputs are validated against the functions' input CRDs too.
    expect(result.verdicts.map((v) => v.gvk)).toEqual(expect.arrayContaining(['pt.fn.crossplane.io/v1beta1, Kind=Resources', 'cel.fn.crossplane.io/v1beta1, Kind=Filters', 'argoproj.io/v1alpha1, Kind=Application', 'argoproj.io/v1alpha1, Kind=AppProject', 'aws.upbound.io/v1beta1, Kind=ProviderConfig', 'pkg.crossplane.io/v1beta1, Kind=DeploymentRuntimeConfig']));
  });

  test('every rendered claim, its converged XR and every composed resource it renders', () => {
    const objects = RENDERED_CLAIMS.flatMap((claim) => {
      const c = convergeCached(claim);
      return [{ ...claimManifest(claim), metadata: { name: `claim-${claim.name}`, namespace: claim.namespace } }, c.xr, ...Object.values(c.observed)];
    });
    expectAllValid(objects, validate(objects));
  });
});
