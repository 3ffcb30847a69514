import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freePort, waitForPort } from '../engine/functions';
import { CROSSPLANE_CORE_FLAGS } from '../../src/install/crossplane-core';
import { BIN_DIR, functionBinary, PIPELINE_FUNCTIONS, requireTool } from '../engine/tools';
import { Certificates, makeCertificates } from './certs';

/**
 * A real Kubernetes control plane with Crossplane core on loopback, for the live suite: etcd,
 * kube-apiserver and kube-controller-manager (garbage collector, namespace and admission-policy type-check controllers),
 * the three pipeline functions serving gRPC over mTLS, and Crossplane core v2.2.4 with its
 * webhook server (the Usage webhook refuses deletes of resources in use). Everything runs on
 * free 127.0.0.1 ports in a temporary folder and is torn down by stop(), and by an exit hook if
 * the suite dies. No docker, no cluster: see ../shared/docs/live-control-plane.md.
 */

/** How often Crossplane core re-checks each resource for drift (its --poll-interval), in seconds. */
export const POLL_INTERVAL_SECONDS = 20;

export interface ControlPlane {
  /** The temporary folder: logs (<process>.log), certificates, etcd data, kubeconfig. */
  readonly dir: string;
  /** The kubeconfig file (admin token, the run's CA). */
  readonly kubeconfig: string;
  readonly certs: Certificates;
  /** Crossplane core's webhook server port on 127.0.0.1. */
  readonly webhookPort: number;
  /** Each pipeline function's gRPC port on 127.0.0.1, by function name. */
  readonly functionPorts: Record<string, number>;
  /** Every process started, by name. */
  readonly processes: Record<string, ChildProcess>;
  /** Crossplane core's Prometheus metrics port on 127.0.0.1, once started. */
  metricsPort?: number;
}

const ADMIN_TOKEN = 'live-admin-token';
/** A user with no RBAC grant at all (context `live-nobody`): what every request of it gets is a 403. */
const NOBODY_TOKEN = 'live-nobody-token';
/** The kubeconfig context of that user. */
export const NOBODY_CONTEXT = 'live-nobody';

/** etcd from the machine (Debian's etcd-server; .ci/run installs it). */
function etcdBinary(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v etcd'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('etcd is missing: apt-get install -y etcd-server (see README, Prerequisites)');
  }
}

/** Crossplane core's own CRDs and webhook configurations, copied from its module by `make tools`. */
export const CROSSPLANE_CLUSTER_DIR = path.join(BIN_DIR, 'crossplane-cluster');

function startProcess(cp: { dir: string; processes: Record<string, ChildProcess> }, name: string, bin: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const log = fs.openSync(path.join(cp.dir, `${name}.log`), 'w');
  const proc = spawn(bin, args, { stdio: ['ignore', log, log], env: { ...process.env, ...env } });
  fs.closeSync(log);
  cp.processes[name] = proc;
  return proc;
}

