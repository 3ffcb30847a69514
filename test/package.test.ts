import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { FUNCTIONS, PROVIDER_VERSION } from '../src/config';
import { CRANK, requireTool } from './engine/tools';
import { compositionDocs, distDocs, xrdDocs } from './helpers/dist';
import { REPO_ROOT } from './helpers/repo';

/**
 * The Configuration package (issue 13): `crank xpkg build` packs dist/ offline (crossplane.yaml,
 * every XRD and Composition), and the built file is read back: an OCI image tarball whose layer
 * holds package.yaml, the YAML stream Crossplane installs.
 */

/** Build the package with `scripts/build-package.sh` (what `make package` runs) into a temporary folder. */
function build(): { file: string; ms: number } {
  requireTool(CRANK);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-xpkg-'));
  const file = path.join(out, 'configuration-assessment-platform.xpkg');
  const t0 = Date.now();
  execFileSync(path.join(REPO_ROOT, 'scripts', 'build-package.sh'), [file], { stdio: 'pipe', env: { ...process.env, HOME: out } });
  return { file, ms: Date.now() - t0 };
}

/** The objects of package.yaml inside a built .xpkg (an OCI image tarball: manifest.json, then layer blobs). */
function readBack(file: string): any[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-xpkg-read-'));
  execFileSync('tar', ['-xf', file, '-C', dir]);
  const [manifest] = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  for (const layer of manifest.Layers as string[]) {
    const layerDir = fs.mkdtempSync(path.join(dir, 'layer-'));
    execFileSync('tar', ['-xf', path.join(dir, layer), '-C', layerDir]);
    const pkg = path.join(layerDir, 'package.yaml');
    if (fs.existsSync(pkg)) return parseAllDocuments(fs.readFileSync(pkg, 'utf8')).map((d) => d.toJS()).filter(Boolean);
  }
  throw new Error(`no package.yaml in any layer of ${file}`);
}

describe('Configuration package (crank xpkg build, offline)', () => {
  let objects: any[] = [];
  let ms = 0;
  beforeAll(() => {
    const built = build();
    ms = built.ms;
    objects = readBack(built.file);
  });
  afterAll(() => console.log(`package: scripts/build-package.sh (crank xpkg build of dist/) took ${ms} ms; ${objects.length} objects in package.yaml`));

  const key = (o: any) => `${o.kind}/${o.metadata.name}`;

  test('holds every XRD and every Composition of dist/, and nothing stale', () => {
    const inPackage = objects.filter((o) => o.kind === 'CompositeResourceDefinition' || o.kind === 'Composition');
    const inDist = [...xrdDocs(), ...compositionDocs()];
    expect(inPackage.map(key).sort()).toEqual(inDist.map(key).sort());
    // Byte-for-byte the same objects, not only the same names.
    // crank writes an XRD's empty status (its Go type has one); apart from that, the same objects.
    const withoutEmptyStatus = (o: any) => {
      const { status, ...rest } = o;
      expect(JSON.stringify(status ?? {})).not.toMatch(/"(conditions|message)"/);
      return rest;
    };
    for (const o of inPackage) expect(withoutEmptyStatus(o)).toEqual(inDist.find((d) => key(d) === key(o)));
  });

  test('holds the metadata with pinned dependencies on exactly the providers and functions dist/ installs', () => {
    const meta = objects.find((o) => o.apiVersion === 'meta.pkg.crossplane.io/v1' && o.kind === 'Configuration');
    expect(meta).toEqual(distDocs()['crossplane.yaml'][0]);
    const providers = distDocs()['crossplane-packages.yaml'].filter((o) => o.kind === 'Provider').map((p) => p.spec.package);
    expect(meta.spec.dependsOn.filter((d: any) => d.provider).map((d: any) => `${d.provider}:${d.version}`).sort()).toEqual(providers.sort());
    expect(meta.spec.dependsOn.filter((d: any) => d.provider).every((d: any) => d.version === PROVIDER_VERSION)).toBe(true);
    expect(meta.spec.dependsOn.filter((d: any) => d.function).map((d: any) => `${d.function}:${d.version}`).sort()).toEqual(Object.values(FUNCTIONS).map((f) => f.package).sort());
  });

  test('holds no install, GitOps or admission object (those are applied beside the package)', () => {
    const kinds = new Set(objects.map((o) => o.kind));
    for (const k of ['Provider', 'Function', 'ProviderConfig', 'Application', 'AppProject', 'ConfigMap', 'ValidatingAdmissionPolicy', 'DeploymentRuntimeConfig']) expect(kinds.has(k)).toBe(false);
    expect([...kinds].sort()).toEqual(['CompositeResourceDefinition', 'Composition', 'Configuration']);
  });
});
