import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { CATALOG } from '../../src/messages/index.js';

/** Every walk question the catalog holds (`walk.<step id>`), by step id. */
const QUESTIONS = new Set(Object.keys(CATALOG).filter((id) => id.startsWith('walk.') && !id.startsWith('walk.note.') && !id.startsWith('walk.collect.')).map((id) => id.slice('walk.'.length)));
import { runCli } from '../cli/run-cli.js';

describe('report languages', () => {
  it('every walk step the rule fixtures produce has a question in the catalog, and no question is orphaned', async () => {
    const root = 'fixtures/rules';
    const dirs = readdirSync(root).filter((d) => !d.endsWith('.json')).flatMap((d) => ['fires', 'quiet'].map((k) => path.join(root, d, k)));
    const seen = new Set<string>();
    for (const dir of dirs) {
      const a = await analyze([dir], { threads: 1 });
      for (const steps of a.walks.values()) for (const s of steps) seen.add(s.id);
    }
    expect([...seen].filter((id) => !QUESTIONS.has(id))).toEqual([]);
    expect([...QUESTIONS].filter((id) => !seen.has(id))).toEqual([]);
  });

  it('--lang ja writes our wording in Japanese and leaves input as it was', async () => {
    const run = await runCli(['analyze', 'fixtures/example', '--now', '2024-03-07T12:00:00Z', '--lang', 'ja', '--no-kb']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# volact レポート/);
    expect(run.stdout).toContain('## 概要');
    expect(run.stdout).toContain('| ✘ エラー | `kms-client/count-below-threshold` | KMS ホストのカウントがこのクライアントに必要なしきい値に達していない | 1 | client01.corp.contoso.com |');
    expect(run.stdout).toContain('| ✘ | KMS ライセンス認証のしきい値 (クライアント OS は 25、サーバーは 5) に達していますか? |');
    expect(run.stdout).not.toContain('## Summary');
    expect(run.stdout).not.toContain('### Walk');
  });

  it('--lang ja -f html: the overview, captions and page language follow', async () => {
    const run = await runCli(['analyze', 'fixtures/example', '--now', '2024-03-07T12:00:00Z', '--lang', 'ja', '--no-kb', '-f', 'html']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<html lang="ja">');
    expect(run.stdout).toContain('<h2>概況</h2>');
    expect(run.stdout).toContain('KMS ホストの現在の数としきい値 (25 / 5)');
    expect(run.stdout).not.toContain('At a glance');
    const english = await runCli(['analyze', 'fixtures/example', '--now', '2024-03-07T12:00:00Z', '--no-kb', '-f', 'html']);
    expect(english.stdout).toContain('<html lang="en">');
    expect(english.stdout).toContain('<h2>At a glance</h2>');
  });

  it('rejects an unknown language', async () => {
    const run = await runCli(['analyze', 'fixtures/example', '--lang', 'fr']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--lang expects one of en, ja');
  });
});
