import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from './repo';

/** Where the real CRDs are: $CRDS_DIR, else ../shared/crds beside the repository. */
export const CRDS_DIR = process.env.CRDS_DIR
  ? path.resolve(process.env.CRDS_DIR)
  : path.resolve(REPO_ROOT, '..', 'shared', 'crds');

export interface CrdVersion {
  readonly group: string;
  readonly kind: string;
  readonly version: string;
  readonly storage: boolean;
  readonly deprecated: boolean;
  readonly schema: any;
}

let crds: any[] | undefined;
let cache: CrdVersion[] | undefined;

/** Every CustomResourceDefinition under CRDS_DIR, as parsed (read once). */
export function allCrds(): any[] {
  if (crds) return crds;
  const out: any[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.yaml')) {
        for (const doc of parseAllDocuments(fs.readFileSync(p, 'utf8'))) {
          const crd = doc.toJS();
          if (crd?.kind === 'CustomResourceDefinition') out.push(crd);
        }
      }
    }
  };
  walk(CRDS_DIR);
  crds = out;
  return out;
}

/** Every version of every CRD under CRDS_DIR. */
export function allCrdVersions(): CrdVersion[] {
  cache ??= allCrds().flatMap((crd) =>
    crd.spec.versions.map((v: any) => ({
      group: crd.spec.group,
      kind: crd.spec.names.kind,
      version: v.name,
      storage: !!v.storage,
      deprecated: !!v.deprecated,
      schema: v.schema.openAPIV3Schema,
    })),
  );
  return cache;
}

/** The CRD version for an apiVersion/kind, or undefined. */
export function crdFor(apiVersion: string, kind: string): CrdVersion | undefined {
  const [group, version] = apiVersion.split('/');
  return allCrdVersions().find((c) => c.group === group && c.version === version && c.kind === kind);
}
