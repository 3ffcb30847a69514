import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { API_GROUP, API_VERSION, CLAIM_KIND, CROSSPLANE_NAMESPACE, XR_KIND } from '../../src/config';
import { ExampleClaim } from '../../src/examples/claims';
import { compositionDoc, compositionDocs, compositionFor, xrdDoc, xrdDocs, xrdFor } from '../helpers/dist';
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
  const uid = uidFor(name);
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

/** One composite resource rendered to convergence with its Composition. */
export interface ConvergedXr {
  /** Renders until the output repeated itself; the last one only confirmed the one before. */
  readonly reconciles: Reconcile[];
  /** The XR of the last render (defaulted spec, status the functions wrote, conditions). */
  readonly xr: any;
  /** The desired composed resources of the last render, by composition resource name. */
  readonly desired: Record<string, any>;
  /** The same resources as observed once created: names, external names, provider status; a tier XR with its converged status. */
  readonly observed: Record<string, any>;
  /** Function results of the last render. */
  readonly results: RenderResult['results'];
  /** Milliseconds spent in crank render, per reconcile (the renders of the tiers it composes included). */
  readonly renderMs: number[];
  /** For each tier composite resource it composed (by composition resource name): its own convergence. */
  readonly tiers: Record<string, ConvergedXr>;
}

/**
 * A claim's XR converged, flattened: `desired`, `observed` and `results` hold the platform's own
 * and, flattened in, those of every tier composite resource it composed.
 */
