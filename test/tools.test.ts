import * as fs from 'fs';
import * as path from 'path';
import { FUNCTIONS } from '../src/config';
import { BIN_DIR } from './engine/tools';
import { REPO_ROOT } from './helpers/repo';

/**
 * The functions the tests render with are the ones dist/ installs: scripts/install-go-tools.sh pins
 * each function module at the version of its package in src/config.ts, and bin/ holds that build.
 */
const script = fs.readFileSync(path.join(REPO_ROOT, 'scripts', 'install-go-tools.sh'), 'utf8');
const pinned = Object.fromEntries([...script.matchAll(/\[([\w-]+)\]="([^"@]+)@(v[\d.]+)"/g)].map((m) => [m[1], m[3]]));

describe('pinned tools', () => {
  test.each(Object.values(FUNCTIONS).map((f) => [f.name, f.package] as const))('%s: the install script pins the package version of dist/', (name, pkg) => {
    expect(pinned[name]).toBe(pkg.split(':').pop());
    expect(fs.readFileSync(path.join(BIN_DIR, '.versions', name), 'utf8').trim()).toMatch(new RegExp(`@${pinned[name]}$`));
  });

  test('crank is the v2.2.4 render engine', () => {
    expect(pinned.crank).toBe('v2.2.4');
    expect(fs.readFileSync(path.join(BIN_DIR, '.versions', 'crank'), 'utf8').trim()).toBe('github.com/crossplane/crossplane/v2/cmd/crank@v2.2.4');
  });
});
