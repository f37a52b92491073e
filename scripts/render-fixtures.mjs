#!/usr/bin/env node
// Renders every fixture folder and snapshot through the built CLI (dist/) in English and Japanese, in every
// report format, into one folder outside the repository, so two builds can be compared with `diff -r`:
//
//   npm run build && node scripts/render-fixtures.mjs /tmp/before
//   (change things) npm run build && node scripts/render-fixtures.mjs /tmp/after && diff -r /tmp/before /tmp/after
//
// Runs in this process (main() with a captured io), reading in this thread, with the wall clock pinned so the
// reports' `generatedAt` does not differ between runs. stdout, stderr and the exit code of each run are kept.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliModuleUrl } from '../bin/cli-module.js';

const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/render-fixtures.mjs <output folder outside the repository>');
  process.exit(2);
}
if (path.resolve(out).startsWith(path.resolve('.') + path.sep)) {
  console.error('the output folder must be outside the repository');
  process.exit(2);
}

// A pinned clock: `new Date()` and Date.now() give one moment, so `generatedAt` is the same on every run.
const PINNED = Date.parse('2024-04-01T09:30:00.000Z');
const RealDate = Date;
globalThis.Date = class extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(PINNED);
    else super(...args);
  }
  static now() {
    return PINNED;
  }
};
process.env.VOLACT_THREADS = '0';
process.env.VOLACT_EVTX_THREADS = '0';
delete process.env.GITHUB_STEP_SUMMARY;

// The CLI as bin/volact.js runs it: the bundle when the build made a fresh one (scripts/bundle-cli.js).
const { main } = await import(cliModuleUrl().href);
const lib = await import('../dist/index.js');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const LANGS = ['en', 'ja'];
const NOW = '2024-03-08T00:00:00Z';
let files = 0;

function write(name, text) {
  const file = path.join(out, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  files++;
}

async function run(name, args, env = {}) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: { LANG: 'C' } };
  const saved = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  let code;
  try {
    code = await main(args, io);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  write(name, stdout);
  if (stderr || code !== 0) write(`${name}.stderr`, `exit ${code}\n${stderr}`);
}

function nowOf(dir) {
  const expect = `${dir}.expect.json`;
  if (existsSync(expect)) {
    const now = JSON.parse(readFileSync(expect, 'utf8')).now;
    if (now) return now;
  }
  return NOW;
}

/** Every input folder (or loose-file folder) the reports are rendered for. */
function folders() {
  const list = [];
  for (const rule of readdirSync('fixtures/rules').sort()) for (const kind of ['fires', 'quiet']) list.push(`fixtures/rules/${rule}/${kind}`);
  for (const name of readdirSync('fixtures/scenarios').sort()) if (statSync(`fixtures/scenarios/${name}`).isDirectory()) list.push(`fixtures/scenarios/${name}`);
  list.push(
    'fixtures/example',
    'fixtures/snapshots/nightly-2024-03-07',
    'fixtures/snapshots/nightly-2024-03-08',
    'fixtures/snapshots/flat-2024-03-07',
    'fixtures/fleet-report/fleet-2024-03-08',
    'fixtures/html/hostile-names',
    'fixtures/text-forms',
    'fixtures/slmgr',
    'fixtures/network',
    'fixtures/ingest',
    'fixtures/archives',
    'fixtures/hostile/found',
  );
  return list;
}

for (const dir of folders()) {
  const base = dir.replace(/^fixtures\//, '').replace(/\//g, '__');
  const now = nowOf(dir);
  for (const lang of LANGS) {
    for (const format of ['md', 'html', 'json', 'jsonl']) {
      await run(`${base}/analyze.${lang}.${format}`, ['analyze', dir, '--now', now, '--lang', lang, '-f', format]);
    }
    await run(`${base}/analyze-all.${lang}.md`, ['analyze', dir, '--now', now, '--lang', lang, '--machines', 'all', '--evidence', 'all']);
    await run(`${base}/analyze-all.${lang}.json`, ['analyze', dir, '--now', now, '--lang', lang, '--machines', 'all', '-f', 'json']);
    await run(`${base}/analyze-own-clock.${lang}.md`, ['analyze', dir, '--lang', lang, '--no-kb']);
    for (const reporter of ['md', 'json', 'junit']) {
      await run(`${base}/check.${lang}.${reporter}`, ['check', dir, '--threads', '0', '--now', now, '--lang', lang, '--reporter', reporter, '--fail-on', 'info']);
    }
    const summary = path.join(out, base, `check.${lang}.github-summary.md`);
    mkdirSync(path.dirname(summary), { recursive: true });
    writeFileSync(summary, '');
    files++;
    await run(`${base}/check.${lang}.github`, ['check', dir, '--threads', '0', '--now', now, '--lang', lang, '--reporter', 'github'], { GITHUB_STEP_SUMMARY: summary });
  }
}

// The nightly gate: a config, a baseline written by the first night, and the schema-1 baseline.
mkdirSync(path.join(out, 'gate'), { recursive: true });
for (const lang of LANGS) {
  const first = `gate/night1.${lang}.json`;
  await run(first, ['check', 'fixtures/snapshots/nightly-2024-03-07', '--threads', '0', '--now', '2024-03-07T23:59:00Z', '--lang', lang, '--reporter', 'json', '--config', 'fixtures/snapshots/volact.config.json']);
  // The baseline is named in the reports: it sits at one path whatever the output folder.
  const kept = path.join(tmpdir(), `volact-render-night1.${lang}.json`);
  copyFileSync(path.join(out, first), kept);
  for (const baseline of [kept, 'fixtures/snapshots/baseline-v1-2024-03-07.json']) {
    const tag = baseline.endsWith('v1-2024-03-07.json') ? 'v1' : 'night1';
    for (const reporter of ['md', 'json', 'junit', 'github']) {
      for (const newOnly of [false, true]) {
        const summary = path.join(out, 'gate', `night2-vs-${tag}${newOnly ? '-new' : ''}.${lang}.${reporter}.summary.md`);
        writeFileSync(summary, '');
        files++;
        await run(
          `gate/night2-vs-${tag}${newOnly ? '-new' : ''}.${lang}.${reporter}`,
          [
            'check', 'fixtures/snapshots/nightly-2024-03-08', '--threads', '0', '--now', '2024-03-08T23:59:00Z', '--lang', lang, '--reporter', reporter,
            '--config', 'fixtures/snapshots/volact.config.json', '--baseline', baseline, ...(newOnly ? ['--fail-on-new'] : []),
          ],
          { GITHUB_STEP_SUMMARY: summary },
        );
      }
    }
  }
}

// A report read back from JSON (hand-written, schema 1): the renderers take it as it is.
const written = JSON.parse(readFileSync('fixtures/html/fleet-report.json', 'utf8'));
for (const lang of LANGS) {
  const report = lib.localizeReport ? lib.localizeReport(written, lang) : written;
  write(`written/fleet-report.${lang}.md`, lib.renderMarkdown(report, { lang }));
  write(`written/fleet-report.${lang}.html`, lib.renderHtml(report, { markdown: { lang } }));
}

// Rules explained, in both languages.
for (const rule of lib.RULES) {
  for (const lang of LANGS) await run(`explain/${rule.meta.id.replace('/', '--')}.${lang}.md`, ['explain', rule.meta.id, '--lang', lang]);
}

console.log(`${files} files written to ${out}`);
