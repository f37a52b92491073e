// Backup section (export the logs): with --now, a machine whose exports end long before it is judged on old
// evidence. Saying so keeps "expired" or "idle" from reading as today's state of that machine.
import { computerEndOf } from '../../../evidence/index.js';
import { defineRule } from '../../rule.js';
import { staleness, STALE_AFTER_DAYS } from '../../staleness.js';
import { evidenceAt } from '../../evidence-refs.js';
import { duration, time } from '../../../messages/index.js';
import type { EvidenceRef } from '../../../types.js';

export default defineRule({
  meta: {
    id: 'input/stale-export',
    severity: 'info',
    description: `With --now, the newest record in the machine's own files (any record, ignored ones included) is more than ${STALE_AFTER_DAYS} days before it: its evidence ends there, and time-based findings on it extrapolate from that date.`,
    kb: ['procedure/export-logs'],
    facts: ['kms-request', 'kms-response', 'kms-host-request', 'kms-service', 'online-activation-failure', 'non-genuine', 'license-state-data', 'service-info', 'log-cleared', 'license', 'slmgr-error'],
    seed: 'backup section (export the logs)',
    messages: {
      title: { en: "This machine's evidence ends long before --now", ja: 'このコンピューターの根拠が --now よりずっと前で終わっている' },
      span: {
        en: '{records|# record|# records}{channel? of {channel}}, the newest at {newest}',
        ja: '{channel?{channel} の}レコード {records} 件、最新は {newest}',
      },
      newest: { en: 'newest record at {at}', ja: '最新のレコードは {at}' },
      detail: {
        en: 'The evidence of this machine ends {end}, {gap} before --now ({now}). What its exports show is its state then; findings that depend on the time (expiry, idle host, counts over 30 days) extrapolate from that date.',
        ja: 'このコンピューターの根拠は {end} で終わっており、--now ({now}) より {gap} 前です。エクスポートが示すのはその時点の状態で、時刻に依存する検出事項 (期限、アイドル状態のホスト、30 日間のカウント) はその日時から推定しています。',
      },
      'remedy-export': {
        en: 'Export the logs again from this machine (wevtutil epl Application app.evtx; wevtutil epl "Key Management Service" kms.evtx on a KMS host) and save fresh slmgr.vbs /dlv output.',
        ja: 'このコンピューターからログをもう一度エクスポートし (wevtutil epl Application app.evtx、KMS ホストでは wevtutil epl "Key Management Service" kms.evtx)、新しい slmgr.vbs /dlv の出力を保存します。',
      },
      'remedy-now': { en: 'Or drop --now to judge each machine as of its own evidence.', ja: 'または --now を外し、各コンピューターをそれ自身の根拠の時点で判断します。' },
    },
  },
  check({ view, fleet, options }, m) {
    const stale = staleness(view.machine, fleet, options);
    if (!stale) return [];
    const spans: { at: number; records: number; evidence: EvidenceRef }[] = [];
    for (const span of view.machine.records) {
      // A forwarded log holds several computers: count and date this machine's own records when it names them.
      const { end, named } = computerEndOf(span, view.key);
      const own = named > 1 ? end : undefined;
      const newest = own?.newest ?? span.newest;
      const records = own?.records ?? span.records;
      if (!newest) continue;
      const last = own ? undefined : span.idRuns[span.idRuns.length - 1]?.[1];
      spans.push({
        at: Date.parse(newest),
        records,
        evidence: evidenceAt(
          { file: span.file, ...(last !== undefined ? { record: last } : {}) },
          m('span', { records, channel: span.channel || undefined, newest: time(newest) }),
        ),
      });
    }
    // The freshest files first: they say how far the evidence reaches.
    spans.sort((a, b) => b.at - a.at || b.records - a.records);
    const evidence = spans.map((s) => s.evidence);
    if (evidence.length === 0) evidence.push(evidenceAt({ file: view.machine.files[0] ?? '' }, m('newest', { at: time(stale.endMs) })));
    return [
      {
        detail: m('detail', { end: time(stale.endMs), gap: duration(stale.gapMs), now: time(stale.nowMs) }),
        evidence,
        remedy: [m('remedy-export'), m('remedy-now')],
      },
    ];
  },
});
