// `explain` input forms, through kb.resolve and through the command itself.
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerExplain } from '../../src/cli/explain.js';
import { registerSearch } from '../../src/cli/search.js';
import type { CliIo } from '../../src/cli/output.js';
import { loadKb } from '../../src/kb/index.js';

const kb = loadKb();

describe('kb.resolve', () => {
  it.each([
    ['0xC004F074', 'code/0xC004F074'],
    ['0xc004f074', 'code/0xC004F074'],
    ['C004F074', 'code/0xC004F074'],
    ['c004f074', 'code/0xC004F074'],
    ['3221549172', 'code/0xC004F074'], // unsigned decimal
    ['-1073418124', 'code/0xC004F074'], // signed 32-bit decimal, as some tools print it
    ['hr=0xC004F074', 'code/0xC004F074'],
    ['code/0xc004f074', 'code/0xC004F074'],
    ['8007232B', 'code/0x8007232B'],
    ['80072338', 'code/0x80072338'], // eight digits read as hex, the way codes are printed
    ['0xC004F06B', 'code/0xC004F06B'], // generated entry
    ['0xC004F065', 'code/0xC004F065'],
    ['12290', 'event/12290'],
    ['event/12288', 'event/12288'],
    ['8209', 'event/8209'],
    ['kms-host/duplicate-cmid', 'kms-host/duplicate-cmid'],
    ['KMS-Host/Duplicate-CMID', 'kms-host/duplicate-cmid'],
    ['procedure/reset-cmid', 'procedure/reset-cmid'],
  ])('%s → %s', (input, id) => {
    expect(kb.resolve(input)?.id).toBe(id);
  });

  it('accepts numbers', () => {
    expect(kb.resolve(12289)?.id).toBe('event/12289');
    expect(kb.resolve(0xc004f038)?.id).toBe('code/0xC004F038');
  });

  it.each(['', 'nonsense', 'kms-client/no-such-rule', '0x12345678', '99999', 'event/1'])('finds nothing for %j', (input) => {
    expect(kb.resolve(input)).toBeUndefined();
  });
});

function capture(): { io: CliIo; out: () => string; err: () => string; exit: () => number; setExit: (c: number) => void } {
  let out = '';
  let err = '';
  let code = 0;
  return {
    io: { stdout: (t) => void (out += t), stderr: (t) => void (err += t) },
    out: () => out,
    err: () => err,
    exit: () => code,
    setExit: (c) => void (code = c),
  };
}

async function run(argv: string[]) {
  const cap = capture();
  const program = new Command('volact').exitOverride();
  registerExplain(program, cap.io, cap.setExit);
  registerSearch(program, cap.io, cap.setExit);
  await program.parseAsync(argv, { from: 'user' });
  return cap;
}

describe('volact explain', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.NO_COLOR;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = saved;
  });

  it.each([
    ['0xc004f074', '0xC004F074'],
    ['C004F074', '0xC004F074'],
    ['3221549172', '0xC004F074'],
    ['12290', 'Event 12290'],
    ['kms-client/count-below-threshold', 'activation threshold'],
  ])('prints the article for %s', async (input, expected) => {
    const r = await run(['explain', input]);
    expect(r.exit()).toBe(0);
    expect(r.out()).toContain(expected);
    expect(r.err()).toBe('');
  });

  it('prints plain text for a non-terminal (no escape sequences)', async () => {
    const r = await run(['explain', '0xC004F074']);
    expect(r.out()).not.toMatch(/\u001b\[/);
    expect(r.out()).toContain('code/0xC004F074');
  });

  it('exits 2 and points at slui for a code nobody defines', async () => {
    const r = await run(['explain', '0x12345678']);
    expect(r.exit()).toBe(2);
    expect(r.out()).toBe('');
    expect(r.err()).toContain('slui.exe 0x2a 0x12345678');
  });

  it('exits 2 and suggests search for text that is not an id', async () => {
    const r = await run(['explain', 'srv']);
    expect(r.exit()).toBe(2);
    expect(r.err()).toContain('volact search');
  });
});

describe('volact search', () => {
  it('prints ranked titles with ids and excerpts', async () => {
    const r = await run(['search', '重複', 'CMID', '--limit', '3']);
    expect(r.exit()).toBe(0);
    const lines = r.out().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ 1\. /);
    expect(r.out()).toContain('[kms-host/duplicate-cmid]');
    expect(lines.filter((l) => /^\s*\d+\. /.test(l))).toHaveLength(3);
  });

  it('prints JSON with --json', async () => {
    const r = await run(['search', 'SRV', 'record', '--json', '--limit', '2']);
    const parsed = JSON.parse(r.out()) as { query: string; results: Array<{ rank: number; id: string; title: string; score: number; excerpt: string }> };
    expect(parsed.query).toBe('SRV record');
    expect(parsed.results.map((h) => h.rank)).toEqual([1, 2]);
    expect(parsed.results[0]?.id).toBe('procedure/check-srv-record');
    expect(typeof parsed.results[0]?.excerpt).toBe('string');
  });

  it('exits 2 when nothing matches', async () => {
    const r = await run(['search', 'zzqxw']);
    expect(r.exit()).toBe(2);
    expect(r.err()).toContain('no article matches');
  });

  it('rejects a bad --limit as a usage error', async () => {
    await expect(run(['search', 'kms', '--limit', '0'])).rejects.toThrow(/--limit/);
  });
});
