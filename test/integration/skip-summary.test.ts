// The run's last line (test/helpers/skip-summary.ts): counted, named, grouped by what the tests lacked.
import { describe, expect, it } from 'vitest';
import { summaryLine } from '../helpers/skip-summary.js';

describe('skip summary line', () => {
  it('says none when nothing skipped', () => {
    expect(summaryLine(new Map())).toBe('skipped: none');
  });

  it('counts per reason, most first, and names the files', () => {
    const groups = new Map([
      ['dist/ (npm run build)', { tests: 1, files: new Set(['test/evtx/workers.test.ts']) }],
      ['chromium (apt-get install chromium)', { tests: 7, files: new Set(['test/html/cjk-glyphs.test.ts', 'test/html/browser.test.ts']) }],
      ['no stated reason', { tests: 2, files: new Set(['test/a.test.ts']) }],
    ]);
    expect(summaryLine(groups)).toBe(
      'skipped: 7 tests need chromium (apt-get install chromium) (test/html/browser.test.ts, test/html/cjk-glyphs.test.ts); ' +
        '2 tests with no stated reason (test/a.test.ts); 1 test needs dist/ (npm run build) (test/evtx/workers.test.ts)',
    );
  });
});
