// A test that cannot run without a tool or a folder outside the repository says so here, and the run's last line
// counts and names every such skip (test/helpers/skip-summary.ts): a missing tool is never a silent pass.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { SKIPS_DIR_ENV } from './skips-dir.js';


/**
 * True when `what` is absent, for `describe.skipIf` / `it.skipIf`: the reason is recorded against the test file
 * that asks, so the summary can say which tests a tool or folder would have run. `what` names the thing and how
 * to get it ("chromium (apt-get install chromium)").
 */
export function lacks(what: string, present: boolean): boolean {
  if (present) return false;
  const dir = process.env[SKIPS_DIR_ENV];
  const file = expect.getState().testPath;
  if (dir && file) appendFileSync(path.join(dir, `${process.pid}.tsv`), `${file}\t${what}\n`);
  return true;
}
