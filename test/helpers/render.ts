import { run } from '@bufbuild/cel';
import { ExampleClaim, compositeManifest } from '../../src/examples/claims';
import { applyDefaults, celMessages } from './claim-validation';
import { crdFor } from './crds';
import { compositionDoc, expandedPatches, ptInput, xrdSchemaDoc } from './dist';
import { getPath, parseFieldPath, schemaAt } from './field-path';
import { goSprintf } from './go-fmt';
import { schemaErrors } from './schema-check';

/**
 * An offline stand-in for `crossplane render` of this Composition, used while the real engine
 * cannot be installed here (README "Crossplane render and validate"). It follows the semantics read
 * from function-patch-and-transform's source (fn.go, patches.go, transforms.go) for the features
 * this project uses, and function-cel-filter's:
 *
 * - FromCompositeFieldPath / CombineFromComposite read the observed XR; a missing source skips the
 *   patch, or, with policy Required, leaves the whole resource out of the desired state;
 * - transforms: map (string input, JSON result), match (literal and regexp on strings, fallback
 *   value), convert (float64 → string as strconv 'f', string → int64/float64/bool), string Format
 *   (Go fmt.Sprintf);
 * - every number is a float64, as a function sees it (protobuf Struct);
 * - ToCompositeFieldPath reads observed composed resources into the desired XR status;
 * - the cel-filter step keeps a resource when every filter whose name matches it is true.
 */

export type Xr = Record<string, any>;

/** The XR Crossplane creates for a claim, with the XRD's defaults applied as the API server does. */
export function exampleXr(claim: ExampleClaim): Xr {
  const xr = compositeManifest(claim);
  xr.spec.parameters = applyDefaults(xrdSchemaDoc().properties.spec.properties.parameters, xr.spec.parameters);
  return xr;
}

function read(obj: any, path: string): { found: boolean; value?: unknown } {
  const value = getPath(obj, path);
  return value === undefined || value === null ? { found: false } : { found: true, value };
}

/** Set `path` in `obj`, creating objects and arrays on the way, as fieldpath.Paved.SetValue does. */
export function setPath(obj: any, path: string, value: unknown): void {
  const segs = parseFieldPath(path);
  let cur = obj;
  segs.forEach((seg, i) => {
    if (i === segs.length - 1) {
      cur[seg as any] = structuredClone(value);
      return;
    }
    if (cur[seg as any] === undefined || cur[seg as any] === null) cur[seg as any] = typeof segs[i + 1] === 'number' ? [] : {};
    cur = cur[seg as any];
  });
}

const matches = (pattern: any, input: unknown) => {
  if (typeof input !== 'string') throw new Error(`match: unsupported input type '${typeof input}'`);
  if (pattern.type === 'literal') return input === pattern.literal;
  if (pattern.type === 'regexp') return new RegExp(pattern.regexp).test(input);
  throw new Error(`match: unsupported pattern type '${pattern.type}'`);
};

/** One transform, as function-patch-and-transform resolves it. */
export function resolveTransform(t: any, input: unknown): unknown {
  switch (t.type) {
    case 'map':
      if (typeof input !== 'string') throw new Error(`map: type ${typeof input} is not supported`);
      if (!(input in t.map)) throw new Error(`map: key ${input} is not found in map`);
      return structuredClone(t.map[input]);
    case 'match': {
      const hit = t.match.patterns.find((p: any) => matches(p, input));
      if (hit) return structuredClone(hit.result);
      if (t.match.fallbackTo === 'Input') return input;
      return structuredClone(t.match.fallbackValue);
    }
    case 'convert': {
      const to = t.convert.toType;
      if (to === 'string' && typeof input === 'number') return Number.isInteger(input) ? input.toFixed(0) : String(input);
      if (to === 'string' && typeof input === 'string') return input;
      if ((to === 'int' || to === 'int64') && typeof input === 'string') return Number.parseInt(input, 10);
      if ((to === 'int' || to === 'int64' || to === 'float64') && typeof input === 'number') return to === 'float64' ? input : Math.trunc(input);
      if (to === 'float64' && typeof input === 'string') return Number.parseFloat(input);
      if (to === 'bool' && typeof input === 'string') return input === 'true';
      throw new Error(`convert: ${typeof input} to ${to} is not supported here`);
    }
    case 'string':
      if (t.string.type === 'Format') return goSprintf(t.string.fmt, [input]);
      throw new Error(`string transform ${t.string.type} is not emulated`);
    default:
      throw new Error(`transform ${t.type} is not emulated`);
  }
}

const required = (p: any) => p.policy?.fromFieldPath === 'Required';

/** A patch's transforms applied in order. */
const transformed = (patch: any, value: unknown) => (patch.transforms ?? []).reduce((v: unknown, t: any) => resolveTransform(t, v), value);

