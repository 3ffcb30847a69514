/**
 * Benchmark: prints figures, asserts nothing. Run: make bench
 * - synthesizing dist/ and the static checks (CRD schema of every base and object, patch paths);
 * - installing the Go tools with warm caches (a fresh bin/, the module and build caches kept);
 * - composed resources per Composition (the platform's and each tier's);
 * - the real engine: crank render per reconcile and per claim until convergence (each tier XR
 *   converged with its own Composition inside every platform reconcile, and its own figures),
 *   crank beta validate of everything rendered, the total for all claims.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { RENDERED_CLAIMS } from '../test/engine/claims';
import { converge } from '../test/engine/converge';
import { validate } from '../test/engine/crank';
import { functionsFile, startFunctions, stopFunctions } from '../test/engine/functions';
import { allCrdVersions, crdFor } from '../test/helpers/crds';
import { readDocs, synthToTemp } from '../test/helpers/dist';
import { missingSegment } from '../test/helpers/field-path';
import { REPO_ROOT } from '../test/helpers/repo';
import { schemaErrors } from '../test/helpers/schema-check';

function time<T>(label: string, fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  console.log(`${label.padEnd(60)} ${(performance.now() - t0).toFixed(0).padStart(7)} ms`);
  return out;
}

async function main(): Promise<void> {
  const dir = time('synthesize dist/', () => synthToTemp());
  const docs = time('parse dist/ YAML', () => Object.values(readDocs(dir)).flat());
  time('load and parse the real CRDs', () => allCrdVersions().length);
  const compositions = docs.filter((d) => d.kind === 'Composition');
  for (const c of compositions) console.log(`composition ${c.metadata.name.padEnd(53)} ${String(c.spec.pipeline[0].input.resources.length).padStart(7)} composed resources`);
  const resources = compositions.flatMap((c) => c.spec.pipeline[0].input.resources as any[]);
  time(`validate ${resources.length} bases + ${docs.length} objects (ajv, closed schemas)`, () =>
    [...resources.map((r) => r.base), ...docs].filter((o) => crdFor(o.apiVersion, o.kind)).flatMap((o) => schemaErrors(crdFor(o.apiVersion, o.kind)!.schema, o)),
  );
  const xrd = docs.find((d) => d.kind === 'CompositeResourceDefinition' && d.spec.claimNames).spec.versions[0].schema.openAPIV3Schema;
  const patches = resources.flatMap((r) => r.patches ?? []).length;
  time(`check ${patches} patch paths`, () => resources.flatMap((r) => (r.patches ?? []).map((p: any) => p.fromFieldPath && missingSegment(xrd, p.fromFieldPath))));

  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-bench-bin-'));
  time('go install of crank and the 3 functions (warm caches)', () =>
    execFileSync(path.join(REPO_ROOT, 'scripts', 'install-go-tools.sh'), { env: { ...process.env, BIN: bin }, stdio: 'ignore' }),
  );
  fs.rmSync(bin, { recursive: true, force: true });

  const engine = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-bench-engine-'));
  const t1 = performance.now();
  const running = await startFunctions(engine);
  console.log(`${'start the 3 functions and wait until they serve'.padEnd(60)} ${(performance.now() - t1).toFixed(0).padStart(7)} ms`);
  try {
    fs.writeFileSync(path.join(engine, 'functions.yaml'), functionsFile(Object.fromEntries(running.map((f) => [f.name, f.port]))));
    process.env.AP_ENGINE_DIR = engine;
    const t0 = performance.now();
    const all = RENDERED_CLAIMS.map((claim) => {
      const c = converge(claim);
      const total = c.renderMs.reduce((a, b) => a + b, 0);
      console.log(
        `render ${claim.name.padEnd(26)} ${String(Object.keys(c.desired).length).padStart(3)} composed resources, ${c.renderMs.length} platform renders, ` +
          `${(total / c.renderMs.length).toFixed(0)} ms per platform reconcile (its tiers' renders included), ${total} ms per claim`,
      );
      // Each tier's own convergence (its last one; a tier is converged anew when its parameters change).
      for (const [name, t] of Object.entries(c.tiers)) {
        const tierTotal = t.renderMs.reduce((a, b) => a + b, 0);
        console.log(`  tier ${name.padEnd(10)} ${String(Object.keys(t.desired).length).padStart(3)} composed resources, ${t.renderMs.length} renders, ${(tierTotal / t.renderMs.length).toFixed(0)} ms per render, ${tierTotal} ms to converge`);
      }
      return c;
    });
    const objects = all.flatMap((c) => [c.xr, ...Object.values(c.observed)]);
    const result = time(`crank beta validate ${objects.length} rendered objects`, () => validate(objects));
    console.log(`${'total for all claims: render to convergence + validate'.padEnd(60)} ${(performance.now() - t0).toFixed(0).padStart(7)} ms`);
    console.log(`validation errors: ${result.verdicts.filter((v) => v.errors.length).length}`);
  } finally {
    stopFunctions(running);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
