// Backup section (export the logs): with --now, a machine whose exports end long before it is judged on old
// evidence. Saying so keeps "expired" or "idle" from reading as today's state of that machine.
import { computerEndOf } from '../../../evidence/index.js';
import { defineRule } from '../../rule.js';
import { staleness, STALE_AFTER_DAYS } from '../../staleness.js';
import { evidenceAt } from '../../evidence.js';
import { duration, msg, time } from '../../../messages/index.js';
import type { EvidenceRef } from '../../../types.js';

export default defineRule(
  {
    id: 'input/stale-export',
    severity: 'info',
    description: `With --now, the newest record in the machine's own files (any record, ignored ones included) is more than ${STALE_AFTER_DAYS} days before it: its evidence ends there, and time-based findings on it extrapolate from that date.`,
    kb: ['procedure/export-logs'],
    facts: ['kms-request', 'kms-response', 'kms-host-request', 'kms-service', 'online-activation-failure', 'non-genuine', 'license-state-data', 'service-info', 'log-cleared', 'license', 'slmgr-error'],
    seed: 'backup section (export the logs)',
  },
  ({ view, fleet, options }) => {
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
          msg('input/stale-export.span', { records, channel: span.channel || undefined, newest: time(newest) }),
        ),
      });
    }
    // The freshest files first: they say how far the evidence reaches.
    spans.sort((a, b) => b.at - a.at || b.records - a.records);
    const evidence = spans.map((s) => s.evidence);
    if (evidence.length === 0) evidence.push(evidenceAt({ file: view.machine.files[0] ?? '' }, msg('input/stale-export.newest', { at: time(stale.endMs) })));
    return [
      {
        detail: msg('input/stale-export.detail', { end: time(stale.endMs), gap: duration(stale.gapMs), now: time(stale.nowMs) }),
        evidence,
        remedy: [msg('input/stale-export.remedy-export'), msg('input/stale-export.remedy-now')],
      },
    ];
  },
);
