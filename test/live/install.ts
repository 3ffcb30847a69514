import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { ARGOCD_NAMESPACE, CROSSPLANE_NAMESPACE } from '../../src/config';
import { allCrds, CRDS_DIR } from '../helpers/crds';
import { compositionDocs, distDocs, distObjects, xrdDocs } from '../helpers/dist';
import { ControlPlane, CROSSPLANE_CLUSTER_DIR, startCrossplane } from './control-plane';
import { isTrue, Kube } from './kube';

/**
 * Install the platform on the live control plane as a user would, in the order Argo CD's sync
 * waves apply it (issue 13): first what dist/crossplane-packages.yaml would bring (Crossplane's
 * CRDs, the provider CRDs of the composed kinds, the functions), then the XRDs, then the
 * Compositions. Claims come last, from the tests. Everything goes through server-side apply.
 *
 * Two stand-ins, because nothing is pulled from a registry here: the provider packages are
 * replaced by their CRDs (only those of the kinds the Compositions compose) and the simulator
 * (simulator.ts); the Function packages by FunctionRevisions that point Crossplane at the
 * function processes already running (the recipe in ../shared/docs/live-control-plane.md).
 */

const yamlDocs = (file: string): any[] => parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS()).filter(Boolean);

/** The group/Kind of every managed resource the Compositions compose (from dist/, not a list kept by hand). */
export function composedKinds(): { apiVersion: string; kind: string }[] {
  const seen = new Map<string, { apiVersion: string; kind: string }>();
  for (const c of compositionDocs()) {
    for (const step of c.spec.pipeline) {
      for (const r of step.input?.resources ?? []) seen.set(`${r.base.apiVersion}/${r.base.kind}`, { apiVersion: r.base.apiVersion, kind: r.base.kind });
    }
  }
  return [...seen.values()];
}

/** The provider CRDs (from CRDS_DIR) that serve the composed AWS kinds. */
function providerCrds(): any[] {
  const wanted = new Set(composedKinds().filter((k) => k.apiVersion.includes('.aws.upbound.io/')).map((k) => `${k.apiVersion.split('/')[0]}/${k.kind}`));
  const out = allCrds().filter((crd) => wanted.delete(`${crd.spec.group}/${crd.spec.names.kind}`)).map((crd) => structuredClone(crd));
  if (wanted.size) throw new Error(`no CRD under ${CRDS_DIR} for: ${[...wanted].join(', ')}`);
  return out;
}

