import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { functionsFile, startFunctions, stopFunctions } from './functions';

/**
 * Jest global setup: start every pipeline function once for the whole run and write the functions
 * file that points `crank render` at them. The folder is handed to the test workers through
 * AP_ENGINE_DIR; global-teardown.ts stops the functions, also when tests fail, and an exit hook
 * stops them if jest itself dies.
 */
export default async function globalSetup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assessment-platform-engine-'));
  const running = await startFunctions(dir);
  process.on('exit', () => stopFunctions(running));
  fs.writeFileSync(path.join(dir, 'functions.yaml'), functionsFile(Object.fromEntries(running.map((f) => [f.name, f.port]))));
  (globalThis as any).__AP_FUNCTIONS__ = running;
  process.env.AP_ENGINE_DIR = dir;
}
