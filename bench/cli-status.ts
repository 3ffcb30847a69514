/**
 * Benchmark: prints figures, asserts nothing. Run: make bench-cli (about 15 minutes on 2 cores).
 *
 * `apctl status` on the live control plane (test/live: a real API server, Crossplane core and the
 * provider simulator) with 10 Ready claims of the dev example (each with its own suffix and
 * namespace): the latency and the API requests of `status` for 1 claim and for all 10, each run 3
 * times (the median printed), and of `drift` across all claims.
 */
import { DEV_CLAIM, claimManifest } from '../src/examples/claims';
import { CLAIM_KIND } from '../src/config';
import { isTrue, Kube } from '../src/kube/client';
import { apctl } from '../test/live/apctl';
import { startKubernetes, stop } from '../test/live/control-plane';
import { composedKinds, install } from '../test/live/install';
import { ProviderSimulator } from '../test/live/simulator';

const CLAIMS = 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const cp = await startKubernetes();
  try {
    const kube = new Kube(cp.kubeconfig);
    await install(kube, cp);
    const sim = new ProviderSimulator(kube);
    await sim.start(composedKinds().filter((k) => k.apiVersion.includes('.aws.upbound.io/')));
    const t0 = Date.now();
    const claims = Array.from({ length: CLAIMS }, (_, i) => {
      const c = claimManifest({ ...DEV_CLAIM, name: `bench-${i}`, namespace: `bench-${i}`, parameters: { ...DEV_CLAIM.parameters, environmentSuffix: `bench${i}`, database: { deletionProtection: false } } });
      return c;
    });
    for (const c of claims) {
      await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: c.metadata.namespace } });
      await kube.apply(c);
    }
    for (const c of claims) {
      await kube.waitFor({ apiVersion: c.apiVersion, kind: CLAIM_KIND, namespace: c.metadata.namespace, name: c.metadata.name }, (o) => isTrue(o, 'Ready'), 30 * 60_000);
    }
    console.log(`${CLAIMS} claims of the dev example Ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const measure = async (label: string, args: string[]) => {
      const runs = [];
      for (let i = 0; i < 3; i++) {
        const r = await apctl([...args, '-o', 'json'], cp.kubeconfig);
        const out = JSON.parse(r.stdout);
        const resources = out.claims ? out.claims.reduce((n: number, t: any) => n + t.total, 0) : out.managedResources;
        runs.push({ ms: out.milliseconds ?? r.ms, process: r.ms, calls: out.apiCalls, resources });
      }
      console.log(`${label.padEnd(28)} ${String(runs[0].resources).padStart(5)} resources  ${String(median(runs.map((x) => x.ms))).padStart(6)} ms (median of 3; ${median(runs.map((x) => x.process))} ms with the process start)  ${runs[0].calls ?? '-'} API requests`);
    };
    await measure('status, 1 claim', ['status', 'bench-0', '-n', 'bench-0']);
    await measure(`status, all ${CLAIMS} claims`, ['status']);
    const text = await apctl(['status', 'bench-0', '-n', 'bench-0'], cp.kubeconfig);
    console.log(`apctl status bench-0 -n bench-0 (the first 20 lines of ${text.stdout.split('\n').length}):\n${text.stdout.split('\n').slice(0, 20).join('\n')}`);
    const drift = await apctl(['drift'], cp.kubeconfig);
    console.log(`drift, all ${CLAIMS} claims: ${drift.ms} ms with the process start: ${drift.stdout.trim().split('\n').pop()}`);
  } finally {
    await stop(cp);
  }
}

// The simulator's and the client's watches keep the event loop alive: exit once the figures are out.
main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
