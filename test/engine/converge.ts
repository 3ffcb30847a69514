import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { API_GROUP, API_VERSION, CLAIM_KIND, CROSSPLANE_NAMESPACE, XR_KIND } from '../../src/config';
import { ExampleClaim } from '../../src/examples/claims';
import { compositionDoc, xrdDoc } from '../helpers/dist';
import { engineDir, render, RenderResult } from './crank';
import { observe } from './provider-status';

/**
 * A claim reconciled to convergence with Crossplane's real render and the real functions: the claim
 * becomes its XR as the claim controller makes it, crank renders one reconcile (the XRD's defaults
 * applied by crank's --xrd), the desired composed resources come back as observed resources with
 * the status AWS would fill (provider-status.ts), the desired XR status becomes the observed XR
 * status, and so on until neither the composed resources nor the XR status change.
 */

const short = (s: string, n = 5) => createHash('sha256').update(s).digest('hex').slice(0, n);

/** The XR the claim controller creates for a claim: generated name, claim labels and reference, connection secret in crossplane-system. */
export function xrForClaim(claim: ExampleClaim): any {
  const name = `${claim.name}-${short(`${claim.namespace}/${claim.name}`)}`;
  const uid = [8, 4, 4, 4, 12].map((n, i) => short(`${name}/uid/${i}`, n)).join('-');
  return {
    apiVersion: `${API_GROUP}/${API_VERSION}`,
    kind: XR_KIND,
    metadata: {
      name,
      uid,
      labels: { 'crossplane.io/claim-name': claim.name, 'crossplane.io/claim-namespace': claim.namespace, 'crossplane.io/composite': name },
    },
    spec: {
      parameters: structuredClone(claim.parameters),
      claimRef: { apiVersion: `${API_GROUP}/${API_VERSION}`, kind: CLAIM_KIND, name: claim.name, namespace: claim.namespace },
      compositionRef: { name: compositionDoc().metadata.name },
      // As Crossplane sets it on a claim's XR: the Composition's namespace, the XR's UID as the name.
      writeConnectionSecretToRef: { name: uid, namespace: CROSSPLANE_NAMESPACE },
    },
  };
}

export interface Reconcile {
  /** Composition resource names rendered in this reconcile. */
  readonly rendered: string[];
  readonly results: RenderResult['results'];
}

export interface Converged {
  readonly claim: ExampleClaim;
  /** Renders until the output repeated itself; the last one only confirmed the one before. */
  readonly reconciles: Reconcile[];
  /** The XR of the last render (defaulted spec, status the functions wrote, conditions). */
  readonly xr: any;
  /** The desired composed resources of the last render, by composition resource name. */
  readonly desired: Record<string, any>;
  /** The same resources as observed once created: names, external names, provider status. */
  readonly observed: Record<string, any>;
  /** Function results of the last render. */
  readonly results: RenderResult['results'];
  /** Milliseconds spent in crank render, per reconcile. */
  readonly renderMs: number[];
}

/**
 * patch-and-transform names a failing patch by resource and index (patch sets expanded in place);
 * this says which fields that patch joins, so the message names the path.
 */
function patchAt(composition: any, message: string): string {
  const m = /composed resource "([^"]+)" "\w+" patch at index (\d+)/.exec(message);
  if (!m) return '';
  const input = composition.spec.pipeline.find((s: any) => s.input?.kind === 'Resources')?.input;
  const sets = Object.fromEntries((input?.patchSets ?? []).map((s: any) => [s.name, s.patches]));
  const patches = (input?.resources.find((r: any) => r.name === m[1])?.patches ?? []).flatMap((p: any) => (p.type === 'PatchSet' ? sets[p.patchSetName] : [p]));
  const p = patches[Number(m[2])];
  if (!p) return '';
  const from = p.fromFieldPath ?? p.combine?.variables.map((v: any) => v.fromFieldPath).join(', ');
  return ` (resource ${m[1]}, patch ${m[2]}: ${p.type} ${from} -> ${p.toFieldPath})`;
}

/** JSON of a render without timestamps, to tell whether a reconcile changed anything. */
const fingerprint = (r: RenderResult) =>
  JSON.stringify({ resources: r.resources, status: r.xr.status }, (k, v) => (k === 'lastTransitionTime' ? undefined : v));

export const MAX_RECONCILES = 10;

export interface ConvergeOptions {
  /** The Composition to render; default: dist/'s. */
  readonly composition?: any;
}

/** Reconcile a claim until the render stops changing (at most MAX_RECONCILES renders). */
export function converge(claim: ExampleClaim, options: ConvergeOptions = {}): Converged {
  const composition = options.composition ?? compositionDoc();
  let xr = xrForClaim(claim);
  let observed: Record<string, any> = {};
  const reconciles: Reconcile[] = [];
  const renderMs: number[] = [];
  let previous: string | undefined;
  for (let i = 0; i < MAX_RECONCILES; i++) {
    const t0 = Date.now();
    let out: RenderResult;
    try {
      out = render({ xr, composition, xrd: xrdDoc(), observed: Object.values(observed) });
    } catch (e) {
      const msg = (e as Error).message;
      throw new Error(`Composition ${composition.metadata.name}, claim ${claim.namespace}/${claim.name}, reconcile ${i + 1}: ${msg}${patchAt(composition, msg)}`);
    }
    renderMs.push(Date.now() - t0);
    reconciles.push({ rendered: Object.keys(out.resources), results: out.results });
    const fp = fingerprint(out);
    if (fp === previous) {
      return { claim, reconciles, xr: out.xr, desired: out.resources, observed, results: out.results, renderMs };
    }
    previous = fp;
    observed = Object.fromEntries(
      Object.entries(out.resources).map(([n, d]) => [n, observe(d, observed[n]?.metadata.name ?? `${d.metadata.generateName}${short(n)}`, claim.parameters.awsAccountId)]),
    );
    xr = { ...xr, spec: out.xr.spec, status: out.xr.status };
  }
  throw new Error(`Composition ${composition.metadata.name}, claim ${claim.namespace}/${claim.name}: no convergence in ${MAX_RECONCILES} reconciles`);
}

/**
 * converge() of dist/'s Composition, kept on disk for the rest of the test run (every test file
 * that needs the same claim reuses one render).
 */
export function convergeCached(claim: ExampleClaim): Converged {
  const key = short(JSON.stringify([compositionDoc(), xrdDoc(), claim]), 16);
  const file = path.join(engineDir(), `converged-${claim.name}-${key}.json`);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  const c = converge(claim);
  fs.writeFileSync(`${file}.${process.pid}`, JSON.stringify(c));
  fs.renameSync(`${file}.${process.pid}`, file);
  return c;
}
