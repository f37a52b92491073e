// Table 2 row 2; MP alert: the host's own count is below what its clients need.
import { hostCount } from '../../host-count.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';

export default defineRule(
  {
    id: 'kms-host/count-below-threshold',
    severity: 'error',
    title: 'KMS host count is below what its clients need',
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
        title: `KMS host count ${c.count} is below ${c.need}`,
        detail: `The host has counted ${c.count} distinct client${c.count === 1 ? '' : 's'}; ${c.need === 25 ? 'Windows client editions need 25' : 'servers and Office need 5'}. Until then it answers 0xC004F038 and those clients stay unactivated.`,
        evidence: c.evidence,
        remedy: [
          'Let more distinct machines request activation; the count only includes unique CMIDs from the last 30 days.',
          `If clones share CMIDs, reset them (${CMD.rearm}, or ${CMD.sysprep} on the image).`,
          `Watch "Current count" on the host: ${CMD.dli}`,
        ],
      },
    ];
  },
);
