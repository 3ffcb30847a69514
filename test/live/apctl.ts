import { spawn } from 'child_process';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/repo';

/** The compiled operations CLI (package.json's `bin`), run as a user runs it. */
export const APCTL = path.join(REPO_ROOT, 'lib', 'src', 'cli', 'main.js');

export interface ApctlRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock milliseconds of the whole process. */
  readonly ms: number;
}

/** Run `apctl <args>` (with `--kubeconfig` when given) and collect what it prints and its exit code. */
export function apctl(args: readonly string[], kubeconfig?: string, onLine?: (line: string) => void): Promise<ApctlRun> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const p = spawn(process.execPath, [APCTL, ...args, ...(kubeconfig ? ['--kubeconfig', kubeconfig] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let partial = '';
    p.stdout.on('data', (d) => {
      stdout += d;
      if (!onLine) return;
      const lines = (partial + d).split('\n');
      partial = lines.pop()!;
      lines.forEach(onLine);
    });
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - t0 }));
  });
}
