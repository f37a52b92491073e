// Language choice on the command line: --lang, else LC_ALL / LC_MESSAGES / LANG, else English; usage errors
// and verdicts speak the same language; JSON keeps message ids and data beside the rendered text.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { MESSAGES, type WrittenReport } from '../../src/report/index.js';
import type { MessageRef } from '../../src/messages/index.js';

const render = (ref: MessageRef, lang: 'en' | 'ja'): string => MESSAGES.render(ref, lang);

async function run(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env });
  return { code, stdout, stderr };
}

const EXAMPLE = ['analyze', 'fixtures/example', '--now', '2024-03-07T12:00:00Z', '--no-kb'];

describe('language choice on the command line', () => {
  it('takes Japanese from LANG=ja_JP.UTF-8, and English without any locale', async () => {
    expect((await run(EXAMPLE, { LANG: 'ja_JP.UTF-8' })).stdout).toMatch(/^# volact レポート/);
    expect((await run(EXAMPLE, {})).stdout).toMatch(/^# volact report/);
    expect((await run(EXAMPLE, { LANG: 'C.UTF-8' })).stdout).toMatch(/^# volact report/);
  });

  it('LC_ALL wins over LC_MESSAGES, which wins over LANG; --lang wins over all', async () => {
    expect((await run(EXAMPLE, { LC_ALL: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' })).stdout).toMatch(/^# volact report/);
    expect((await run(EXAMPLE, { LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' })).stdout).toMatch(/^# volact レポート/);
    expect((await run([...EXAMPLE, '--lang', 'en'], { LC_ALL: 'ja_JP.UTF-8' })).stdout).toMatch(/^# volact report/);
    expect((await run([...EXAMPLE, '--lang=ja'], {})).stdout).toMatch(/^# volact レポート/);
  });

  it('usage errors speak the language: an unknown --lang, a bad --now', async () => {
    const fr = await run([...EXAMPLE, '--lang', 'fr'], {});
    expect(fr.code).toBe(2);
    expect(fr.stderr).toBe('volact: --lang expects one of en, ja, found "fr"\n');
    const now = await run(['analyze', 'fixtures/example', '--now', 'yesterday'], { LANG: 'ja_JP.UTF-8' });
    expect(now.code).toBe(2);
    expect(now.stderr).toBe('volact: --now には 2024-03-08T00:00:00Z のような ISO-8601 形式の時刻を指定します。指定された値: "yesterday"\n');
  });

  it('check: the verdict line on stderr and the report follow --lang', async () => {
    const ja = await run(['check', 'fixtures/example', '--now', '2024-03-07T12:00:00Z', '--lang', 'ja'], {});
    expect(ja.code).toBe(1);
    expect(ja.stderr).toBe('volact check: error 以上の検出事項 4 件がコンピューター 2 台にあります (原因 3 件)\n');
    expect(ja.stdout).toContain('## 概要');
    expect(ja.stdout).toContain('## ルール別の検出事項');
    const en = await run(['check', 'fixtures/example', '--now', '2024-03-07T12:00:00Z'], {});
    expect(en.stderr).toBe('volact check: 4 findings at or above error on 2 machines, from 3 causes\n');
  });

  it('JSON: text in the chosen language, plus message ids and data that render back to it', async () => {
    const en = JSON.parse((await run([...EXAMPLE, '-f', 'json'], {})).stdout) as WrittenReport;
    const ja = JSON.parse((await run([...EXAMPLE, '-f', 'json', '--lang', 'ja'], {})).stdout) as WrittenReport;
    expect(ja.findings.map((f) => f.rule)).toEqual(en.findings.map((f) => f.rule));
    for (const [i, f] of ja.findings.entries()) {
      expect(f.messages).toEqual(en.findings[i].messages);
      expect(f.title).toBe(render(f.messages!.title, 'ja'));
      expect(en.findings[i].title).toBe(render(f.messages!.title, 'en'));
      expect(f.remedy).toEqual(f.messages!.remedy.map((r) => render(r, 'ja')));
      for (const e of f.evidence) if (e.message) expect(e.summary).toBe(render(e.message, 'ja'));
    }
    const step = ja.machines[0].walk![0];
    expect(step.step).toBe(render(step.messages!.step, 'ja'));
    expect(step.step).toMatch(/[\u3040-\u30ff]/);
  });
});