async function applyCrds(kube: Kube, crds: any[]): Promise<void> {
  for (const crd of crds) {
    delete crd.status;
    await kube.apply(crd);
  }
  for (const crd of crds) {
    await kube.waitFor({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: crd.metadata.name }, (o) => isTrue(o, 'Established'), 60000);
  }
  kube.resetDiscovery();
  // Established does not mean discovery lists the kind yet: the API server updates its discovery
  // documents asynchronously, and a client that reads them first would find the kind unserved.
  for (const crd of crds) {
    const version = crd.spec.versions.find((v: any) => v.served)?.name;
    const apiVersion = `${crd.spec.group}/${version}`;
    const t0 = Date.now();
    for (;;) {
      const served = await kube.plural(apiVersion, crd.spec.names.kind).then(() => true, () => false);
      if (served) break;
      if (Date.now() - t0 > 60_000) throw new Error(`${crd.spec.names.kind} in ${apiVersion} is Established but not in discovery after 60 s`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Crossplane's Usage webhook, registered by URL on loopback (core serves it; `failurePolicy: Fail`). */
function usageWebhook(cp: ControlPlane): any {
  const [cfg] = yamlDocs(path.join(CROSSPLANE_CLUSTER_DIR, 'webhookconfigurations', 'usage.yaml'));
  for (const w of cfg.webhooks) {
    w.clientConfig = { url: `https://127.0.0.1:${cp.webhookPort}${w.clientConfig.service.path}`, caBundle: Buffer.from(cp.certs.caPem).toString('base64') };
  }
  return cfg;
}

/** Make each running function known to Crossplane: a paused FunctionRevision with the process's endpoint. */
async function registerFunctions(kube: Kube, cp: ControlPlane): Promise<void> {
  const functions = distObjects().filter((o) => o.kind === 'Function');
  for (const f of functions) {
    const name = f.metadata.name;
    const ref = { apiVersion: 'pkg.crossplane.io/v1', kind: 'FunctionRevision', name: `${name}-live` };
    await kube.apply({
      apiVersion: ref.apiVersion, kind: ref.kind,
      metadata: { name: ref.name, labels: { 'pkg.crossplane.io/package': name }, annotations: { 'crossplane.io/paused': 'true' } },
      spec: { desiredState: 'Active', image: f.spec.package, revision: 1 },
    });
    await kube.mergePatch(ref, { status: { endpoint: `127.0.0.1:${cp.functionPorts[name]}`, capabilities: ['composition'] } }, 'status');
  }
}

export interface Installed {
  /** XRD names, each Established and Offered. */
  readonly xrds: string[];
  readonly compositions: string[];
  /** Milliseconds per step. */
  readonly timings: Record<string, number>;
}

export async function install(kube: Kube, cp: ControlPlane): Promise<Installed> {
  const timings: Record<string, number> = {};
  const step = async (name: string, f: () => Promise<void>) => {
    const t0 = Date.now();
    await f();
    timings[name] = Date.now() - t0;
  };
  await step('crossplane', async () => {
    await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: CROSSPLANE_NAMESPACE } });
    const dir = path.join(CROSSPLANE_CLUSTER_DIR, 'crds');
    await applyCrds(kube, fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).flatMap((f) => yamlDocs(path.join(dir, f))));
    await startCrossplane(cp);
    await kube.apply(usageWebhook(cp));
  });
  // Wave packages: the runtime config and the activation policy for real; the Providers and
  // Functions are admitted by the API server (dry run), since nothing is pulled here: their
  // stand-ins are the provider CRDs and the registered function processes.
  await step('packages', async () => {
    const packages = distDocs()['crossplane-packages.yaml'];
    for (const o of packages.filter((x) => ['DeploymentRuntimeConfig', 'ManagedResourceActivationPolicy'].includes(x.kind))) await kube.apply(o);
    for (const o of packages.filter((x) => ['Provider', 'Function'].includes(x.kind))) await kube.apply(o, { dryRun: true });
  });
  await step('providers', () => applyCrds(kube, providerCrds()));
  await step('functions', () => registerFunctions(kube, cp));
  // Wave provider-config: the ProviderConfig CRD (provider-family-aws brings it) and one per account.
  await step('provider config', async () => {
    await applyCrds(kube, allCrds().filter((crd) => crd.spec.group === 'aws.upbound.io' && crd.spec.names.kind === 'ProviderConfig').map((crd) => structuredClone(crd)));
    for (const o of distDocs()['provider-config.yaml']) await kube.apply(o);
  });
  // Argo CD itself: its CRDs, argocd-cm's keys, the AppProjects, the root and the child
  // Applications, all admitted by the API server against Argo CD's real CRDs (no Argo CD
  // controller runs here: the waves are applied in its order by this function).
  await step('argo cd', async () => {
    await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ARGOCD_NAMESPACE } });
    await applyCrds(kube, allCrds().filter((crd) => crd.spec.group === 'argoproj.io').map((crd) => structuredClone(crd)));
    for (const f of ['argocd-config.yaml', 'argocd-root.yaml', 'argocd-applications.yaml']) for (const o of distDocs()[f]) await kube.apply(o);
  });
  const xrds = xrdDocs();
  await step('definitions', async () => {
    for (const x of xrds) await kube.apply(x);
    for (const x of xrds) {
      await kube.waitFor({ apiVersion: x.apiVersion, kind: x.kind, name: x.metadata.name }, (o) => isTrue(o, 'Established') && (!o?.spec.claimNames || isTrue(o, 'Offered')), 90000,
        (o) => JSON.stringify(o?.status?.conditions));
    }
    kube.resetDiscovery();
  });
  await step('deletion guard', async () => {
    // The admission policy and its binding; the API server type-checks the policy's CEL against
    // the claim's and XR's schemas and reports problems in its status.
    const guard = distDocs()['deletion-guard.yaml'];
    for (const g of guard) await kube.apply(g);
    const policy = guard.find((g) => g.kind === 'ValidatingAdmissionPolicy');
    const checked = await kube.waitFor({ apiVersion: policy.apiVersion, kind: policy.kind, name: policy.metadata.name }, (o) => o?.status?.observedGeneration === o?.metadata.generation, 60000, (o) => `status ${JSON.stringify(o?.status ?? 'absent')}`);
    if (checked.status.typeChecking?.expressionWarnings?.length) throw new Error(`deletion guard type-check warnings: ${JSON.stringify(checked.status.typeChecking.expressionWarnings)}`);
  });
  const compositions = compositionDocs();
  await step('compositions', async () => {
    for (const c of compositions) await kube.apply(c);
  });
  return { xrds: xrds.map((x) => x.metadata.name), compositions: compositions.map((c) => c.metadata.name), timings };
}
