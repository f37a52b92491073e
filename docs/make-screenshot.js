// Writes docs/fleet-report.png (or, with --lang ja, docs/fleet-report-ja.png): the HTML report of
// fixtures/example, as headless Chromium draws it. The Japanese one needs fonts-noto-cjk installed.
// Usage (from the repository root): npm run build && node docs/make-screenshot.js [--lang ja] [--chromium PATH]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../dist/analyze.js';
import { buildReport } from '../dist/report/index.js';
import { renderHtml } from '../dist/report/html/index.js';

const NOW = '2024-03-08T00:00:00.000Z';
const langArg = process.argv.indexOf('--lang');
const LANG = langArg > 0 ? process.argv[langArg + 1] : 'en';
const OUT = LANG === 'en' ? 'docs/fleet-report.png' : `docs/fleet-report-${LANG}.png`;
// The top of the report: title, tiles, the charts and the table of what ends this month.
const WINDOW = { width: 1100, height: 1420 };

const chromiumArg = process.argv.indexOf('--chromium');
const chromium = chromiumArg > 0 ? process.argv[chromiumArg + 1] : process.env.CHROMIUM ?? 'chromium';

const analysis = await analyze(['fixtures/example'], { now: NOW, threads: 0 });
// Pin the generation time too, so the picture only changes when the report does.
const report = { ...buildReport(analysis), generatedAt: NOW };

const dir = mkdtempSync(path.join(tmpdir(), 'volact-screenshot-'));
try {
  const page = path.join(dir, 'fleet-report.html');
  writeFileSync(page, renderHtml(report, { markdown: { lang: LANG } }));
  execFileSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-breakpad',
      '--hide-scrollbars',
      '--force-color-profile=srgb',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      `--window-size=${WINDOW.width},${WINDOW.height}`,
      `--screenshot=${path.resolve(OUT)}`,
      pathToFileURL(page).href,
    ],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  );
} finally {
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
console.log(`${OUT}: ${statSync(OUT).size} bytes`);
