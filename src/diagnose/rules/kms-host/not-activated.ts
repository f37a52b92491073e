// Notification section: a KMS host that is not activated itself refuses its clients.
import { evidenceOf, mergeEvidence, summarizeFact } from '../../evidence-refs.js';
import { hostLog } from '../../../evidence/fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  meta: {
    id: 'kms-host/not-activated',
    severity: 'error',
    description: "The host's KMS product (VOLUME_KMS*, Volume:CSVLK) is not Licensed, or the host answers clients with 0xC004F041: clients get errors until the host is activated.",
    kb: ['code/0xC004F041', 'procedure/read-slmgr-dli-dlv'],
    facts: ['license', 'license-state-data', 'kms-host-request'],
    seed: 'notification section',
    messages: {
      title: { en: "The KMS host's own key is not activated", ja: 'KMS ホスト自身のキーがライセンス認証されていない' },
      evidence: {
        en: '{n} 12290 answered 0xC004F041 (host not activated); last: {summary}',
        ja: '12290 のうち {n} 件が 0xC004F041 (ホストがライセンス認証されていない) を返しました。最後: {summary}',
      },
      detail: {
        en: 'A KMS host must activate its own host key (CSVLK) with Microsoft before it activates anyone else.',
        ja: 'KMS ホストは、ほかのコンピューターをライセンス認証する前に、自身のホスト キー (CSVLK) をマイクロソフトでライセンス認証する必要があります。',
      },
      'remedy-online': { en: 'Activate the host online: {cmd}', ja: 'ホストをオンラインでライセンス認証します: {cmd}' },
      'remedy-phone': {
        en: 'If the host has no Internet access, activate by phone (slui.exe 4).',
        ja: 'ホストがインターネットに接続できない場合は、電話でライセンス認証します (slui.exe 4)。',
      },
      'remedy-check': { en: 'Check: {cmd}', ja: '確認します: {cmd}' },
    },
  },
  check({ view, fleet }, m) {
    const evidence = view
      .states('kms-host')
      .filter((r) => r.state !== 'Licensed')
      .map((r) => evidenceOf(r.fact));
    const refused = hostLog(fleet, view.key).filter((e) => e.result === '0xC004F041');
    if (refused.length) {
      const last = refused[refused.length - 1];
      mergeEvidence(evidence, [evidenceOf(last, m('evidence', { n: refused.length, summary: summarizeFact(last) }))]);
    }
    if (!evidence.length) return [];
    return [
      {
        detail: m('detail'),
        evidence,
        remedy: [
          m('remedy-online', { cmd: CMD.ato }),
          m('remedy-phone'),
          m('remedy-check', { cmd: CMD.dlv }),
        ],
      },
    ];
  },
});
