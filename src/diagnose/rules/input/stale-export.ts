// Backup section (export the logs): with --now, a machine whose exports end long before it is judged on old
// evidence. Saying so keeps "expired" or "idle" from reading as today's state of that machine.
import { machineKey } from '../../../evidence/index.js';
import { defineRule } from '../../rule.js';
import { staleness, STALE_AFTER_DAYS } from '../../staleness.js';
import { formatDuration, formatUtc } from '../../time.js';
import type { EvidenceRef } from '../../../types.js';

export default defineRule(
  {
    id: 'input/stale-export',
    severity: 'info',
    title: 'This machine\'s evidence ends long before --now',
    description: `With --now, the newest record in the machine's own files (any record, ignored ones included) is more than ${STALE_AFTER_DAYS} days before it: its evidence ends there, and time-based findings on it extrapolate from that date.`,
    kb: ['procedure/export-logs'],
    facts: ['kms-request', 'kms-response', 'kms-host-request', 'kms-service', 'online-activation-failure', 'non-genuine', 'license-state-data', 'service-info', 'log-cleared', 'license', 'slmgr-error'],
    seed: 'backup section (export the logs)',
  },
  ({ view, fleet, options }) => {
    const stale = staleness(view.machine, fleet, options);
    if (!stale) return [];
    const evidence: EvidenceRef[] = [];
    for (const span of view.machine.records) {
      // A forwarded log holds several computers: count and date this machine's own records when it names them.
      const named = span.computers.filter((c) => c.computer);
      const own = named.length > 1 ? named.find((c) => machineKey(c.computer) === view.key) : undefined;
      const newest = own?.newest ?? span.newest;
      const records = own?.records ?? span.records;
      if (!newest) continue;
      const last = own ? undefined : span.idRuns[span.idRuns.length - 1]?.[1];
      evidence.push({
        file: span.file,
        ...(last !== undefined ? { record: last } : {}),
        summary: `${records} record${records === 1 ? '' : 's'}${span.channel ? ` of ${span.channel}` : ''}, the newest at ${formatUtc(Date.parse(newest))}`,
      });
    }
    evidence.sort((a, b) => b.summary.localeCompare(a.summary));
    if (evidence.length === 0) evidence.push({ file: view.machine.files[0] ?? '', summary: `newest record at ${formatUtc(stale.endMs)}` });
    return [
      {
        detail: `The evidence of this machine ends ${formatUtc(stale.endMs)}, ${formatDuration(stale.gapMs)} before --now (${formatUtc(stale.nowMs)}). What its exports show is its state then; findings that depend on the time (expiry, idle host, counts over 30 days) extrapolate from that date.`,
        evidence,
        remedy: [
          'Export the logs again from this machine (wevtutil epl Application app.evtx; wevtutil epl "Key Management Service" kms.evtx on a KMS host) and save fresh slmgr.vbs /dlv output.',
          'Or drop --now to judge each machine as of its own evidence.',
        ],
      },
    ];
  },
);
