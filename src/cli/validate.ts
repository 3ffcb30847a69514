import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { CLAIM_KIND } from '../config';
import { CliError, EXIT } from './errors';

/**
 * Offline validation of claims against the claim XRD, by Crossplane's own validator
 * (`crank beta validate`: the API server's OpenAPI and CEL rules), never by a copy of the rules.
 */

/** The repository (or installed package) root: where dist/ and bin/ are. */
export const PACKAGE_ROOT = [path.join(__dirname, '..', '..'), path.join(__dirname, '..', '..', '..')].find((d) => fs.existsSync(path.join(d, 'dist', 'definition.yaml')));

function packageRoot(): string {
  if (!PACKAGE_ROOT) throw new CliError(EXIT.usage, `no dist/definition.yaml beside apctl (${__dirname}): run make synth, or use apctl from a checkout of the project`);
  return PACKAGE_ROOT;
}

/** The crank binary: --crank, else $APCTL_CRANK, else bin/crank of this repository (`make tools`). */
export function crankPath(option?: string): string {
  const p = option ?? process.env.APCTL_CRANK ?? path.join(packageRoot(), 'bin', 'crank');
  if (!fs.existsSync(p)) throw new CliError(EXIT.usage, `no crank at ${p}: run make tools, or give --crank /path/to/crank (Crossplane's CLI, v2.2.4)`);
  return p;
}

/** One finding: the claim, the field path and what is wrong. */
export interface Finding {
  readonly claim: string;
  readonly field: string;
  readonly message: string;
}

/** The Namespaces a claim file brings along (apply creates them first). */
export function readNamespaces(file: string): any[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS()).filter((o) => o?.apiVersion === 'v1' && o?.kind === 'Namespace');
}

/** The claims of a YAML file (besides Namespaces, every document must be a claim). */
export function readClaimFile(file: string): any[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e: any) {
    throw new CliError(EXIT.usage, `cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  const docs = parseAllDocuments(text);
  const bad = docs.find((d) => d.errors.length);
  if (bad) throw new CliError(EXIT.usage, `${file} is not valid YAML: ${bad.errors[0].message.split('\n')[0]}`);
  // Namespaces may come along (dist/examples.yaml has them); every other document must be a claim.
  const objects = docs.map((d) => d.toJS()).filter((o) => o && !(o.apiVersion === 'v1' && o.kind === 'Namespace'));
  if (!objects.length) throw new CliError(EXIT.usage, `${file} holds no ${CLAIM_KIND} claim`);
  for (const [i, o] of objects.entries()) {
    if (o.kind !== CLAIM_KIND) throw new CliError(EXIT.usage, `${file}: document ${i + 1} is a ${o.kind ?? 'object without a kind'}, not an ${CLAIM_KIND} claim`);
    if (!o.metadata?.name) throw new CliError(EXIT.usage, `${file}: document ${i + 1}: metadata.name is missing`);
  }
  return objects;
}

/** Validate claims against dist/definition.yaml; every finding with its field path. */
export function validateClaims(claims: readonly any[], crank: string): Finding[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apctl-validate-'));
  try {
    const ext = path.join(dir, 'extensions');
    fs.mkdirSync(ext);
    fs.copyFileSync(path.join(packageRoot(), 'dist', 'definition.yaml'), path.join(ext, 'definition.yaml'));
    // crank loads the Crossplane image's CRDs from its cache; a claim needs none of them, so an
    // empty cache entry keeps it offline.
    const cache = path.join(dir, 'cache');
    fs.mkdirSync(path.join(cache, 'xpkg.crossplane.io', 'crossplane', 'crossplane@v2.3.4'), { recursive: true });
    const resources = path.join(dir, 'claims.yaml');
    fs.writeFileSync(resources, claims.map((c) => JSON.stringify(c)).join('\n---\n'));
    let out: string;
    try {
      out = execFileSync(crank, ['beta', 'validate', ext, resources, '--cache-dir', cache, '--crossplane-image', 'xpkg.crossplane.io/crossplane/crossplane:v2.3.4', '--error-on-missing-schemas'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    } catch (e: any) {
      out = `${e.stdout ?? ''}${e.stderr ?? ''}`;
      if (!/\[x\]/.test(out)) throw new CliError(EXIT.usage, `crank beta validate failed: ${out.trim().split('\n').pop()}`);
    }
    return out
      .split('\n')
      .filter((l) => l.startsWith('[x]'))
      .map((l) => {
        // [x] <kind of error> <apiVersion>, Kind=<Kind>, <name> : <field>: <message>
        const m = /, Kind=\S+, (\S+) : ([^:]+): (.*)$/.exec(l);
        return m ? { claim: m[1], field: m[2], message: m[3] } : { claim: '?', field: '', message: l.slice(4) };
      });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
