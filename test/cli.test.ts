import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { BAD_CLAIMS, claim } from './engine/bad-claims';
import { CRANK, requireTool } from './engine/tools';
import { DIST_DIR } from './helpers/dist';
import { REPO_ROOT } from './helpers/repo';

/**
 * The operations CLI's offline parts (help, usage errors, `validate` by crank against the XRD).
 * What needs a cluster is tested on the live control plane (test/live/live-suite.ts).
 */
const APCTL = path.join(REPO_ROOT, 'lib', 'src', 'cli', 'main.js');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [APCTL, ...args], { encoding: 'utf8', env: { ...process.env, KUBECONFIG: '/nonexistent' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apctl-'));

beforeAll(() => {
  requireTool(CRANK);
  if (!fs.existsSync(APCTL)) throw new Error(`${APCTL} is missing: run make compile (make test does)`);
});

describe('apctl --help and usage errors', () => {
  test('--help lists every command and the exit codes; each command has its own --help', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    for (const c of ['validate', 'apply', 'status', 'wait', 'drift']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
      const h = run(c, '--help');
      expect([c, h.code, h.stdout.startsWith(`Usage: apctl ${c}`)]).toEqual([c, 0, true]);
    }
    expect(r.stdout).toContain('Exit codes: 0 ok');
    for (const c of ['apply', 'status', 'wait', 'drift']) expect(run(c, '--help').stdout).toContain('--kubeconfig FILE');
  });

  test.each([
    [['frobnicate'], 'unknown command frobnicate'],
    [['status', '--bogus'], "status: Unknown option '--bogus'"],
    [['status', 'a', 'b'], 'status takes one claim, got 2'],
    [['wait'], 'wait needs a claim'],
    [['wait', 'x', '--timeout', 'soon'], 'soon: give a duration as a number and a unit, e.g. 90s, 20m or 1h'],
    [['wait', 'x', '--timeout', '48h'], '48h: give a duration from 1s to 24h'],
    [['apply', path.join(DIST_DIR, 'examples.yaml'), '--request-timeout', 'never'], 'never: give a duration as a number and a unit'],
    [['status', '-o', 'yaml'], '-o yaml: only json is supported'],
    [['validate', '/no/such/file.yaml'], 'cannot read /no/such/file.yaml: no such file'],
    [['validate', path.join(DIST_DIR, 'crossplane-packages.yaml')], 'document 1 is a ServiceAccount, not an AssessmentPlatform claim'],
    [['status', '--kubeconfig', '/no/such/kubeconfig'], 'cannot load the kubeconfig /no/such/kubeconfig'],
  ])('%j: one line, exit 2', (args, message) => {
    const r = run(...(args as string[]));
    expect([r.code, r.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(r.stderr).toContain(message);
  });
});

describe('apctl validate (offline, crank against the XRD)', () => {
  test('the example claims are valid', () => {
    const r = run('validate', path.join(DIST_DIR, 'examples.yaml'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 AssessmentPlatform claims valid (assessments-dev, assessments-staging, assessments-prod)');
  });

  test(`every bad claim (${BAD_CLAIMS.length}) in one file: each refused with its field path and message, exit 1`, () => {
    const file = path.join(tmp, 'bad.yaml');
    const claims = BAD_CLAIMS.map(([, params], i) => claim(`bad-${i}`, params));
    fs.writeFileSync(file, claims.map((c) => stringify(c)).join('---\n'));
    const r = run('validate', file);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const missing = BAD_CLAIMS.filter(([, , message], i) => !lines.some((l) => l.startsWith(`${file}: bad-${i}: spec.`) && l.includes(message))).map(([name]) => name);
    expect(missing).toEqual([]);
  });
});
