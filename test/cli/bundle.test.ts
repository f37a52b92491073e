// bin/volact.js loads the CLI bundled into one file (scripts/bundle-cli.js) when the build made a fresh one.
// The bundle must say exactly what the separate modules say: data tables, the KB index, package.json and the
// worker scripts are found through import.meta.url, which bundling rewrites. Spawns dist/ (npm run build first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const BUNDLE = path.resolve('dist/volact-cli.js');
const MODULES = path.resolve('dist/cli/index.js');
const CHOOSER = pathToFileURL(path.resolve('bin/cli-module.js')).href;

// The wall clock pinned (reports say when they were made), as scripts/render-fixtures.mjs does.
const PIN_CLOCK = `const T = Date.parse('2024-04-01T09:30:00Z'), D = Date;
globalThis.Date = class extends D { constructor(...a) { if (a.length === 0) super(T); else super(...a); } static now() { return T; } };`;

/** Runs `main(args)` of one CLI module in a fresh node process. */
function runWith(module: string, args: string[], env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const script = `${PIN_CLOCK}\nconst { main } = await import(${JSON.stringify(pathToFileURL(module).href)}); process.exitCode = await main(${JSON.stringify(args)});`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the bundled CLI', () => {
  it('exists after npm run build', () => {
    expect(existsSync(BUNDLE), 'run npm run build first').toBe(true);
  });

  const NOW = ['--now', '2024-03-07T12:00:00Z'];
  it.each([
    ['analyze -f json', ['analyze', 'fixtures/example', ...NOW, '-f', 'json']],
    ['analyze -f md --lang ja', ['analyze', 'fixtures/example', ...NOW, '--lang', 'ja']],
    ['events --all', ['events', 'fixtures/example', '--all', '-f', 'csv']],
    ['check --reporter junit', ['check', 'fixtures/example', ...NOW, '--reporter', 'junit']],
    ['search (the KB index)', ['search', '0xC004F074', '--lang', 'ja']],
    ['--version (package.json)', ['--version']],
  ])('%s: the same output as the modules, in one thread and on workers', (_, args) => {
    const modules = runWith(MODULES, args, { VOLACT_THREADS: '0' });
    expect(modules.status, modules.stderr).toBeLessThanOrEqual(1);
    expect(modules.stdout.length).toBeGreaterThan(5);
    for (const threads of ['0', '2']) {
      const bundled = runWith(BUNDLE, args, { VOLACT_THREADS: threads });
      expect(bundled.status).toBe(modules.status);
      expect(bundled.stdout).toBe(modules.stdout);
      expect(bundled.stderr).toBe(modules.stderr);
    }
  });
});

describe('bin/volact.js chooses the bundle only when it is fresh', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'volact-dist-'));
  mkdirSync(path.join(dist, 'cli'));
  const modules = path.join(dist, 'cli/index.js');
  const bundle = path.join(dist, 'volact-cli.js');
  writeFileSync(modules, '');
  const chosen = (): string => {
    const script = `import(${JSON.stringify(CHOOSER)}).then((m) => console.log(m.cliModuleUrl(new URL(${JSON.stringify(pathToFileURL(dist).href + '/')})).href))`;
    return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout.trim();
  };
  const at = (file: string, seconds: number): void => utimesSync(file, seconds, seconds);

  it('no bundle (a package built by tsc alone): the modules', () => {
    expect(chosen()).toBe(pathToFileURL(modules).href);
  });
  it('a bundle newer than the modules, or as old (npm pack gives every file one date): the bundle', () => {
    writeFileSync(bundle, '');
    at(modules, 1_000_000);
    at(bundle, 1_000_100);
    expect(chosen()).toBe(pathToFileURL(bundle).href);
    at(bundle, 1_000_000);
    expect(chosen()).toBe(pathToFileURL(bundle).href);
  });
  it('a bundle older than the modules (tsc run again after a change): the modules', () => {
    at(modules, 1_000_100);
    at(bundle, 1_000_000);
    expect(chosen()).toBe(pathToFileURL(modules).href);
  });
});
