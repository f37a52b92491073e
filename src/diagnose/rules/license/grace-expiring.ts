// License state: out-of-box or out-of-tolerance grace ends soon.
import type { LicenseStatusName } from '../../../decode/index.js';
import { evidenceOf } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { DAY, MINUTE, formatUtc } from '../../time.js';
import { currentStates } from './notification.js';

const GRACE: readonly LicenseStatusName[] = ['OOBGrace', 'OOTGrace', 'ExtendedGrace'];

export default defineRule(
  {
    id: 'license/grace-expiring',
    severity: 'warning',
    title: 'Grace period ends soon',
    description: 'A product is in out-of-box or out-of-tolerance grace and its remaining grace time is under 7 days.',
    kb: ['procedure/read-slmgr-dli-dlv', 'event/8230'],
    facts: ['license', 'license-state-data', 'kms-request'],
    seed: 'license state',
    usesClock: true,
  },
  ({ view, options, now }) => {
    const hits = [];
    for (const r of currentStates(view)) {
      if (!GRACE.includes(r.state) || r.minutes === undefined) continue;
      const left = r.minutes * MINUTE - (now - r.at);
      if (left > options.graceWarningDays * DAY) continue;
      hits.push({
        title: left <= 0 ? 'Grace period has ended' : `Grace period ends in ${Math.max(0, Math.floor(left / DAY))} days`,
        detail: `${r.state} ${left <= 0 ? 'ended' : 'ends'} around ${formatUtc(now + left)}; after that Windows goes into notification mode.`,
        evidence: [evidenceOf(r.fact, `${evidenceOf(r.fact).summary}; ${r.minutes} minutes of grace left at ${formatUtc(r.at)}`)],
        remedy: [`Activate now: ${CMD.ato}`, `If activation cannot happen in time and rearms are left, ${CMD.rearm} restarts the grace period.`],
      });
    }
    return hits;
  },
);
