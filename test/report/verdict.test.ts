// The headline: what it says for each state of a run, in English and Japanese, counted in the right number,
// and the HTML tiles that go with it (nothing green that the evidence does not show).
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html/index.js';
import { speaker } from '../../src/report/speaker.js';
import { verdictMessage, type ReportVerdict } from '../../src/report/verdict.js';
import { syntheticFleetReport } from '../helpers/synthetic-fleet-report.js';

const v = (o: Partial<ReportVerdict>): ReportVerdict => ({ status: 'attention', machines: 3, attention: 2, errors: 1, inputs: 12, unread: 0, partlyRead: 0, ...o });
const en = (x: ReportVerdict): string => speaker('en').say(verdictMessage(x));
const ja = (x: ReportVerdict): string => speaker('ja').say(verdictMessage(x));

describe('the verdict', () => {
  it('counts the inputs it could not read beside the machines that need attention', () => {
    expect(en(v({ unread: 6 }))).toBe('✘ 2 of 3 machines need attention: 1 with errors, 1 with warnings only; 6 of 12 inputs could not be read.');
    expect(ja(v({ unread: 6 }))).toBe('✘ 3 台中 2 台に対応が必要です: エラー 1 台、警告のみ 1 台。入力 12 件中 6 件を読み取れませんでした。');
    expect(en(v({ errors: 0 }))).toBe('⚠ 2 of 3 machines need attention: 2 with warnings only.');
  });

  it('says nothing was judged when nothing could be read, or nothing read names a machine', () => {
    expect(en(v({ status: 'nothing-read', machines: 0, attention: 0, errors: 0, inputs: 2, unread: 2 }))).toBe(
      '✘ Nothing in the 2 inputs could be read, so no machine was judged. The findings below say why for each file.',
    );
    expect(en(v({ status: 'nothing-read', machines: 0, attention: 0, errors: 0, inputs: 1, unread: 1 }))).toBe(
      '✘ Nothing in the input could be read, so no machine was judged. The findings below say why for each file.',
    );
    expect(en(v({ status: 'no-machines', machines: 0, attention: 0, errors: 0, inputs: 3, unread: 1 }))).toBe(
      '? The 3 inputs name no machine with activation evidence, so no machine was judged; 1 of 3 inputs could not be read.',
    );
  });

  it('says ✔ only when every input was read, and counts one machine as one', () => {
    expect(en(v({ status: 'clean', attention: 0, errors: 0 }))).toBe('✔ None of the 3 machines has a warning or an error.');
    expect(en(v({ status: 'clean', machines: 1, attention: 0, errors: 0 }))).toBe('✔ The machine has no warning or error.');
    expect(en(v({ status: 'clean', attention: 0, errors: 0, unread: 1 }))).toBe('⚠ None of the 3 machines has a warning or an error; 1 of 12 inputs could not be read.');
    expect(en(v({ machines: 1, attention: 1, errors: 1 }))).toBe('✘ The machine needs attention.');
    expect(ja(v({ status: 'clean', machines: 1, attention: 0, errors: 0 }))).toBe('✔ コンピューター (1 台) に警告・エラーはありません。');
  });
});

describe('HTML tiles', () => {
  const tiles = (page: string): Record<string, { value: string; tone: string }> =>
    Object.fromEntries([...page.matchAll(/<div class="tile tile-(\w+)" data-tile="([\w-]+)"><span class="tile-value">([^<]*)</g)].map((m) => [m[2], { tone: m[1], value: m[3] }]));

  it('does not count Unknown statuses as not activated, and names them', () => {
    const report = syntheticFleetReport({ machines: 10, failing: 0 });
    report.fleet.statusCounts = { Licensed: 6, Unknown: 4 };
    const page = renderHtml(report);
    expect(tiles(page).licensed).toEqual({ value: '6 / 6', tone: 'good' });
    expect(page).toContain('licenses activated (4 more with an unknown status, not counted)');
  });

  it('is neutral, not green, where it has no data or some input was not read; shows the unread inputs', () => {
    const report = syntheticFleetReport({ machines: 10, failing: 0 });
    report.fleet.expiringByRange = { expired: 0, '0-7d': 0, '8-30d': 0, '31-60d': 0, '61-90d': 0, '>90d': 0 };
    expect(tiles(renderHtml(report))['expiring-soon']).toEqual({ value: '0', tone: 'neutral' });
    expect(tiles(renderHtml(report)).errors.tone).toBe('good');
    report.verdict = { ...report.verdict, unread: 6, inputs: 12 };
    const t = tiles(renderHtml(report));
    expect(t.unread).toEqual({ value: '6 / 12', tone: 'bad' });
    expect(t.errors.tone).toBe('neutral');
    expect(t.licensed.tone).toBe('neutral');
  });

  it('nothing read: no green tile at all', () => {
    const report = syntheticFleetReport({ machines: 0, failing: 0 });
    report.verdict = { status: 'nothing-read', machines: 0, attention: 0, errors: 0, inputs: 3, unread: 3, partlyRead: 0 };
    const t = tiles(renderHtml(report));
    expect(Object.values(t).filter((x) => x.tone === 'good')).toEqual([]);
    expect(t.unread).toEqual({ value: '3 / 3', tone: 'bad' });
  });
});

describe('the verdict with inputs read only in part', () => {
  it('says how many were not read whole, beside any that could not be read at all, and keeps the mark', () => {
    expect(en(v({ status: 'clean', machines: 1, attention: 0, errors: 0, inputs: 1, partlyRead: 1 }))).toBe('✔ The machine has no warning or error; 1 of 1 input was read only in part.');
    expect(en(v({ unread: 2, partlyRead: 3 }))).toBe('✘ 2 of 3 machines need attention: 1 with errors, 1 with warnings only; 2 of 12 inputs could not be read; 3 of 12 inputs were read only in part.');
    expect(ja(v({ unread: 2, partlyRead: 3 }))).toBe('✘ 3 台中 2 台に対応が必要です: エラー 1 台、警告のみ 1 台。入力 12 件中 2 件を読み取れませんでした。入力 12 件中 3 件は一部しか読み取れませんでした。');
  });
});
