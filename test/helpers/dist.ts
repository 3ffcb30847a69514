import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { buildApp } from '../../src/main';
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
export const compositionDoc = () => distObjects().find((o) => o.kind === 'Composition');
export const xrdDoc = () => distObjects().find((o) => o.kind === 'CompositeResourceDefinition');
/** Every Composition and every XRD in dist/ (one each today; one per tier API after the nested-composition issue). */
export const compositionDocs = () => distObjects().filter((o) => o.kind === 'Composition');
export const xrdDocs = () => distObjects().filter((o) => o.kind === 'CompositeResourceDefinition');
export const ptInput = () => compositionDoc().spec.pipeline.find((s: any) => s.functionRef.name === 'function-patch-and-transform').input;
export const xrdSchemaDoc = () => xrdDoc().spec.versions[0].schema.openAPIV3Schema;

/** Patches of a composed resource with its patch sets expanded in place. */
export function expandedPatches(resource: any): any[] {
  const sets = Object.fromEntries((ptInput().patchSets ?? []).map((s: any) => [s.name, s.patches]));
  return (resource.patches ?? []).flatMap((p: any) => (p.type === 'PatchSet' ? sets[p.patchSetName] : [p]));
}

/**
 * Kubernetes' own kinds in dist/ (the deletion guard's ValidatingAdmissionPolicy and binding). No
 * CRD describes them, so the CRD-based checks skip them; the live suite applies them to a real API
 * server with strict field validation, and proves what they do.
 */
export const isBuiltinKind = (o: any): boolean => o.apiVersion.startsWith('admissionregistration.k8s.io/');
