/**
 * Benchmark: time to synthesize all of dist/ and to validate all of it (every composed base and
 * every object against the real CRDs, every patch path, every example claim's CEL rules), and to
 * render the example claims offline and validate what they render.
 * Prints figures; asserts nothing. Run: make bench
 */
import { performance } from 'perf_hooks';
import { EXAMPLE_CLAIMS } from '../src/examples/claims';
import { allCrdVersions, crdFor } from '../test/helpers/crds';
import { validateParameters } from '../test/helpers/claim-validation';
import { readDocs, synthToTemp } from '../test/helpers/dist';
import { missingSegment } from '../test/helpers/field-path';
import { crdErrors, exampleXr, finalResources, reconcile } from '../test/helpers/render';
import { schemaErrors } from '../test/helpers/schema-check';

function time<T>(label: string, fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  console.log(`${label.padEnd(48)} ${(performance.now() - t0).toFixed(0).padStart(6)} ms`);
  return out;
}

const dir = time('synthesize dist/ (4 charts)', () => synthToTemp());
const docs = time('parse dist/ YAML', () => Object.values(readDocs(dir)).flat());
time('load and parse the real CRDs', () => allCrdVersions().length);
const composition = docs.find((d) => d.kind === 'Composition');
const resources = composition.spec.pipeline[0].input.resources as any[];
const errors = time(`validate ${resources.length} bases + ${docs.length} objects`, () =>
  [...resources.map((r) => r.base), ...docs.filter((d) => crdFor(d.apiVersion, d.kind))].flatMap((o) => schemaErrors(crdFor(o.apiVersion, o.kind)!.schema, o)),
);
const xrd = docs.find((d) => d.kind === 'CompositeResourceDefinition').spec.versions[0].schema.openAPIV3Schema;
const patches = resources.flatMap((r) => r.patches ?? []).length;
time(`check ${patches} patch paths`, () => resources.flatMap((r) => (r.patches ?? []).map((p: any) => p.fromFieldPath && missingSegment(xrd, p.fromFieldPath))));
time(`validate ${EXAMPLE_CLAIMS.length} example claims (OpenAPI + CEL)`, () => EXAMPLE_CLAIMS.map((c) => validateParameters(xrd.properties.spec.properties.parameters, c.parameters)));
const runs = time(`render ${EXAMPLE_CLAIMS.length} example claims offline until stable`, () => EXAMPLE_CLAIMS.map((c) => reconcile(exampleXr(c))));
const rendered = runs.flatMap((r) => Object.values(finalResources(r)));
const renderErrors = time(`validate ${rendered.length} rendered resources (schema + CEL)`, () => rendered.flatMap(crdErrors));
console.log(`composed resources: ${resources.length}, patches: ${patches}, schema errors: ${errors.length}, reconciles: ${runs.map((r) => r.passes.length).join('/')}, rendered errors: ${renderErrors.length}`);
