// License state; SCCM reports 02A/02B: volume activation close to its 180-day end means renewals fail.
import { evidenceOf } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { DAY, MINUTE, formatUtc } from '../../time.js';

export default defineRule(
  {
    id: 'kms-client/activation-expiring',
    severity: 'warning',
    title: 'Volume activation expires soon',
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
      const when = formatUtc(now + left);
      hits.push({
        title: left <= 0 ? 'Volume activation has expired' : `Volume activation expires in ${days} day${days === 1 ? '' : 's'}`,
        severity: left <= options.expiryErrorDays * DAY ? ('error' as const) : ('warning' as const),
        detail: `${left <= 0 ? 'The activation ended' : 'The activation ends'} around ${when}. A client renews every 7 days; this little time left means its renewals have not reached a KMS host for weeks.`,
        evidence: [evidenceOf(r.fact, `${evidenceOf(r.fact).summary}; ${r.minutes} minutes left at ${formatUtc(r.at)}`)],
        remedy: [`Renew now and read the error if it fails: ${CMD.ato}`, `Check the expiry after: ${CMD.xpr}`, 'Follow the KMS client walk for the failing step.'],
      });
    }
    return hits;
  },
);
