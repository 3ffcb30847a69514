import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { minimatch } from 'minimatch';
import { parseAllDocuments } from 'yaml';
import { API_GROUP, CLAIM_KIND, GIT_REPOSITORY, XR_KIND } from '../src/config';
import { HEALTH_CHECKS, healthKey, healthScript } from '../src/gitops/argocd-config';
import { KEEP } from '../src/gitops/sync-options';
import { goldenFile } from './engine/golden';
import { DIST_DIR, distDocs } from './helpers/dist';

/**
 * Argo CD (issue 13): the app of apps syncs the waves in order, every object of dist/ that Argo CD
 * applies is in exactly one wave and admitted by its AppProject, claims holding student data are
 * never pruned or deleted with an Application, and the claim's Lua health check is run by a real
 * Lua 5.1 interpreter (Argo CD runs gopher-lua, which implements Lua 5.1).
 */
const root = () => distDocs()['argocd-root.yaml'];
const children = () => distDocs()['argocd-applications.yaml'];
const wave = (o: any) => Number(o.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0);
const child = (id: string) => children().find((a) => a.metadata.name === `assessment-platform-${id}`);
/** The dist/ files a directory source's include glob selects (Argo CD matches it as a glob with braces). */
const filesOf = (app: any) => fs.readdirSync(DIST_DIR).filter((f) => app.spec.source.directory && minimatch(f, app.spec.source.directory.include));
const config = () => distDocs()['argocd-config.yaml'][0].data;

