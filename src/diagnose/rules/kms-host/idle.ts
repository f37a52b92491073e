// MP alert: no KMS activity for more than 8 hours.
import { evidenceOf } from '../../evidence.js';
import { hostLog } from '../../fleet-queries.js';
import { defineRule } from '../../rule.js';
import { HOUR, formatDuration, formatUtc, toMs } from '../../time.js';

export default defineRule(
  {
    id: 'kms-host/idle',
    severity: 'warning',
    title: 'KMS host has logged no requests for hours',
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
        detail: `The last 12290 was at ${formatUtc(t)}, ${formatDuration(now - t)} before ${formatUtc(now)}. Clients renew every 7 days and retry every 2 hours, so a busy host that falls silent has stopped receiving or answering requests.`,
        evidence: [evidenceOf(last, `last 12290: ${evidenceOf(last).summary}`)],
        remedy: [
          'Check that the Software Protection service runs on the host and that TCP 1688 is open.',
          'Check the _vlmcs._tcp SRV record still points at this host, and which host clients name in their 12288.',
        ],
      },
    ];
  },
);
