// Table 3 row 1: is the MAK machine activated?
import { evidenceOf } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';

export default defineRule(
  {
    id: 'mak/activated',
    severity: 'info',
    title: 'MAK product is activated',
    description: 'Every VOLUME_MAK product on the machine reports Licensed (slmgr, or 8230 with ProductKeyType Volume:MAK).',
    kb: ['procedure/read-slmgr-dli-dlv'],
    facts: ['license', 'license-state-data'],
    seed: 'Table 3 row 1',
  },
  ({ view }) => {
    const readings = view.states('mak');
    if (!readings.length || readings.some((r) => r.state !== 'Licensed')) return [];
    return [
      {
        detail: 'MAK activation is permanent: once Licensed, the machine needs no renewals.',
        evidence: readings.map((r) => evidenceOf(r.fact)),
        remedy: [`Nothing to fix. To confirm: ${CMD.dli}`],
      },
    ];
  },
);