/** The last lines of a process's log, for an error message. */
export function logTail(dir: string, name: string, lines = 15): string {
  const file = path.join(dir, `${name}.log`);
  if (!fs.existsSync(file)) return '';
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

async function waitReady(url: string, ca: string, timeoutMs: number, proc: ChildProcess, what: string, dir: string, token?: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const https = await import('https');
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${what} exited with code ${proc.exitCode}:\n${logTail(dir, what)}`);
    const ok = await new Promise<boolean>((resolve) => {
      const req = https.get(url, { ca, headers: token ? { Authorization: `Bearer ${token}` } : {} }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${what} not ready at ${url} within ${timeoutMs} ms:\n${logTail(dir, what)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Start the control plane. Crossplane core is started by startCrossplane() once its CRDs are
 * applied (install.ts), because it expects them at start.
 */
export async function startKubernetes(): Promise<ControlPlane> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assessment-platform-live-'));
  const processes: Record<string, ChildProcess> = {};
  const base = { dir, processes };
  process.on('exit', () => killAll(processes));
  // An interrupted run (Ctrl-C, CI cancelling the job) must not leave etcd or the API server behind.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll(processes);
      if (!process.env.AP_KEEP_LIVE_DIR) fs.rmSync(dir, { recursive: true, force: true });
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
  try {
    const certs = makeCertificates(path.join(dir, 'certs'));
    const [etcdPort, peerPort, kasPort, webhookPort] = [await freePort(), await freePort(), await freePort(), await freePort()];

    const etcd = startProcess(base, 'etcd', etcdBinary(), [
      '--name=live', `--data-dir=${path.join(dir, 'etcd')}`, '--unsafe-no-fsync',
      `--listen-client-urls=http://127.0.0.1:${etcdPort}`, `--advertise-client-urls=http://127.0.0.1:${etcdPort}`,
      `--listen-peer-urls=http://127.0.0.1:${peerPort}`, `--initial-advertise-peer-urls=http://127.0.0.1:${peerPort}`,
      `--initial-cluster=live=http://127.0.0.1:${peerPort}`,
    ]);
    await waitForPort(etcdPort, 30000, etcd, 'etcd');

    const saKey = path.join(dir, 'certs', 'sa.key');
    execFileSync('openssl', ['genrsa', '-out', saKey, '2048'], { stdio: 'ignore' });
    const tokens = path.join(dir, 'tokens.csv');
    fs.writeFileSync(tokens, `${ADMIN_TOKEN},admin,admin,"system:masters"\n${NOBODY_TOKEN},nobody,nobody\n`);
    const kas = startProcess(base, 'kube-apiserver', requireTool(path.join(BIN_DIR, 'kube-apiserver')), [
      `--etcd-servers=http://127.0.0.1:${etcdPort}`, '--bind-address=127.0.0.1', `--secure-port=${kasPort}`,
      `--tls-cert-file=${path.join(certs.serverDir, 'tls.crt')}`, `--tls-private-key-file=${path.join(certs.serverDir, 'tls.key')}`,
      '--service-account-issuer=https://kubernetes.default.svc', `--service-account-key-file=${saKey}`,
      `--service-account-signing-key-file=${saKey}`, '--service-cluster-ip-range=10.96.0.0/24',
      '--authorization-mode=RBAC', `--token-auth-file=${tokens}`,
    ]);
    await waitReady(`https://127.0.0.1:${kasPort}/readyz`, certs.caPem, 90000, kas, 'kube-apiserver', dir, ADMIN_TOKEN);

    const kubeconfig = path.join(dir, 'kubeconfig');
    fs.writeFileSync(kubeconfig, JSON.stringify({
      apiVersion: 'v1', kind: 'Config', 'current-context': 'live',
      clusters: [{ name: 'live', cluster: { server: `https://127.0.0.1:${kasPort}`, 'certificate-authority-data': Buffer.from(certs.caPem).toString('base64') } }],
      users: [{ name: 'admin', user: { token: ADMIN_TOKEN } }, { name: 'nobody', user: { token: NOBODY_TOKEN } }],
      contexts: [{ name: 'live', context: { cluster: 'live', user: 'admin' } }, { name: NOBODY_CONTEXT, context: { cluster: 'live', user: 'nobody' } }],
    }));

    startProcess(base, 'kube-controller-manager', requireTool(path.join(BIN_DIR, 'kube-controller-manager')), [
      `--kubeconfig=${kubeconfig}`, '--controllers=garbagecollector,namespace,validatingadmissionpolicy-status-controller', '--use-service-account-credentials=false',
      '--secure-port=0', '--leader-elect=false',
    ]);

    const functionPorts: Record<string, number> = {};
    for (const name of PIPELINE_FUNCTIONS) {
      functionPorts[name] = await freePort();
      startProcess(base, name, requireTool(functionBinary(name)), [`--address=127.0.0.1:${functionPorts[name]}`, `--tls-certs-dir=${certs.serverDir}`]);
    }
    await Promise.all(PIPELINE_FUNCTIONS.map((n) => waitForPort(functionPorts[n], 30000, processes[n], n)));
    return { dir, kubeconfig, certs, webhookPort, functionPorts, processes };
  } catch (e) {
    killAll(processes);
    throw e;
  }
}

/**
 * Start Crossplane core (its CRDs must be applied) with the flags the platform's install sets
 * (src/install/crossplane-core.ts) and a shorter poll interval, and wait for its webhook server.
 */
export async function startCrossplane(cp: ControlPlane): Promise<void> {
  const [metrics, health] = [await freePort(), await freePort()];
  const core = startProcess(cp, 'crossplane', requireTool(path.join(BIN_DIR, 'crossplane')), [
    'core', 'start', '--package-runtime=External',
    `--tls-client-certs-dir=${cp.certs.clientDir}`, `--tls-server-certs-dir=${cp.certs.serverDir}`,
    `--webhook-port=${cp.webhookPort}`, `--metrics-port=${metrics}`, `--health-probe-port=${health}`,
    `--xpkg-cache-dir=${path.join(cp.dir, 'xpkg')}`, `--poll-interval=${POLL_INTERVAL_SECONDS}s`,
    ...CROSSPLANE_CORE_FLAGS,
    ...(process.env.AP_LIVE_DEBUG ? ['--debug'] : []),
  ], { KUBECONFIG: cp.kubeconfig });
  await waitForPort(cp.webhookPort, 60000, core, 'crossplane');
  cp.metricsPort = metrics;
}

/** Crossplane core's metrics (Prometheus text) whose name starts with `prefix`, as [labels, value]. */
export async function coreMetrics(cp: ControlPlane, prefix: string): Promise<[string, number][]> {
  const res = await fetch(`http://127.0.0.1:${cp.metricsPort}/metrics`);
  const text = await res.text();
  return text.split('\n').filter((l) => l.startsWith(prefix)).map((l) => {
    const m = /^[^{ ]+(\{.*\})? (\S+)$/.exec(l);
    return [m?.[1] ?? '', Number(m?.[2])] as [string, number];
  });
}

function killAll(processes: Record<string, ChildProcess>, signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const p of Object.values(processes)) if (p.exitCode === null && p.signalCode === null) p.kill(signal);
}

/** Stop every process (Crossplane and the controllers first, etcd last) and remove the folder unless AP_KEEP_LIVE_DIR is set. */
export async function stop(cp: ControlPlane): Promise<void> {
  const order = ['crossplane', 'kube-controller-manager', ...PIPELINE_FUNCTIONS, 'kube-apiserver', 'etcd'];
  for (const name of order) {
    const p = cp.processes[name];
    if (!p || p.exitCode !== null || p.signalCode !== null) continue;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  killAll(cp.processes);
  if (!process.env.AP_KEEP_LIVE_DIR) fs.rmSync(cp.dir, { recursive: true, force: true });
}
