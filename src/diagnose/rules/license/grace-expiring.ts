// License state: out-of-box or out-of-tolerance grace ends soon.
import type { LicenseStatusName } from '../../../decode/index.js';
import { evidenceOf, summarizeFact } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { DAY, MINUTE } from '../../time.js';
import { currentStates } from './notification.js';
import { msg, time } from '../../../messages/index.js';

const GRACE: readonly LicenseStatusName[] = ['OOBGrace', 'OOTGrace', 'ExtendedGrace'];

export default defineRule(
  {
    id: 'license/grace-expiring',
    severity: 'warning',
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
        title: left <= 0 ? msg('license/grace-expiring.title-ended') : msg('license/grace-expiring.title-days', { days: Math.max(0, Math.floor(left / DAY)) }),
        detail: msg(left <= 0 ? 'license/grace-expiring.detail-ended' : 'license/grace-expiring.detail-ends', { state: r.state, when: time(now + left) }),
        evidence: [evidenceOf(r.fact, msg('license/grace-expiring.evidence', { summary: summarizeFact(r.fact), minutes: r.minutes, at: time(r.at) }))],
        remedy: [msg('license/grace-expiring.remedy-ato', { cmd: CMD.ato }), msg('license/grace-expiring.remedy-rearm', { cmd: CMD.rearm })],
      });
    }
    return hits;
  },
);