export interface Converged extends ConvergedXr {
  readonly claim: ExampleClaim;
  /** The tier that composed each nested resource (composition resource name -> tier's name in the platform). */
  readonly tierOf: Record<string, string>;
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

export const MAX_RECONCILES = 16;

export interface ConvergeOptions {
  /** A Composition to render instead of dist/'s for its composite kind (the platform's or a tier's). */
  readonly composition?: any;
}

/** A deterministic UID for a composite resource, as the API server would assign one. */
const uidFor = (name: string) => [8, 4, 4, 4, 12].map((n, i) => short(`${name}/uid/${i}`, n)).join('-');

/** The composed tier XR as it exists once created: its name, UID, and the status its own convergence wrote. */
function observedTier(desired: any, name: string, tier: ConvergedXr): any {
  const allReady = Object.values(tier.observed).every((o) => o.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True'));
  const time = '2026-01-01T00:00:00Z';
  const conditions = [
    { type: 'Synced', status: 'True', reason: 'ReconcileSuccess', lastTransitionTime: time },
    { type: 'Ready', status: allReady ? 'True' : 'False', reason: allReady ? 'Available' : 'Creating', lastTransitionTime: time },
  ];
  return { ...desired, metadata: { ...desired.metadata, name, uid: uidFor(name) }, spec: tier.xr.spec, status: { ...tier.xr.status, conditions } };
}

/** Where a reconcile loop resumes: the composed resources that exist (a change to a running XR), and a look at every render. */
export interface ResumeFrom {
  /** The observed composed resources, by composition resource name (a converged XR's `observed`). */
  readonly observed?: Record<string, any>;
  /**
   * A new composed resource is first observed as the API server has it before AWS has created it
   * (no external name, no status), and only at the next reconcile as created; without this, what
   * Crossplane creates is in AWS by the next reconcile.
   */
  readonly awsLagsOneReconcile?: boolean;
  /** Called with each render, before the next reconcile. */
  readonly onRender?: (out: RenderResult, reconcile: number) => void;
}

/**
 * Reconcile one composite resource until the render stops changing (at most MAX_RECONCILES
 * renders). A composed resource that is itself a composite resource of this project (a tier) is
 * rendered with its own Composition, to convergence, inside every reconcile; the rest are observed
 * with the status AWS would fill.
 */
export function convergeXr(xr0: any, composition: any, xrd: any, account: string, where: string, override?: any, from?: ResumeFrom): ConvergedXr {
  let xr = xr0;
  let observed: Record<string, any> = { ...from?.observed };
  let tiers: Record<string, ConvergedXr> = {};
  const reconciles: Reconcile[] = [];
  const renderMs: number[] = [];
  const tierCache = new Map<string, ConvergedXr>();
  let previous: string | undefined;
  for (let i = 0; i < MAX_RECONCILES; i++) {
    const t0 = Date.now();
    let out: RenderResult;
    try {
      out = render({ xr, composition, xrd, observed: Object.values(observed) });
    } catch (e) {
      const msg = (e as Error).message;
      throw new Error(`Composition ${composition.metadata.name}, ${where}, reconcile ${i + 1}: ${msg}${patchAt(composition, msg)}`);
    }
    from?.onRender?.(out, i);
    const fp = fingerprint(out);
    if (fp === previous) {
      renderMs.push(Date.now() - t0);
      reconciles.push({ rendered: Object.keys(out.resources), results: out.results });
      return { reconciles, xr: out.xr, desired: out.resources, observed, results: out.results, renderMs, tiers };
    }
    previous = fp;
    const nextObserved: Record<string, any> = {};
    const nextTiers: Record<string, ConvergedXr> = {};
    for (const [n, d] of Object.entries(out.resources)) {
      const name = observed[n]?.metadata.name ?? `${d.metadata.generateName}${short(n)}`;
      const tierComposition = override?.spec.compositeTypeRef.kind === d.kind ? override : compositionFor(d.kind);
      if (tierComposition && d.apiVersion.startsWith(`${API_GROUP}/`)) {
        const tierXr = { ...d, metadata: { ...d.metadata, name, uid: uidFor(name) } };
        const key = JSON.stringify(tierXr.spec);
        const tier = tierCache.get(key) ?? convergeXr(tierXr, tierComposition, xrdFor(d.kind), account, `${where}, tier ${n} (${d.kind})`, override);
        tierCache.set(key, tier);
        nextTiers[n] = tier;
        nextObserved[n] = observedTier(d, name, tier);
      } else if (from?.awsLagsOneReconcile && !observed[n]) {
        nextObserved[n] = { ...structuredClone(d), metadata: { ...structuredClone(d.metadata), name } };
        delete nextObserved[n].metadata.generateName;
      } else {
        nextObserved[n] = observe(d, name, account);
      }
    }
    observed = nextObserved;
    tiers = nextTiers;
    renderMs.push(Date.now() - t0);
    reconciles.push({ rendered: Object.keys(out.resources), results: out.results });
    xr = { ...xr, spec: out.xr.spec, status: out.xr.status };
  }
  throw new Error(`Composition ${composition.metadata.name}, ${where}: no convergence in ${MAX_RECONCILES} reconciles`);
}

/** Reconcile a claim's XR to convergence, the tiers it composes included, and flatten the result. */
export function converge(claim: ExampleClaim, options: ConvergeOptions = {}): Converged {
  const override = options.composition;
  const composition = override?.spec.compositeTypeRef.kind === XR_KIND ? override : compositionDoc();
  const c = convergeXr(xrForClaim(claim), composition, xrdDoc(), claim.parameters.awsAccountId, `claim ${claim.namespace}/${claim.name}`, override);
  const desired: Record<string, any> = { ...c.desired };
  const observed: Record<string, any> = { ...c.observed };
  const results = [...c.results];
  const tierOf: Record<string, string> = {};
  for (const [tierName, tier] of Object.entries(c.tiers)) {
    for (const [n, d] of Object.entries(tier.desired)) {
      if (desired[n]) throw new Error(`composition resource name ${n} is used by the platform and by tier ${tierName}: names must be unique across the APIs`);
      desired[n] = d;
      observed[n] = tier.observed[n];
      tierOf[n] = tierName;
    }
    results.push(...tier.results);
  }
  return { claim, reconciles: c.reconciles, xr: c.xr, desired, observed, results, renderMs: c.renderMs, tiers: c.tiers, tierOf };
}

/**
 * converge() of dist/'s Composition, kept on disk for the rest of the test run (every test file
 * that needs the same claim reuses one render).
 */
export function convergeCached(claim: ExampleClaim): Converged {
  const key = short(JSON.stringify([compositionDocs(), xrdDocs(), claim]), 16);
  const file = path.join(engineDir(), `converged-${claim.name}-${key}.json`);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  const c = converge(claim);
  fs.writeFileSync(`${file}.${process.pid}`, JSON.stringify(c));
  fs.renameSync(`${file}.${process.pid}`, file);
  return c;
}
