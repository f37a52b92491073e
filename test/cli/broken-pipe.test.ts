// A reader that goes away must not crash volact (`volact events big.xml | head -2`), and an -o path that
// cannot be written is one clear line and exit 2. These spawn the built CLI (npm run build first).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ev12288, ev12289, wevtutilXml, type EventSpec } from '../helpers/activation-exports.js';

const BIN = path.resolve('bin/volact.js');
let big = '';

beforeAll(() => {
  // wevtutil qe Application /f:xml of a busy client: far more than one pipe buffer (64 KiB) of JSONL.
  const events: EventSpec[] = [];
  const start = Date.parse('2024-03-01T00:00:00Z');
  for (let i = 0; i < 3000; i++) {
    const t = new Date(start + i * 2 * 3600_000).toISOString().replace('.000Z', 'Z');
    events.push(ev12288('PC01.corp.contoso.com', t, 2 * i + 1, { cmid: '5d6c0001-1b2a-4c3d-8e4f-a5b6c7d8e9f0' }));
    events.push(ev12289('PC01.corp.contoso.com', t, 2 * i + 2, { count: 30 }));
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'volact-pipe-'));
  big = path.join(dir, 'Application.xml');
  writeFileSync(big, wevtutilXml(events));
});

interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; with `closeAfter`, closes its stdout once that many bytes came (as `head -c` would). */
function run(args: string[], closeAfter?: number): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (closeAfter !== undefined && stdout.length >= closeAfter) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('output that goes away', () => {
  it('events: closing stdout early ends volact quietly with status 0', async () => {
    const r = await run(['events', big], 200);
    expect(r.stderr).toBe('');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toContain('"eventId":12288');
  }, 60_000);

  it('events --all -f csv: the same for CSV', async () => {
    const r = await run(['events', '--all', '-f', 'csv', big], 100);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);

  it('analyze -f json: a reader that leaves before the report is written', async () => {
    const r = await run(['analyze', '-f', 'json', '--now', '2024-09-01T00:00:00Z', big], 10);
    expect(r.stderr).not.toMatch(/EPIPE|at .*\.js/);
    expect(r.code).toBe(0);
  }, 60_000);
});

describe('-o that cannot be written', () => {
  for (const command of [['analyze'], ['events'], ['check']]) {
    it(`${command[0]} -o into a missing folder: one line, exit 2`, async () => {
      const target = path.join(tmpdir(), 'volact-no-such-folder', 'sub', 'report.out');
      const r = await run([...command, big, '-o', target]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([`volact: cannot write ${target}: the folder does not exist (ENOENT)`]);
    }, 60_000);
  }

  it('-o onto a folder: one line, exit 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'volact-o-'));
    const r = await run(['events', big, '-o', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`volact: cannot write ${dir}: it is a folder (EISDIR)\n`);
  }, 60_000);
});
