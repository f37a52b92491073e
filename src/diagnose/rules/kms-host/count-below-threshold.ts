// Table 2 row 2; MP alert: the host's own count is below what its clients need.
import { hostCount } from '../../host-count.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { msg } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'kms-host/count-below-threshold',
    severity: 'error',
    description: "The host's current count (slmgr, or distinct CMIDs in 12290 over the last 30 days) is below 25 when any client asks with a required count of 25 (client OS), else below 5.",
    kb: ['kms-client/count-below-threshold', 'kms-host/duplicate-cmid', 'event/12290', 'procedure/read-slmgr-dli-dlv'],
    facts: ['kms-host-request', 'license'],
    seed: 'Table 2 row 2; MP alert',
    usesClock: true,
  },
  ({ view, fleet, now }) => {
    if (!view.hasRole('kms-host')) return [];
    const c = hostCount(view, fleet, now);
    // A short 12290 export only gives a lower bound; without the host's own 0xC004F038 it proves nothing.
    if (!c || !c.conclusive || c.count >= c.need) return [];
    return [
      {
        title: msg('kms-host/count-below-threshold.title-count', { count: c.count, need: c.need }),
        detail: msg(c.need === 25 ? 'kms-host/count-below-threshold.detail-25' : 'kms-host/count-below-threshold.detail-5', { count: c.count }),
        evidence: c.evidence,
        remedy: [
          msg('kms-host/count-below-threshold.remedy-more'),
          msg('kms-host/count-below-threshold.remedy-clones', { rearm: CMD.rearm, sysprep: CMD.sysprep }),
          msg('kms-host/count-below-threshold.remedy-watch', { cmd: CMD.dli }),
        ],
      },
    ];
  },
);
