// Vitest reporter: one line at the end of the run that counts the skipped tests and names what they lacked (the
// reasons test/helpers/needs.ts recorded), e.g. "skipped: 5 tests need chromium (apt-get install chromium) …".
// Skips with no recorded reason are counted too, so none goes unseen.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { SKIPS_DIR_ENV } from './skips-dir.js';

interface Group {
  tests: number;
  files: Set<string>;
}

export default class SkipSummary implements Reporter {
  private dir = '';
  private line = '';

  onInit(): void {
    // Before any worker starts: the forked workers inherit the variable and write their reasons there.
    this.dir = mkdtempSync(path.join(tmpdir(), 'volact-skips-'));
    process.env[SKIPS_DIR_ENV] = this.dir;
  }

  onTestRunEnd(testModules: readonly TestModule[]): void {
    const reasons = this.readReasons();
    const groups = new Map<string, Group>();
    for (const module of testModules) {
      const skipped = [...module.children.allTests('skipped')].length;
      if (skipped === 0) continue;
      const file = path.relative(process.cwd(), module.moduleId);
      const why = [...(reasons.get(module.moduleId) ?? [])].sort().join(' and ') || 'no stated reason';
      const group = groups.get(why) ?? { tests: 0, files: new Set<string>() };
      group.tests += skipped;
      group.files.add(file);
      groups.set(why, group);
    }
    this.line = summaryLine(groups);
  }

  // Printed here, not in onTestRunEnd: the default reporter writes its totals in onFinished, and this line comes last.
  onFinished(): void {
    if (this.line) console.log(this.line);
  }

  /** Test file → what it lacked, from every worker's file. */
  private readReasons(): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    if (!this.dir) return out;
    for (const name of readdirSync(this.dir)) {
      for (const row of readFileSync(path.join(this.dir, name), 'utf8').split('\n')) {
        const [file, what] = row.split('\t');
        if (!file || !what) continue;
        const held = out.get(file) ?? new Set<string>();
        held.add(what);
        out.set(file, held);
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
    return out;
  }
}

/** "skipped: none", or "skipped: 3 tests need chromium (…) (test/html/a.test.ts, …); 1 test needs …". */
export function summaryLine(groups: ReadonlyMap<string, Group>): string {
  if (groups.size === 0) return 'skipped: none';
  const parts = [...groups]
    .sort(([a, x], [b, y]) => y.tests - x.tests || a.localeCompare(b))
    .map(([why, g]) => {
      const files = [...g.files].sort().join(', ');
      const [noun, verb] = g.tests === 1 ? ['test', 'needs'] : ['tests', 'need'];
      return why === 'no stated reason' ? `${g.tests} ${noun} with no stated reason (${files})` : `${g.tests} ${noun} ${verb} ${why} (${files})`;
    });
  return `skipped: ${parts.join('; ')}`;
}