/** Apply one From* patch to a desired resource; throws when a Required source is missing. */
function applyFromXr(resource: any, xr: Xr, patch: any): void {
  if (patch.type === 'ToCompositeFieldPath') return;
  let value: unknown;
  if (patch.type === 'CombineFromComposite') {
    const vars = patch.combine.variables.map((v: any) => read(xr, v.fromFieldPath));
    if (vars.some((v: any) => !v.found)) {
      if (required(patch)) throw new Error(`required field of combine to ${patch.toFieldPath} not found`);
      return;
    }
    value = transformed(patch, goSprintf(patch.combine.string.fmt, vars.map((v: any) => v.value)));
  } else {
    const src = read(xr, patch.fromFieldPath);
    if (!src.found) {
      if (required(patch)) throw new Error(`required field ${patch.fromFieldPath} not found`);
      return;
    }
    value = transformed(patch, src.value);
  }
  setPath(resource, patch.toFieldPath, value);
}

/** The observed XR as function-cel-filter's CEL sees it: maps, and every number a double. */
function celValue(v: any): any {
  if (Array.isArray(v)) return v.map(celValue);
  if (v && typeof v === 'object') return new Map(Object.entries(v).map(([k, x]) => [k, celValue(x)]));
  return v;
}

/** Whether the cel-filter step keeps the composed resource `name` for this XR. */
export function celFilterKeeps(xr: Xr, name: string): boolean {
  const step = compositionDoc().spec.pipeline.find((s: any) => s.functionRef.name === 'function-cel-filter');
  const observed = celValue({ composite: { resource: xr } });
  return step.input.filters
    .filter((f: any) => new RegExp(`^${f.name}$`).test(name))
    .every((f: any) => {
      const result = run(f.expression, { observed, desired: new Map(), context: new Map() });
      if (typeof result !== 'boolean') throw new Error(`${f.name}: ${f.expression} gave ${String(result)}`);
      return result;
    });
}

export interface Rendered {
  /** Desired composed resources by composition resource name, after the filter step. */
  readonly resources: Record<string, any>;
  /** Resources left out because a patch failed (a Required source missing), with the reason. */
  readonly leftOut: Record<string, string>;
}

/** Render the pipeline for an observed XR. */
export function render(xr: Xr): Rendered {
  const resources: Record<string, any> = {};
  const leftOut: Record<string, string> = {};
  for (const t of ptInput().resources as any[]) {
    const r = structuredClone(t.base);
    try {
      for (const p of expandedPatches(t)) applyFromXr(r, xr, p);
    } catch (e) {
      leftOut[t.name] = (e as Error).message;
      continue;
    }
    if (celFilterKeeps(xr, t.name)) resources[t.name] = r;
  }
  return { resources, leftOut };
}

/** A plausible observed value for a field of a composed resource, typed by its CRD schema. */
function fakeObserved(resource: any, name: string, path: string, fixtures: Fixtures): unknown {
  if (fixtures[name] && path in fixtures[name]) return fixtures[name][path];
  const node = schemaAt(crdFor(resource.apiVersion, resource.kind)!.schema, path);
  if (node?.type === 'integer' || node?.type === 'number') return 1;
  return `observed:${name}:${path}`;
}

/** Observed values by composition resource name, then field path. */
export type Fixtures = Record<string, Record<string, unknown>>;

/**
 * The XR status after one reconcile in which every rendered resource exists and reports
 * status.atProvider (values from `fixtures`, else typed placeholders); Crossplane
 * also keeps the external-name annotation it set.
 */
export function observeStatus(xr: Xr, rendered: Rendered, fixtures: Fixtures = {}): Xr {
  const next = structuredClone(xr);
  for (const t of ptInput().resources as any[]) {
    const desired = rendered.resources[t.name];
    if (!desired) continue;
    const observed = structuredClone(desired);
    for (const p of expandedPatches(t).filter((x) => x.type === 'ToCompositeFieldPath')) {
      if (p.fromFieldPath.startsWith('status.')) setPath(observed, p.fromFieldPath, fakeObserved(desired, t.name, p.fromFieldPath, fixtures));
      const src = read(observed, p.fromFieldPath);
      if (src.found) setPath(next, p.toFieldPath, transformed(p, src.value));
    }
  }
  return next;
}

/** The passes of a reconcile loop and the XR after the last one. */
export interface Reconciles {
  readonly passes: Rendered[];
  readonly xr: Xr;
}

/** Reconcile an XR until the rendered output stops changing (at most 6 times). */
export function reconcile(xr: Xr, fixtures: Fixtures = {}): Reconciles {
  const passes: Rendered[] = [];
  for (let i = 0; i < 6; i++) {
    passes.push(render(xr));
    xr = observeStatus(xr, passes[i], fixtures);
    if (i > 0 && JSON.stringify(passes[i]) === JSON.stringify(passes[i - 1])) break;
  }
  return { passes, xr };
}

/** The desired composed resources of the last pass. */
export const finalResources = (r: Reconciles): Record<string, any> => r.passes[r.passes.length - 1].resources;

/**
 * Everything the API server would reject in a rendered resource: its CRD's OpenAPI schema (unknown
 * fields as errors) and every x-kubernetes-validations rule, on the object with defaults applied.
 */
export function crdErrors(r: any): string[] {
  const crd = crdFor(r.apiVersion, r.kind);
  if (!crd) return [`no CRD for ${r.apiVersion} ${r.kind}`];
  const defaulted = applyDefaults(crd.schema, r);
  return [...schemaErrors(crd.schema, defaulted), ...celMessages(crd.schema, defaulted)];
}
