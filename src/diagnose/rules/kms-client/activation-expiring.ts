// License state; SCCM reports 02A/02B: volume activation close to its 180-day end means renewals fail.
import { evidenceOf, summarizeFact } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { DAY, MINUTE } from '../../time.js';
import { msg, time } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'kms-client/activation-expiring',
    severity: 'warning',
    description: 'A Licensed KMS client has less than 30 days of its 180-day activation left (an error under 7 days). Renewals run every 7 days, so this means renewals have been failing.',
    kb: ['procedure/read-slmgr-dli-dlv', 'event/12288'],
    facts: ['license', 'kms-request', 'kms-response'],
    seed: 'license state; SCCM 02A/02B',
    usesClock: true,
  },
  ({ view, options, now }) => {
    const hits = [];
    for (const r of view.states('kms-client')) {
      if (r.state !== 'Licensed' || r.minutes === undefined) continue;
      const left = r.minutes * MINUTE - (now - r.at);
      if (left > options.expiryWarningDays * DAY) continue;
      const days = Math.floor(left / DAY);
      const when = time(now + left);
      hits.push({
        title: left <= 0 ? msg('kms-client/activation-expiring.title-expired') : msg('kms-client/activation-expiring.title-days', { days }),
        severity: left <= options.expiryErrorDays * DAY ? ('error' as const) : ('warning' as const),
        detail: msg(left <= 0 ? 'kms-client/activation-expiring.detail-ended' : 'kms-client/activation-expiring.detail-ends', { when }),
        evidence: [evidenceOf(r.fact, msg('kms-client/activation-expiring.evidence', { summary: summarizeFact(r.fact), minutes: r.minutes, at: time(r.at) }))],
        remedy: [
          msg('kms-client/activation-expiring.remedy-renew', { cmd: CMD.ato }),
          msg('kms-client/activation-expiring.remedy-check', { cmd: CMD.xpr }),
          msg('kms-client/activation-expiring.remedy-walk'),
        ],
      });
    }
    return hits;
  },
);
