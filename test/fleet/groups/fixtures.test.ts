// One fleet per kind of likely shared cause (fixtures/groups/): each gives exactly one group, of the kind it
// plants, in the sentence asserted here; and the committed folders are what the scenarios make.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { renderMessage } from '../../../src/report/index.js';
import { GROUP_SCENARIOS } from './scenarios.js';

const ROOT = 'fixtures/groups';
const KIND: Record<string, string> = { 'host-down': 'host', clones: 'cmid', 'dns-zone': 'dns-suffix', 'time-window': 'onset', edition: 'product' };

describe('fixtures/groups', () => {
  it('the committed folders are exactly what the scenarios make', () => {
    for (const make of GROUP_SCENARIOS) {
      const s = make();
      const committed = fg.sync('**', { cwd: path.join(ROOT, s.name) }).sort();
      expect(committed, s.name).toEqual(Object.keys(s.files).sort());
      for (const [rel, text] of Object.entries(s.files)) expect(readFileSync(path.join(ROOT, s.name, rel), 'utf8'), `${s.name}/${rel}`).toBe(text);
    }
  });

  it.each(GROUP_SCENARIOS.map((make) => [make().name, make] as const))('%s: one group, its sentence and its onset', async (name, make) => {
    const s = make();
    const analysis = await analyze([path.join(ROOT, name)], { threads: 0 });
    expect(analysis.groups.map((g) => g.shared[0].kind)).toEqual([KIND[name]]);
    const [group] = analysis.groups;
    expect(renderMessage(group.message, 'en')).toBe(s.sentences[0]);
    expect(group.onsetMessage && renderMessage(group.onsetMessage, 'en')).toBe(s.sentences[1]);
    // The machines are the failing ones the fixture plants, and no healthy one.
    expect(group.machines.every((m) => !/^[hg]\d/i.test(m))).toBe(true);
    expect(group.healthy.sharing).toBe(0);
  });

  it('says it in Japanese too', async () => {
    const analysis = await analyze([path.join(ROOT, 'host-down')], { threads: 0 });
    const [group] = analysis.groups;
    expect(renderMessage(group.message, 'ja')).toBe(
      '「KMS 要求に応答がない」の 6 台のうち 6 台に共通するのは、要求先の KMS ホスト kms02.corp.contoso.com です。そのホストの最後の 12290 は 2024/03/05 03:10 UTC で、スナップショットの最新のレコードより 26 時間前です / そのホストの検出事項: 「要求を記録しなくなったホストにクライアントが接続し続けている」。',
    );
    expect(renderMessage(group.onsetMessage!, 'ja')).toMatch(/^これらのコンピューターで最後に成功した 2024\/03\/05 01:30 UTC から、その後の最初の失敗の 2024\/03\/05 05:00 UTC までの間に始まりました。同じころの変化: kms02\.corp\.contoso\.com の最後の 12290 \(2024\/03\/05 03:10 UTC\)。$/);
  });

  it('the host-down group carries the host state and the onset as data', async () => {
    const analysis = await analyze([path.join(ROOT, 'host-down')], { threads: 0 });
    const [group] = analysis.groups;
    expect(group.host).toEqual({ name: 'kms02.corp.contoso.com', inSnapshot: true, lastRequest: '2024-03-05T03:10:00.0009019Z', hoursBeforeNewest: 26, currentCount: 46, requiredCount: 25, findings: ['kms-host/failed-host-referenced'] });
    expect(group.onset).toEqual({
      lastSuccess: '2024-03-05T01:30:05.000Z',
      firstFailure: '2024-03-05T05:00:04.000Z',
      changes: [{ kind: 'host-last-request', machine: 'kms02.corp.contoso.com', time: '2024-03-05T03:10:00.000Z' }],
    });
    expect(group.rules).toEqual([{ rule: 'kms-client/no-response', machines: 6, of: 6 }]);
    expect(group.machines).toEqual(['C01.corp.contoso.com', 'C02.corp.contoso.com', 'C03.corp.contoso.com', 'C04.corp.contoso.com', 'C05.corp.contoso.com', 'C06.corp.contoso.com']);
  });
});
