// Table 3 row 1: is the MAK machine activated?
import { evidenceOf } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { msg } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'mak/activated',
    severity: 'info',
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
        detail: msg('mak/activated.detail'),
        evidence: readings.map((r) => evidenceOf(r.fact)),
        remedy: [msg('mak/activated.remedy', { cmd: CMD.dli })],
      },
    ];
  },
);
