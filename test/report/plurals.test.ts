// Counts of one are said in the singular in every reporter (issue 23: "1 errors", "1 machines", "None of the 1
// machines"). The run: one KMS client, one slmgr /dli, one error (fixtures/rules/kms-client--not-activated).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { speaker } from '../../src/report/speaker.js';
import { verdictMessage } from '../../src/report/verdict.js';
import { check, tempDir } from '../check/helpers.js';
import { runCli } from '../cli/run-cli.js';

const ONE = 'fixtures/rules/kms-client--not-activated/fires';
const NOW = ['--now', '2024-03-07T12:00:00Z'];
/** "1 machines", "1 errors", "1 files" …: a one before a plural noun. */
const ONE_BEFORE_PLURAL = /(?<![\d.,])1 (more )?(machines|files|inputs|records|rows|requests|minutes|days|hours|errors|warnings|CMIDs|findings|sections)\b/;

const analyze = async (...args: string[]): Promise<string> => {
  const run = await runCli(['analyze', ONE, ...NOW, ...args]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
};

describe('counts of one', () => {
  const saved = process.env.GITHUB_STEP_SUMMARY;
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
    else process.env.GITHUB_STEP_SUMMARY = saved;
  });

  it('Markdown (the terminal report too): one error, one machine, one file', async () => {
    const text = await analyze('-f', 'md');
    expect(text).toContain('✘ The machine needs attention.');
    expect(text).toContain('| Findings | 1 error · 0 warnings · 0 info |');
    expect(text).toContain('likely cause on 1 machine |');
    expect(text.split('\n').filter((l) => ONE_BEFORE_PLURAL.test(l))).toEqual([]);
  });

  it('HTML', async () => {
    const page = await analyze('-f', 'html');
    const words = page.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
    expect(words).toContain('The machine needs attention');
    expect(words.split('\n').filter((l) => ONE_BEFORE_PLURAL.test(l))).toEqual([]);
  });

  it('GitHub: the job summary counts one finding, one machine, one input, one record', async () => {
    const summary = path.join(tempDir(), 'summary.md');
    writeFileSync(summary, '');
    process.env.GITHUB_STEP_SUMMARY = summary;
    const run = await check([ONE, ...NOW, '--reporter', 'github']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('volact check: 1 finding at or above error on 1 machine\n');
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('**✘ 1 finding fails the check** (failing on findings at or above error). 1 machine, 1 input, 1 record; findings: 1 error, 0 warnings, 0 info.');
    expect(text.split('\n').filter((l) => ONE_BEFORE_PLURAL.test(l))).toEqual([]);
  });

  it('JUnit: the failure and the stderr line', async () => {
    const run = await check([ONE, ...NOW, '--reporter', 'junit']);
    expect(run.stdout).toContain('<testsuites name="volact" tests="');
    expect(run.stdout.split('\n').filter((l) => ONE_BEFORE_PLURAL.test(l))).toEqual([]);
    expect(run.stderr).toBe('volact check: 1 finding at or above error on 1 machine\n');
  });

  it('the verdict: one of several machines needs attention; Japanese counts without plural forms', () => {
    const v = { status: 'attention' as const, machines: 2, attention: 1, errors: 1, inputs: 1, unread: 1, partlyRead: 0 };
    expect(speaker('en').say(verdictMessage(v))).toBe('✘ 1 of 2 machines needs attention: 1 with errors; 1 of 1 input could not be read.');
    expect(speaker('ja').say(verdictMessage(v))).toBe('✘ 2 台中 1 台に対応が必要です: エラー 1 台。入力 1 件中 1 件を読み取れませんでした。');
  });

  it('message fragments: minutes, rows, files, requests', () => {
    const en = speaker('en');
    expect(en.t('report.minutesLeft.left', { m: { count: 1 } })).toBe('1 minute left');
    expect(en.t('report.minutesLeft.ended', { m: { count: 1 } })).toBe('ended 1 minute ago');
    expect(en.t('report.moreRows', { n: { count: 1 } })).toBe('1 more row in the JSON report.');
    expect(en.t('report.moreInputRows', { n: { count: 1 } })).toBe('1 more file with rejections or warnings is in the JSON report.');
    expect(en.t('html.requests.perHost', { total: { count: 1 }, failed: { count: 1 } })).toBe('1 request, 1 failed');
    expect(en.t('report.otherInputs', { files: { count: 1 }, formats: 'xml 1', records: { count: 3 }, decoded: { count: 3 }, ignored: { count: 0 } })).toMatch(/^1 file without rejections/);
    expect(en.t('report.check.followers', { n: { count: 1 }, causes: { count: 1 } })).toBe('1 more follows from it');
  });
});
