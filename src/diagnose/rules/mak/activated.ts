// Table 3 row 1: is the MAK machine activated?
import { evidenceOf } from '../../evidence-refs.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  meta: {
    id: 'mak/activated',
    severity: 'info',
    description: 'Every VOLUME_MAK product on the machine reports Licensed (slmgr, or 8230 with ProductKeyType Volume:MAK).',
    kb: ['procedure/read-slmgr-dli-dlv'],
    facts: ['license', 'license-state-data'],
    seed: 'Table 3 row 1',
    state: true,
    messages: {
      title: { en: 'MAK product is activated', ja: 'MAK の製品はライセンス認証済み' },
      detail: {
        en: 'MAK activation is permanent: once Licensed, the machine needs no renewals.',
        ja: 'MAK のライセンス認証は永続的です。いったん Licensed になれば更新は不要です。',
      },
      remedy: { en: 'Nothing to fix. To confirm: {cmd}', ja: '対処は不要です。確認するには: {cmd}' },
    },
  },
  check({ view }, m) {
    const readings = view.states('mak');
    if (!readings.length || readings.some((r) => r.state !== 'Licensed')) return [];
    return [
      {
        detail: m('detail'),
        evidence: readings.map((r) => evidenceOf(r.fact)),
        remedy: [m('remedy', { cmd: CMD.dli })],
      },
    ];
  },
});
