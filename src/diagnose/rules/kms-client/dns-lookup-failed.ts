// Table 2 rows 2 and 6: the client could not find a KMS host in DNS.
import { CMD } from '../../remedies.js';
import { codeArticles, distinctCodes, dnsDomainOf, explainCodes, ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { NONE } from '../../../messages/index.js';

export const ID = 'kms-client/dns-lookup-failed';

export default defineRule({
  meta: {
    id: ID,
    severity: 'error',
    description: 'A KMS client reports a DNS error (0x8007232B, 0x8007232A, 0x8007267C, 0x8007251D, 0x8007007B …): the SRV lookup for _vlmcs._tcp in its domain gave no answer.',
    kb: ['procedure/check-srv-record', 'procedure/publish-srv-record', 'kms-host/dns-publish-failed'],
    facts: ['kms-request', 'kms-response', 'license', 'slmgr-error', 'service-info', 'online-activation-failure'],
    seed: 'Table 2 rows 2, 6',
    consequenceOf: ['dns/srv-missing'],
    messages: {
      title: { en: 'Client found no KMS host in DNS (_vlmcs._tcp)', ja: 'クライアントが DNS で KMS ホストを見つけられない (_vlmcs._tcp)' },
      detail: {
        en: "{codes} Auto-discovery needs an _vlmcs._tcp SRV record in the client's DNS domain{domain}.",
        ja: '{codes} 自動探索には、クライアントの DNS ドメイン{domain}に _vlmcs._tcp の SRV リソース レコードが必要です。',
      },
      domain: { en: ' ({domain})', ja: ' ({domain}) ' },
      'remedy-lookup': { en: 'Look for the record from the client: {cmd}', ja: 'クライアントからレコードを確認します: {cmd}' },
      'remedy-host': {
        en: 'On the KMS host, check 12294 (published) or 12293 (publishing failed) in the Application log; create the SRV record by hand if dynamic DNS is not allowed.',
        ja: 'KMS ホストのアプリケーション イベント ログで 12294 (発行済み) または 12293 (発行失敗) を確認します。動的 DNS が許可されていない場合は SRV リソース レコードを手動で作成します。',
      },
      'remedy-client': {
        en: 'Check the client has a DNS server configured and the right primary DNS suffix.',
        ja: 'クライアントに DNS サーバーが設定され、プライマリ DNS サフィックスが正しいことを確認します。',
      },
      'remedy-workaround': { en: 'Workaround while DNS is fixed: {cmd}', ja: 'DNS を直すまでの回避策: {cmd}' },
    },
  },
  check({ view }, m) {
    const sightings = ownedSightings(view, ID, 'kms');
    if (!sightings.length) return [];
    const codes = distinctCodes(sightings);
    const domain = dnsDomainOf(view.name);
    return [
      {
        detail: m('detail', {
          codes: explainCodes(codes),
          domain: domain ? m('domain', { domain }) : NONE,
        }),
        evidence: sightingEvidence(sightings),
        remedy: [
          m('remedy-lookup', { cmd: CMD.srvLookup(domain) }),
          m('remedy-host'),
          m('remedy-client'),
          m('remedy-workaround', { cmd: CMD.skms() }),
        ],
        kb: codeArticles(codes),
      },
    ];
  },
});
