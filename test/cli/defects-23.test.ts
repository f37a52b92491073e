// Defects of issue 23 that the CLI shows, each through the command a user runs: an unknown --tz is a usage
// error like any other option; path errors speak the run's language; explain's English page is English and
// suggests net helpmsg only where it helps; events prints no count a failed 12289 never carried.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
const LOCALE = ['LANG', 'LC_ALL', 'LC_MESSAGES'] as const;
const saved = Object.fromEntries(LOCALE.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const k of LOCALE) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});
function locale(lang?: string): void {
  for (const k of LOCALE) delete process.env[k];
  if (lang) process.env.LANG = lang;
}

describe('an unknown --tz', () => {
  for (const command of ['analyze', 'check', 'events']) {
    it(`${command}: exits 2 with one line and no report`, async () => {
      locale();
      const run = await runCli([command, 'fixtures/example', '--tz', 'Mars/Olympus']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('volact: --tz expects an IANA time zone such as Asia/Tokyo, or an offset such as +09:00, found "Mars/Olympus"\n');
    });
  }
});

describe('path errors follow --lang and LANG', () => {
  const missing = path.join(tmpdir(), 'volact-no-such-path-23');
  const empty = (): string => mkdtempSync(path.join(tmpdir(), 'volact-empty-'));

  it('a missing path and an empty folder in English by default', async () => {
    locale();
    const gone = await runCli(['analyze', missing]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toBe(`volact: ${missing}: no such file or folder\n`);
    const dir = empty();
    expect((await runCli(['analyze', dir])).stderr).toBe(`volact: ${dir}: the folder holds no files\n`);
  });

  it('in Japanese with --lang ja, and with LANG=ja_JP.UTF-8', async () => {
    locale();
    const dir = empty();
    expect((await runCli(['analyze', dir, '--lang', 'ja'])).stderr).toBe(`volact: ${dir}: フォルダーにファイルがありません\n`);
    const gone = await runCli(['check', missing, '--lang', 'ja']);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain(`volact: ${missing}: そのようなファイルまたはフォルダーはありません`);
    locale('ja_JP.UTF-8');
    expect((await runCli(['analyze', missing])).stderr).toContain('そのようなファイルまたはフォルダーはありません');
  });
});

describe('explain', () => {
  it('the English page has no Japanese title; the Japanese page keeps the English one beside its own', async () => {
    locale();
    const en = await runCli(['explain', '0xC004F074']);
    expect(en.code).toBe(0);
    expect(en.stdout.split('\n').slice(0, 4).join('\n')).not.toMatch(JAPANESE);
    const ja = await runCli(['explain', '0xC004F074', '--lang', 'ja']);
    expect(ja.stdout.split('\n')[0]).toMatch(JAPANESE);
    expect(ja.stdout).toContain('no KMS host could be contacted');
  });

  it('suggests net helpmsg (with the Win32 number) only for an unknown 0x8007xxxx code', async () => {
    locale();
    const win32 = await runCli(['explain', '0x800700AA']);
    expect(win32.code).toBe(2);
    expect(win32.stderr).toContain('net helpmsg 170');
    const other = await runCli(['explain', '0xC004F999']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('slui.exe 0x2a 0xC004F999');
    expect(other.stderr).not.toContain('helpmsg');
  });
});

describe('volact events', () => {
  it('prints no current count for a 12289 whose exchange failed (its field is no count), and keeps a real one', async () => {
    locale();
    const failed = await runCli(['events', 'fixtures/rules/oem--missing-bios-marker/fires']);
    const response = failed.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { eventId: number; decoded: Array<Record<string, unknown>> }).find((r) => r.eventId === 12289);
    expect(response?.decoded[0]).toMatchObject({ kind: 'kms-response', result: '0xC004F035', activated: false });
    expect(response?.decoded[0]).not.toHaveProperty('currentCount');
    const counted = await runCli(['events', 'fixtures/rules/kms-client--count-below-threshold/fires', '-f', 'csv']);
    expect(counted.stdout).toContain('""currentCount"":12');
  });
});
