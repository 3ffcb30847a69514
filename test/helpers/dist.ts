import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { buildApp } from '../../src/main';
import { XR_KIND } from '../../src/config';
import { REPO_ROOT } from './repo';

export const DIST_DIR = path.join(REPO_ROOT, 'dist');

/** Synthesize every chart into a fresh temporary folder and return it. */
export function synthToTemp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assessment-platform-dist-'));
  buildApp(dir).synth();
  return dir;
}

/** All objects of all YAML files in a folder, keyed by file name. */
export function readDocs(dir: string): Record<string, any[]> {
  const out: Record<string, any[]> = {};
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.yaml')).sort()) {
    out[f] = parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS());
  }
  return out;
}

let committed: Record<string, any[]> | undefined;
/** The committed dist/ objects. */
export function distDocs(): Record<string, any[]> {
  committed ??= readDocs(DIST_DIR);
  return committed;
}

export const distObjects = () => Object.values(distDocs()).flat();
/** Every Composition and every XRD in dist/: the platform's and one per tier API. */
export const compositionDocs = () => distObjects().filter((o) => o.kind === 'Composition');
export const xrdDocs = () => distObjects().filter((o) => o.kind === 'CompositeResourceDefinition');
/** The Composition and the XRD of a composite kind of this project, if it is one. */
export const compositionFor = (kind: string) => compositionDocs().find((c) => c.spec.compositeTypeRef.kind === kind);
export const xrdFor = (kind: string) => xrdDocs().find((x) => x.spec.names.kind === kind);
/** The platform's Composition and XRD (the claim's). */
export const compositionDoc = () => compositionFor(XR_KIND);
export const xrdDoc = () => xrdFor(XR_KIND);
/** The patch-and-transform input of a Composition (default: the platform's). */
export const ptInputOf = (composition: any) => composition.spec.pipeline.find((s: any) => s.functionRef.name === 'function-patch-and-transform').input;
export const ptInput = () => ptInputOf(compositionDoc());
export const xrdSchemaDoc = () => xrdDoc().spec.versions[0].schema.openAPIV3Schema;

/** One API of the project: its kind, XRD, Composition and patch-and-transform input. */
export interface ApiDocs {
  readonly kind: string;
  readonly xrd: any;
  readonly composition: any;
  readonly input: any;
}
/** Every API in dist/, the platform first. */
export function apiDocs(): ApiDocs[] {
  return xrdDocs()
    .map((xrd) => ({ kind: xrd.spec.names.kind, xrd, composition: compositionFor(xrd.spec.names.kind), input: ptInputOf(compositionFor(xrd.spec.names.kind)) }))
    .sort((a, b) => (a.kind === XR_KIND ? -1 : b.kind === XR_KIND ? 1 : a.kind.localeCompare(b.kind)));
}
/** Every composed resource of every Composition, each with the input (patch sets) it belongs to. */
export const allComposed = (): { api: ApiDocs; resource: any }[] => apiDocs().flatMap((api) => api.input.resources.map((resource: any) => ({ api, resource })));

/** Patches of a composed resource with its patch sets (of `input`, default the platform's) expanded in place. */
export function expandedPatches(resource: any, input: any = inputOfResource(resource)): any[] {
  const sets = Object.fromEntries((input.patchSets ?? []).map((s: any) => [s.name, s.patches]));
  return (resource.patches ?? []).flatMap((p: any) => (p.type === 'PatchSet' ? sets[p.patchSetName] : [p]));
}

/**
 * Kubernetes' own kinds in dist/ (the deletion guard's ValidatingAdmissionPolicy and binding). No
 * CRD describes them, so the CRD-based checks skip them; the live suite applies them to a real API
 * server with strict field validation, and proves what they do.
 */
/**
 * Kubernetes' own kinds (the deletion guard's admission policy, the example namespaces, argocd-cm)
 * and the package metadata (crossplane.yaml): no CRD under CRDS_DIR describes them. The live API
 * server validates the Kubernetes kinds, and `crank xpkg build` the package metadata.
 */
export const isBuiltinKind = (o: any): boolean => o.apiVersion === 'v1' || o.apiVersion.startsWith('admissionregistration.k8s.io/') || o.apiVersion.startsWith('meta.pkg.crossplane.io/');

/** The patch-and-transform input that holds this composed resource (by identity, else by name). */
function inputOfResource(resource: any): any {
  const apis = apiDocs();
  return (apis.find((a) => a.input.resources.includes(resource)) ?? apis.find((a) => a.input.resources.some((r: any) => r.name === resource.name)) ?? apis[0]).input;
}
