import * as fs from 'fs';
import { stopFunctions } from './functions';

/** Jest global teardown: stop the functions that global-setup.ts started and remove their folder. */
export default async function globalTeardown(): Promise<void> {
  stopFunctions((globalThis as any).__AP_FUNCTIONS__ ?? []);
  const dir = process.env.AP_ENGINE_DIR;
  if (dir && !process.env.AP_KEEP_ENGINE_DIR) fs.rmSync(dir, { recursive: true, force: true });
}
