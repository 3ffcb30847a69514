import * as fs from 'fs';
import * as path from 'path';
import { FUNCTIONS } from '../../src/config';
import { REPO_ROOT } from '../helpers/repo';

/**
 * The real Crossplane engines the tests run, installed by `make tools` (scripts/install-go-tools.sh)
 * into the git-ignored bin/ at the versions pinned in src/config.ts.
 */
export const BIN_DIR = path.join(REPO_ROOT, 'bin');

export const CRANK = path.join(BIN_DIR, 'crank');

/** The binary of a pipeline function: bin/<function name>. */
export const functionBinary = (name: string) => path.join(BIN_DIR, name);

/** Every pipeline function the Compositions call, by the name their functionRef uses. */
export const PIPELINE_FUNCTIONS = Object.values(FUNCTIONS).map((f) => f.name);

/** Fails with the command to run when a tool is missing. */
export function requireTool(file: string): string {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`make tools\` (Go 1.25+ and ../shared/goproxy, see README)`);
  return file;
}
