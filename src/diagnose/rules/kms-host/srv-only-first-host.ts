// Table 2 row 7: only the first KMS host can create the SRV record.
import { evidenceOf, summarizeFact } from '../../evidence.js';
import { kmsHosts } from '../../fleet-queries.js';
import { openPublishFailures, publishSuccesses } from '../../host-dns.js';
import { defineRule } from '../../rule.js';
import { list } from '../../../messages/index.js';

export default defineRule({
  meta: {
    id: 'kms-host/srv-only-first-host',
    severity: 'warning',
    description: 'Several KMS hosts are in the snapshot; one publishes (12294) while this one fails (12293): the first host owns the _VLMCS record and the others lack permission on it.',
    kb: ['event/12293', 'event/12294', 'procedure/publish-srv-record'],
    facts: ['kms-service'],
    seed: 'Table 2 row 7',
    messages: {
      title: { en: 'Only the first KMS host can publish the SRV record', ja: 'SRV リソース レコードを発行できるのは最初の KMS ホストだけ' },
      detail: {
        en: '{hosts} {n|publishes|publish} the SRV record, but this host cannot update it. The first host to create _VLMCS owns the record; other hosts need rights on it.',
        ja: '{hosts} ({n} 台) は SRV リソース レコードを発行していますが、このホストは更新できません。_VLMCS を最初に作成したホストがレコードの所有者となり、ほかのホストにはそのレコードに対する権限が必要です。',
      },
      evidence: { en: '{host}: {summary}', ja: '{host}: {summary}' },
      'remedy-rights': {
        en: 'In DNS, give every KMS host (for example a security group holding their computer accounts) Full Control on the _VLMCS record.',
        ja: 'DNS で、すべての KMS ホスト (たとえばそれらのコンピューター アカウントを含むセキュリティ グループ) に _VLMCS レコードのフル コントロールを与えます。',
      },
      'remedy-manual': {
        en: 'Or list the hosts in the record by hand and turn off publishing on the extra hosts (slmgr.vbs /cdns).',
        ja: 'または、ホストを手動でレコードに登録し、追加のホストでは発行を無効にします (slmgr.vbs /cdns)。',
      },
    },
  },
  check({ view, views, fleet }, m) {
    const failing = openPublishFailures(view);
    if (!failing.length) return [];
    const publishers = kmsHosts(fleet)
      .filter((h) => h.key !== view.key)
      .map((h) => views.get(h.key))
      .flatMap((v) => (v ? publishSuccesses(v).slice(-1).map((f) => ({ v, f })) : []));
    if (!publishers.length) return [];
    return [
      {
        detail: m('detail', { hosts: list(publishers.map((p) => p.v.name)), n: publishers.length }),
        evidence: [
          ...failing.map((f) => evidenceOf(f)),
          ...publishers.map((p) => evidenceOf(p.f, m('evidence', { host: p.v.name, summary: summarizeFact(p.f) }))),
        ],
        remedy: [m('remedy-rights'), m('remedy-manual')],
      },
    ];
  },
});
