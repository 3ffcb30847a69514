import * as fs from 'fs';
import * as path from 'path';

/**
 * The repository root: the nearest folder above this file that holds cdk8s.yaml. The same from
 * test/helpers (ts-jest) and from lib/test/helpers (compiled, as `make bench` runs it).
 */
export const REPO_ROOT = (() => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'cdk8s.yaml'))) return dir;
  }
  throw new Error(`no cdk8s.yaml above ${__dirname}`);
})();
