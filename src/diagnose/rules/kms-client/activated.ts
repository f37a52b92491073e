// Table 2 row 1: is the KMS client activated?
import { evidenceOf } from '../../evidence-refs.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  meta: {
    id: 'kms-client/activated',
    severity: 'info',
    description: 'Every KMS client product on the machine reports Licensed (slmgr), or its newest 12289 shows activated=1 with result 0.',
    kb: ['procedure/read-slmgr-dli-dlv', 'event/12289'],
    facts: ['license', 'kms-request', 'kms-response', 'license-state-data'],
    seed: 'Table 2 row 1',
    state: true,
    messages: {
      title: { en: 'KMS client is activated', ja: 'KMS クライアントはライセンス認証済み' },
      detail: {
        en: 'The KMS client {n|product is|products are} Licensed; renewals run every 7 days and keep the 180-day activation fresh.',
        ja: 'KMS クライアントの製品はライセンス認証済み (Licensed) です ({n} 件)。7 日ごとの更新で 180 日のライセンス認証の有効期間が保たれます。',
      },
      remedy: { en: 'Nothing to fix. To confirm on the machine: {cmd}', ja: '対処は不要です。コンピューター上で確認するには: {cmd}' },
    },
  },
  check({ view }, m) {
    const readings = view.states('kms-client');
    if (!readings.length || readings.some((r) => r.state !== 'Licensed')) return [];
    return [
      {
        detail: m('detail', { n: readings.length }),
        evidence: readings.map((r) => evidenceOf(r.fact)),
        remedy: [m('remedy', { cmd: CMD.dli })],
      },
    ];
  },
});
