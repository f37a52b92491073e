// MP alert: no KMS activity for more than 8 hours.
import { evidenceOf, summarizeFact } from '../../evidence.js';
import { hostLog } from '../../fleet-queries.js';
import { defineRule } from '../../rule.js';
import { HOUR, toMs } from '../../time.js';
import { duration, msg, time } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'kms-host/idle',
    severity: 'warning',
    description: 'The newest 12290 in the host\'s Key Management Service log is more than 8 hours older than the end of the snapshot (or --now).',
    kb: ['event/12290', 'procedure/open-kms-port', 'procedure/check-srv-record'],
    facts: ['kms-host-request'],
    seed: 'MP alert',
    usesClock: true,
  },
  ({ view, fleet, options, now }) => {
    const log = hostLog(fleet, view.key);
    if (!log.length) return [];
    const last = log[log.length - 1];
    const t = toMs(last.time);
    if (t === undefined || now - t <= options.idleHours * HOUR) return [];
    return [
      {
        detail: msg('kms-host/idle.detail', { last: time(t), gap: duration(now - t), now: time(now) }),
        evidence: [evidenceOf(last, msg('kms-host/idle.evidence', { summary: summarizeFact(last) }))],
        remedy: [msg('kms-host/idle.remedy-service'), msg('kms-host/idle.remedy-srv')],
      },
    ];
  },
);