describe('app of apps', () => {
  test('the root Application syncs the child Applications from this repository', () => {
    const app = root().find((o) => o.kind === 'Application');
    expect(app.spec.source).toMatchObject({ repoURL: GIT_REPOSITORY, path: 'dist' });
    expect(filesOf(app)).toEqual(['argocd-applications.yaml']);
  });

  test('the waves: Crossplane, then packages, then provider config, then XRDs and Compositions, then claims', () => {
    const order = [...children()].sort((a, b) => wave(a) - wave(b)).map((a) => a.metadata.name.replace('assessment-platform-', ''));
    expect(order).toEqual(['crossplane', 'packages', 'provider-config', 'apis', 'claims']);
    expect(new Set(children().map(wave)).size).toBe(children().length);
    const kinds = (id: string) => [...new Set(filesOf(child(id)).flatMap((f) => distDocs()[f].map((o) => o.kind)))].sort();
    expect(kinds('packages')).toEqual(['DeploymentRuntimeConfig', 'Function', 'ManagedResourceActivationPolicy', 'Provider', 'ServiceAccount']);
    expect(kinds('provider-config')).toEqual(['ProviderConfig']);
    expect(kinds('apis')).toEqual(['CompositeResourceDefinition', 'Composition', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']);
    expect(kinds('claims')).toEqual([CLAIM_KIND, 'Namespace']);
  });

  test('every manifest file of dist/ is synced by exactly one wave, except what is applied once by hand', () => {
    const byHand = ['argocd-root.yaml', 'argocd-config.yaml', 'argocd-applications.yaml', 'crossplane.yaml'];
    for (const f of Object.keys(distDocs()).filter((x) => !byHand.includes(x))) {
      expect({ f, waves: children().filter((a) => filesOf(a).includes(f)).length }).toEqual({ f, waves: 1 });
    }
    for (const f of byHand.filter((x) => x !== 'argocd-applications.yaml')) expect(children().some((a) => filesOf(a).includes(f))).toBe(false);
  });

  test('automated sync with self-heal and prune everywhere; server-side dry run skipped where CRDs arrive during the sync', () => {
    for (const a of [...children(), ...root().filter((o) => o.kind === 'Application')]) {
      expect(a.spec.syncPolicy.automated).toEqual({ prune: true, selfHeal: true });
    }
    const skips = children().filter((a) => a.spec.syncPolicy.syncOptions.includes('SkipDryRunOnMissingResource=true')).map((a) => a.metadata.name);
    expect(skips.sort()).toEqual(['assessment-platform-claims', 'assessment-platform-packages', 'assessment-platform-provider-config']);
  });

  test('annotation-based resource tracking, and a health check for every kind a wave waits on', () => {
    expect(config()['application.resourceTrackingMethod']).toBe('annotation');
    for (const h of HEALTH_CHECKS) expect(config()[healthKey(h.group, h.kind)]).toBe(healthScript(h.script));
    expect(Object.keys(config())).toContain(`resource.customizations.health.${API_GROUP}_${CLAIM_KIND}`);
  });
});

describe('what Argo CD must never delete', () => {
  const claims = () => distDocs()['examples.yaml'].filter((o) => o.kind === CLAIM_KIND);

  test('the prod claim is neither pruned when it leaves Git nor deleted with its Application', () => {
    const prod = claims().find((c) => c.spec.parameters.environment === 'prod');
    expect(prod.metadata.annotations['argocd.argoproj.io/sync-options']).toBe('Prune=false,Delete=false');
    // The claims Application cascades its deletes (finalizer) and prunes: the annotation is what protects prod.
    expect(child('claims').metadata.finalizers).toContain('resources-finalizer.argocd.argoproj.io');
    expect(child('claims').spec.syncPolicy.automated.prune).toBe(true);
  });

  test('deleting the root Application, even with cascade, leaves every child Application (and Crossplane running)', () => {
    for (const a of children()) expect([a.metadata.name, a.metadata.annotations['argocd.argoproj.io/sync-options']]).toEqual([a.metadata.name, 'Delete=false']);
  });

  test("the first wave creates Crossplane's namespace, which its chart does not", () => {
    expect(child('crossplane').spec.syncPolicy.syncOptions).toContain('CreateNamespace=true');
  });

  test('every claim holding student records, its namespace, every XRD, every provider and the deletion guard carry the same options', () => {
    const protectedObjects = [
      ...claims().filter((c) => (c.spec.parameters.dataClassification ?? 'student-records') === 'student-records'),
      ...distDocs()['examples.yaml'].filter((o) => o.kind === 'Namespace'),
      ...Object.values(distDocs()).flat().filter((o) => o.kind === 'CompositeResourceDefinition' || o.kind === 'Provider'),
      ...distDocs()['deletion-guard.yaml'],
    ];
    expect(protectedObjects.length).toBeGreaterThan(20);
    expect(protectedObjects.filter((o) => o.metadata.annotations?.['argocd.argoproj.io/sync-options'] !== KEEP).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([]);
  });
});

describe('AppProjects', () => {
  const project = (name: string) => root().find((o) => o.kind === 'AppProject' && o.metadata.name === name);

  test('the platform project admits only this repository, the in-cluster server and exactly the kinds its waves hold', () => {
    const p = project('assessment-platform');
    expect(p.spec.sourceRepos).toEqual([GIT_REPOSITORY]);
    expect(new Set(p.spec.destinations.map((d: any) => d.server))).toEqual(new Set(['https://kubernetes.default.svc']));
    const synced = children().filter((a) => a.spec.project === 'assessment-platform').flatMap((a) => filesOf(a).flatMap((f) => distDocs()[f]));
    const all = [...synced, ...children()];
    const gk = (o: any) => `${o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : ''}/${o.kind}`;
    const allowed = [...p.spec.clusterResourceWhitelist, ...p.spec.namespaceResourceWhitelist].map((w: any) => `${w.group}/${w.kind}`);
    expect([...new Set(all.map(gk))].filter((k) => !allowed.includes(k))).toEqual([]);
    expect(allowed.filter((k) => !all.some((o) => gk(o) === k))).toEqual([]);
    // Every namespaced object goes to a namespace the project admits.
    const namespaces = all.map((o) => o.metadata.namespace).filter(Boolean);
    expect(namespaces.filter((n) => !p.spec.destinations.some((d: any) => minimatch(n, d.namespace)))).toEqual([]);
  });

  test("the Crossplane project admits only Crossplane's chart repository and crossplane-system", () => {
    const p = project('crossplane');
    expect(p.spec.sourceRepos).toEqual(['https://charts.crossplane.io/stable']);
    expect(p.spec.destinations).toEqual([{ server: 'https://kubernetes.default.svc', namespace: 'crossplane-system' }]);
    expect(child('crossplane').spec.project).toBe('crossplane');
  });
});

/** A JSON value as a Lua 5.1 table constructor. */
function lua(v: any): string {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `{${v.map(lua).join(', ')}}`;
  return `{${Object.entries(v).map(([k, x]) => `[${JSON.stringify(k)}] = ${lua(x)}`).join(', ')}}`;
}

/** Run a health script as Argo CD does: `obj` is the resource; the chunk returns {status, message}. */
function runHealth(script: string, obj: any): { status: string; message: string } {
  const chunk = `obj = ${lua(obj)}\nlocal hs = (function()\n${script}\nend)()\nio.write(hs.status, "\\n", hs.message)`;
  const out = execFileSync('lua5.1', ['-'], { input: chunk, encoding: 'utf8' });
  const [status, ...message] = out.split('\n');
  return { status, message: message.join('\n') };
}

describe('the claim health check, run by lua5.1', () => {
  const script = () => config()[`resource.customizations.health.${API_GROUP}_${CLAIM_KIND}`];
  const golden = () => parseAllDocuments(fs.readFileSync(goldenFile('assessments-prod'), 'utf8'), { version: '1.1' }).map((d) => d.toJS()).find((o) => o?.kind === XR_KIND).status;
  const cond = (type: string, status: string, reason: string, message?: string) => ({ type, status, reason, ...(message ? { message } : {}), lastTransitionTime: '2026-11-30T10:00:00Z' });

  test('the Lua interpreter is Lua 5.1, as gopher-lua', () => {
    expect(execFileSync('lua5.1', ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) + '').toBeDefined();
    expect(runHealth('return { status = _VERSION, message = "" }', {}).status).toBe('Lua 5.1');
  });

  test('a Ready claim (the golden prod status) is Healthy and shows its API URL', () => {
    const obj = { metadata: { name: 'assessments-prod' }, status: { ...golden(), conditions: [cond('Synced', 'True', 'ReconcileSuccess'), cond('Ready', 'True', 'Available')] } };
    expect(runHealth(script(), obj)).toEqual({ status: 'Healthy', message: `Ready: ${golden().api.url}` });
  });

  test('a claim still being created is Progressing, with the unready resources', () => {
    const obj = { metadata: { name: 'x' }, status: { conditions: [cond('Synced', 'True', 'ReconcileSuccess'), cond('Ready', 'False', 'Creating', 'Unready resources: database, cache')] } };
    expect(runHealth(script(), obj)).toEqual({ status: 'Progressing', message: 'Ready=False (Creating): Unready resources: database, cache' });
  });

  test('a claim Crossplane cannot reconcile is Degraded, with the error', () => {
    const obj = { metadata: { name: 'x' }, status: { conditions: [cond('Synced', 'False', 'ReconcileError', 'cannot compose resources: providerconfig aws-1 not found'), cond('Ready', 'False', 'Creating')] } };
    expect(runHealth(script(), obj)).toEqual({ status: 'Degraded', message: 'Synced=False (ReconcileError): cannot compose resources: providerconfig aws-1 not found' });
  });

  test('a claim not yet reconciled, and one being deleted, are Progressing', () => {
    expect(runHealth(script(), { metadata: { name: 'x' } }).status).toBe('Progressing');
    expect(runHealth(script(), { metadata: { name: 'x', deletionTimestamp: '2026-11-30T10:00:00Z' }, status: { conditions: [cond('Ready', 'True', 'Available')] } }).status).toBe('Progressing');
  });

  test('packages, XRDs and child Applications: Healthy only when installed, established, or healthy', () => {
    const pkg = config()['resource.customizations.health.pkg.crossplane.io_Provider'];
    expect(runHealth(pkg, { status: { conditions: [cond('Installed', 'True', 'ActivePackageRevision'), cond('Healthy', 'True', 'HealthyPackageRevision')] } }).status).toBe('Healthy');
    expect(runHealth(pkg, { status: { conditions: [cond('Installed', 'True', 'ActivePackageRevision'), cond('Healthy', 'False', 'UnhealthyPackageRevision', 'cannot pull')] } })).toEqual({ status: 'Progressing', message: 'Healthy: cannot pull' });
    const xrd = config()['resource.customizations.health.apiextensions.crossplane.io_CompositeResourceDefinition'];
    expect(runHealth(xrd, { spec: { claimNames: { kind: 'A' } }, status: { conditions: [cond('Established', 'True', 'WatchingCompositeResource')] } }).status).toBe('Progressing');
    expect(runHealth(xrd, { spec: { claimNames: { kind: 'A' } }, status: { conditions: [cond('Established', 'True', 'WatchingCompositeResource'), cond('Offered', 'True', 'OfferedClaim')] } }).status).toBe('Healthy');
    expect(runHealth(xrd, { spec: {}, status: { conditions: [cond('Established', 'True', 'WatchingCompositeResource')] } }).status).toBe('Healthy');
    const app = config()['resource.customizations.health.argoproj.io_Application'];
    const synced = { sync: { status: 'Synced' }, operationState: { phase: 'Succeeded' } };
    expect(runHealth(app, { status: { ...synced, health: { status: 'Healthy' } } })).toEqual({ status: 'Healthy', message: 'Synced and healthy' });
    expect(runHealth(app, { status: { ...synced, health: { status: 'Degraded', message: 'x' } } })).toEqual({ status: 'Degraded', message: 'x' });
    // Healthy but still applying a new revision: the next wave waits.
    expect(runHealth(app, { status: { sync: { status: 'OutOfSync' }, health: { status: 'Healthy' } } }).status).toBe('Progressing');
    expect(runHealth(app, { status: { sync: { status: 'Synced' }, operationState: { phase: 'Running' }, health: { status: 'Healthy' } } }).status).toBe('Progressing');
    expect(runHealth(app, { status: { sync: { status: 'OutOfSync' }, operationState: { phase: 'Failed', message: 'one or more objects failed to apply' }, health: { status: 'Healthy' } } })).toEqual({ status: 'Degraded', message: 'Sync Failed: one or more objects failed to apply' });
    expect(runHealth(app, {}).status).toBe('Progressing');
  });
});
