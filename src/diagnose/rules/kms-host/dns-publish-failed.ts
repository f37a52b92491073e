// Table 2 row 6: the KMS host cannot create its SRV record.
import { evidenceOf } from '../../evidence-refs.js';
import { openPublishFailures } from '../../host-dns.js';
import { CMD } from '../../remedies.js';
import { codeArticles, explainCodes } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { list, msg } from '../../../messages/index.js';
import { sluiSteps } from '../../code-steps.js';

export default defineRule({
  meta: {
    id: 'kms-host/dns-publish-failed',
    severity: 'error',
    description: '12293: publishing _vlmcs._tcp to DNS failed, with the HRESULT and the domain; no later 12294 for that domain.',
    kb: ['event/12293', 'event/12294', 'procedure/publish-srv-record', 'procedure/check-srv-record'],
    facts: ['kms-service'],
    seed: 'Table 2 row 6; MP alert',
    consequenceOf: ['kms-host/srv-only-first-host'],
    supersededBy: ['kms-host/srv-only-first-host'],
    messages: {
      title: { en: 'KMS host failed to publish its SRV record', ja: 'KMS ホストが SRV リソース レコードを発行できなかった' },
      detail: {
        en: 'Publishing to {domains} failed. {codes} DNS either limits write access or does not accept dynamic updates, so clients cannot discover this host.',
        ja: '{domains} への発行が失敗しました。{codes} DNS が書き込みを制限しているか動的更新を受け付けないため、クライアントはこのホストを検出できません。',
      },
      'remedy-rights': {
        en: "Give the KMS host's computer account write access to the _VLMCS record (or the zone), or allow dynamic updates.",
        ja: 'KMS ホストのコンピューター アカウントに _VLMCS レコード (またはゾーン) への書き込み権限を与えるか、動的更新を許可します。',
      },
      'remedy-manual': { en: 'Or create the record by hand: {record}', ja: 'または SRV リソース レコードを手動で作成します: {record}' },
      'remedy-check': { en: 'Check the result: {cmd}', ja: '結果を確認します: {cmd}' },
    },
  },
  check({ view }, m) {
    const open = openPublishFailures(view);
    if (!open.length) return [];
    const codes = [...new Set(open.map((f) => f.result).filter((c): c is string => !!c))];
    const domains = [...new Set(open.map((f) => f.domain).filter((d): d is string => !!d))];
    return [
      {
        detail: m('detail', { domains: domains.length ? list(domains) : msg('common.dns'), codes: explainCodes(codes) }),
        evidence: open.map((f) => evidenceOf(f)),
        remedy: [
          m('remedy-rights'),
          m('remedy-manual', { record: `_vlmcs._tcp.${domains[0] ?? '<domain>'} SRV 0 0 1688 ${view.name}` }),
          m('remedy-check', { cmd: CMD.srvLookup(domains[0]) }),
          ...sluiSteps(codes),
        ],
        kb: codeArticles(codes),
      },
    ];
  },
});
