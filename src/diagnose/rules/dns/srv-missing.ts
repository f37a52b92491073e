// Table 2 row 6: the _vlmcs._tcp SRV lookup itself (nslookup, Resolve-DnsName, volact probe) found no record.
import { evidenceOf } from '../../evidence-refs.js';
import { failedLookups, usesRegisteredHost } from '../../network-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { list, semicolonList } from '../../../messages/index.js';

export default defineRule({
  meta: {
    id: 'dns/srv-missing',
    severity: 'error',
    description: 'The SRV lookup for _vlmcs._tcp.<domain> gave no record (NXDOMAIN, "can\'t find", an empty answer, or no answer at all) on a machine that relies on DNS discovery.',
    kb: ['procedure/check-srv-record', 'procedure/publish-srv-record', 'kms-client/dns-lookup-failed', 'kms-host/dns-publish-failed'],
    facts: ['dns-srv-lookup'],
    seed: 'Table 2 row 6',
    messages: {
      title: { en: 'No _vlmcs._tcp SRV record: clients cannot find a KMS host', ja: '_vlmcs._tcp の SRV リソース レコードがない: クライアントが KMS ホストを見つけられない' },
      'why.name-error': { en: 'the DNS server says the name does not exist (NXDOMAIN)', ja: 'DNS サーバーはその名前が存在しないと応答しています (NXDOMAIN)' },
      'why.no-records': { en: 'the name exists but holds no SRV record', ja: '名前は存在しますが SRV リソース レコードがありません' },
      'why.timeout': {
        en: 'the DNS server did not answer in time, so no client can find a host this way either',
        ja: 'DNS サーバーが時間内に応答しないため、どのクライアントもこの方法ではホストを見つけられません',
      },
      'why.server-failure': { en: 'the DNS server failed on the query (SERVFAIL)', ja: 'DNS サーバーが問い合わせの処理に失敗しました (SERVFAIL)' },
      'why.refused': { en: 'the DNS server refused the query', ja: 'DNS サーバーが問い合わせを拒否しました' },
      'why.error': { en: 'the lookup failed', ja: '検索に失敗しました' },
      'why.answer': { en: 'the lookup answered', ja: '検索は応答しました' },
      detail: {
        en: 'The SRV lookup for {names} found no KMS host: {reasons}. Clients that use DNS discovery fail with 0x8007232B or similar until the record exists.',
        ja: '{names} の SRV 検索では KMS ホストが見つかりませんでした: {reasons}。DNS の自動探索を使うクライアントは、レコードができるまで 0x8007232B などで失敗します。',
      },
      'remedy-host': {
        en: 'On the KMS host, look for 12294 (published) or 12293 (publishing failed) in the Application log; with dynamic updates refused, create the record by hand: {record}.',
        ja: 'KMS ホストのアプリケーション イベント ログで 12294 (発行済み) または 12293 (発行失敗) を探します。動的更新が拒否される場合は、レコードを手動で作成します: {record}。',
      },
      'remedy-check': {
        en: 'Check from the client with {cmd}, against the DNS server the client really uses.',
        ja: 'クライアントが実際に使う DNS サーバーに対して、クライアントから {cmd} で確認します。',
      },
      'remedy-domain': {
        en: "If the record lives in another domain, add that domain to the client's suffix search list or use slmgr.vbs /skms-domain <domain>.",
        ja: 'レコードが別のドメインにある場合は、そのドメインをクライアントの DNS サフィックス検索一覧に加えるか、slmgr.vbs /skms-domain <domain> を使います。',
      },
      'remedy-workaround': { en: 'Workaround while DNS is fixed: {cmd}', ja: 'DNS を直すまでの回避策: {cmd}' },
    },
  },
  check({ view }, m) {
    const failed = failedLookups(view);
    // A client set to a host by hand (slmgr /skms) does not look the record up: nothing is broken for it.
    if (!failed.length || usesRegisteredHost(view)) return [];
    const domains = [...new Set(failed.map((l) => l.domain).filter((d): d is string => d !== undefined))];
    const reasons = [...new Set(failed.map((l) => l.outcome))].map((o) => m(`why.${o}`));
    const domain = domains[0];
    return [
      {
        detail: m('detail', {
          names: domains.length ? list(domains.map((d) => `_vlmcs._tcp.${d}`)) : '_vlmcs._tcp',
          reasons: semicolonList(reasons),
        }),
        evidence: failed.map((l) => evidenceOf(l)),
        remedy: [
          m('remedy-host', { record: `_vlmcs._tcp.${domain ?? '<domain>'} SRV 0 0 1688 <kms-host FQDN>` }),
          m('remedy-check', { cmd: CMD.srvLookup(domain) }),
          m('remedy-domain'),
          m('remedy-workaround', { cmd: CMD.skms() }),
        ],
      },
    ];
  },
});
