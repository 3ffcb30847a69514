import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { CRDS_DIR } from '../helpers/crds';
import { DIST_DIR } from '../helpers/dist';
import { CRANK, requireTool } from './tools';

/**
 * Thin wrappers around the real `crank render` and `crank beta validate` (Crossplane v2.2.4).
 * Nothing here interprets a Composition: files go in, crank's own output comes back.
 */

/**
 * Documents as a YAML stream of JSON documents. crank reads YAML 1.1, where an unquoted `yes` is a
 * boolean; a YAML 1.2 writer leaves `yes` unquoted, so JSON (also YAML) keeps every string a string.
 */
const toYaml = (docs: readonly object[]) => docs.map((d) => JSON.stringify(d)).join('\n---\n');
const parseYaml = (text: string) => parseAllDocuments(text).map((d) => d.toJS()).filter((d) => d);

/** The folder global-setup.ts made for this run (functions file, logs). */
export function engineDir(): string {
  const dir = process.env.AP_ENGINE_DIR;
  if (!dir || !fs.existsSync(path.join(dir, 'functions.yaml'))) {
    throw new Error('the pipeline functions are not running: run the tests through jest (global setup starts them), e.g. `make test`');
  }
  return dir;
}

/** A fresh temporary folder for one call, removed by `done`. */
function scratch(): { dir: string; done: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-crank-'));
  return { dir, done: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface RenderResult {
  /** Function result of kind Result (step, severity, message). */
  readonly results: { step: string; severity: string; message: string }[];
  /** The desired XR, with its full (defaulted) spec and the status the functions wrote. */
  readonly xr: any;
  /** Desired composed resources, by composition resource name. */
  readonly resources: Record<string, any>;
}

export const COMPOSITION_RESOURCE_NAME = 'crossplane.io/composition-resource-name';

export interface RenderInput {
  readonly xr: object;
  readonly composition: object;
  readonly xrd: object;
  /** Observed composed resources (each with the composition-resource-name annotation). */
  readonly observed?: readonly object[];
}

/** One reconcile: `crank render` with the real functions, results (-r) and the full XR (-x). */
export function render(input: RenderInput): RenderResult {
  const s = scratch();
  try {
    const f = (name: string, docs: readonly object[]) => {
      const p = path.join(s.dir, name);
      fs.writeFileSync(p, toYaml(docs));
      return p;
    };
    const args = ['render', f('xr.yaml', [input.xr]), f('composition.yaml', [input.composition]), path.join(engineDir(), 'functions.yaml')];
    args.push('--xrd', f('xrd.yaml', [input.xrd]), '-r', '-x', '--timeout=60s');
    if (input.observed?.length) args.push('-o', f('observed.yaml', input.observed));
    const run = spawnSync(requireTool(CRANK), args, { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (run.status !== 0) throw new Error(`crank render failed: ${(run.stderr || run.stdout).trim()}`);
    const docs = parseYaml(run.stdout);
    const xr = docs[0];
    const results = docs.filter((d) => d.kind === 'Result' && d.apiVersion.startsWith('render.crossplane.io/'));
    const resources: Record<string, any> = {};
    for (const d of docs.slice(1).filter((x) => !x.apiVersion.startsWith('render.crossplane.io/'))) {
      resources[d.metadata.annotations[COMPOSITION_RESOURCE_NAME]] = d;
    }
    return { results, xr, resources };
  } finally {
    s.done();
  }
}

/** The folder of CRDs and XRDs `crank beta validate` checks against: the provider, function-input and Argo CD CRDs and dist/'s XRDs. */
function extensionsDir(dir: string, xrds: readonly object[]): string {
  const ext = path.join(dir, 'extensions');
  fs.mkdirSync(ext);
  for (const sub of ['provider-aws', 'functions', 'argocd']) {
    for (const f of fs.readdirSync(path.join(CRDS_DIR, sub)).filter((x) => x.endsWith('.yaml'))) {
      fs.symlinkSync(path.join(CRDS_DIR, sub, f), path.join(ext, `${sub}-${f}`));
    }
  }
  fs.writeFileSync(path.join(ext, 'xrds.yaml'), toYaml(xrds));
  return ext;
}

/** The Crossplane image whose CRDs (Composition, XRD, Usage, Function, Provider, …) validate Crossplane's own kinds. */
const CROSSPLANE_IMAGE = 'xpkg.crossplane.io/crossplane/crossplane:v2.3.4';

/**
 * crank loads the Crossplane image's CRDs from its package cache; seeding the cache with the same
 * CRDs (../shared/crds/crossplane, Crossplane v2.3.4) keeps it offline.
 */
function crossplaneCache(dir: string): string {
  const cache = path.join(dir, 'cache');
  const img = path.join(cache, 'xpkg.crossplane.io', 'crossplane', 'crossplane@v2.3.4');
  fs.mkdirSync(img, { recursive: true });
  for (const f of fs.readdirSync(path.join(CRDS_DIR, 'crossplane')).filter((x) => x.endsWith('.yaml'))) {
    fs.copyFileSync(path.join(CRDS_DIR, 'crossplane', f), path.join(img, f));
  }
  return cache;
}

/** What crank said about one object. */
export interface Verdict {
  readonly gvk: string;
  readonly name: string;
  readonly errors: string[];
}

export interface ValidateResult {
  /** Per object (by `<kind>/<name>`), the errors; an empty list means validated successfully. */
  readonly verdicts: Verdict[];
  /** Lines crank printed that are not about one object (missing schemas, defaults it could not apply). */
  readonly other: string[];
  readonly output: string;
}

/**
 * `crank beta validate` fully offline with --error-on-missing-schemas: the objects against the
 * provider CRDs, the function input CRDs, dist/'s XRDs (turned into XR and claim CRDs by crank)
 * and Crossplane's own CRDs. Each object must have a unique kind and name.
 */
export function validate(objects: readonly any[], xrds: readonly object[] = distXrds()): ValidateResult {
  const s = scratch();
  try {
    const resources = path.join(s.dir, 'resources.yaml');
    fs.writeFileSync(resources, toYaml(objects));
    const args = ['beta', 'validate', extensionsDir(s.dir, xrds), resources, '--error-on-missing-schemas'];
    args.push('--cache-dir', crossplaneCache(s.dir), '--crossplane-image', CROSSPLANE_IMAGE);
    const run = spawnSync(requireTool(CRANK), args, { encoding: 'utf8', maxBuffer: 64 << 20 });
    const output = `${run.stdout}${run.stderr}`;
    const verdicts = new Map<string, Verdict>();
    const other: string[] = [];
    for (const line of output.split('\n')) {
      // Function inputs extracted from a Composition have no name.
      const ok = /^\[✓\] (.+?), Kind=(\S+), (.*) validated successfully$/.exec(line);
      const bad = /^\[x\] (?:schema|CEL) validation error (.+?), Kind=(\S+), (\S*) : (.*)$/.exec(line);
      const m = ok ?? bad;
      if (m) {
        const key = `${m[2]}/${m[3]}`;
        const v = verdicts.get(key) ?? { gvk: `${m[1]}, Kind=${m[2]}`, name: m[3], errors: [] };
        if (bad) v.errors.push(bad[4]);
        verdicts.set(key, v);
      } else if (/^\[!\]/.test(line)) other.push(line);
    }
    if (!/^Total \d+ resources/m.test(output)) throw new Error(`crank beta validate did not finish: ${output.trim()}`);
    return { verdicts: [...verdicts.values()], other, output };
  } finally {
    s.done();
  }
}

/** The XRDs of dist/. */
export function distXrds(): object[] {
  return fs
    .readdirSync(DIST_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => parseYaml(fs.readFileSync(path.join(DIST_DIR, f), 'utf8')))
    .filter((o) => o.kind === 'CompositeResourceDefinition');
}
