import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { stringify } from 'yaml';
import { distObjects } from '../helpers/dist';
import { functionBinary, PIPELINE_FUNCTIONS, requireTool } from './tools';

/**
 * The pipeline functions, each a real process from bin/ serving gRPC on a free loopback port for
 * the whole test run. `crank render` reaches them through the Development runtime annotations of
 * a functions file that is generated from dist/'s Function objects (never hand-kept).
 */

/** A free TCP port on 127.0.0.1 (the kernel picks one; it is released before the function binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once 127.0.0.1:port accepts a connection; rejects after `timeoutMs` or if `proc` exits. */
export async function waitForPort(port: number, timeoutMs: number, proc?: ChildProcess, what = `port ${port}`): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc && proc.exitCode !== null) throw new Error(`${what} exited with code ${proc.exitCode} before serving`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${what} did not serve on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface RunningFunction {
  readonly name: string;
  readonly port: number;
  readonly process: ChildProcess;
}

/** Start every pipeline function (insecure gRPC on loopback), logging to `<dir>/<name>.log`. */
export async function startFunctions(dir: string): Promise<RunningFunction[]> {
  const running: RunningFunction[] = [];
  try {
    for (const name of PIPELINE_FUNCTIONS) {
      const port = await freePort();
      const log = fs.openSync(path.join(dir, `${name}.log`), 'w');
      const proc = spawn(requireTool(functionBinary(name)), ['--insecure', `--address=127.0.0.1:${port}`], { stdio: ['ignore', log, log] });
      fs.closeSync(log);
      running.push({ name, port, process: proc });
    }
    await Promise.all(running.map((f) => waitForPort(f.port, 30000, f.process, f.name)));
    return running;
  } catch (e) {
    stopFunctions(running);
    throw e;
  }
}

/** Stop the functions that still run (SIGTERM). */
export function stopFunctions(running: readonly RunningFunction[]): void {
  for (const f of running) {
    if (f.process.exitCode === null) f.process.kill('SIGTERM');
  }
}

/**
 * The functions file for `crank render`: each Function object of dist/ with the Development
 * runtime pointed at its running process.
 */
export function functionsFile(ports: Record<string, number>): string {
  const fns = distObjects().filter((o) => o.kind === 'Function');
  const missing = PIPELINE_FUNCTIONS.filter((n) => !fns.some((f) => f.metadata.name === n) || !ports[n]);
  if (missing.length) throw new Error(`no Function object in dist/ or no running process for: ${missing.join(', ')}`);
  return fns
    .map((f) =>
      stringify({
        ...f,
        metadata: {
          ...f.metadata,
          annotations: {
            ...f.metadata.annotations,
            'render.crossplane.io/runtime': 'Development',
            'render.crossplane.io/runtime-development-target': `127.0.0.1:${ports[f.metadata.name]}`,
          },
        },
      }),
    )
    .join('---\n');
}
