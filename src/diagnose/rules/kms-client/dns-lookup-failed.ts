// Table 2 rows 2 and 6: the client could not find a KMS host in DNS.
import { CMD } from '../../remedies.js';
import { codeArticles, distinctCodes, dnsDomainOf, explainCodes, ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { list, NONE } from '../../../messages/index.js';
import { discoveryEvidence } from '../../discovery.js';
import { evidenceOf, mergeEvidence } from '../../evidence-refs.js';

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
      'detail-answered': {
        en: "{codes} Yet the SRV lookup in this paste answered: {query} → {hosts}{port}. nslookup completes a bare _vlmcs._tcp with the DNS suffix search list and the adapters' connection-specific suffixes; the client's own discovery does not: it asks for _vlmcs._tcp.<its primary DNS suffix> (the domain it joined, or the one set with slmgr /skms-domain), {suffix}. So the record sits in a zone the client does not look in.",
        ja: '{codes} それでも、貼り付けられた SRV の検索は応答しています: {query} → {hosts}{port}。nslookup はサフィックスなしの _vlmcs._tcp を DNS サフィックス検索一覧と各アダプターの接続固有の DNS サフィックスで補いますが、クライアント自身の探索はそうしません。問い合わせるのは _vlmcs._tcp.<自分のプライマリ DNS サフィックス> (参加しているドメイン、または slmgr /skms-domain で設定したドメイン) で、{suffix}。つまりレコードは、クライアントが探さないゾーンにあります。',
      },
      'port-open': { en: ', and TCP {host}:{port} connects', ja: '、TCP {host}:{port} にも接続できます' },
      suffix: { en: 'here _vlmcs._tcp.{suffix}', ja: 'この場合は _vlmcs._tcp.{suffix} です' },
      'suffix-none': {
        en: 'and ipconfig /all shows this machine has no primary DNS suffix at all',
        ja: 'ipconfig /all によると、このコンピューターにはプライマリ DNS サフィックスがまったくありません',
      },
      'suffix-unknown': { en: 'which ipconfig /all shows', ja: 'それは ipconfig /all で分かります' },
      'remedy-ipconfig': {
        en: 'Read the client\'s primary DNS suffix: {cmd} ("Primary Dns Suffix")',
        ja: 'クライアントのプライマリ DNS サフィックスを確認します: {cmd} ("プライマリ DNS サフィックス")',
      },
      'remedy-zone': {
        en: 'Publish the record in the zone of that suffix, give the client the suffix of the zone that holds it, or tell the client where to look: {cmd}',
        ja: 'そのサフィックスのゾーンにレコードを発行するか、レコードのあるゾーンのサフィックスをクライアントに与えるか、探す場所をクライアントに指定します: {cmd}',
      },
    },
  },
  check({ view }, m) {
    const sightings = ownedSightings(view, ID, 'kms');
    if (!sightings.length) return [];
    const codes = distinctCodes(sightings);
    const found = discoveryEvidence(view);
    const domain = found.primarySuffix || dnsDomainOf(view.name);
    const evidence = sightingEvidence(sightings);
    if (found.answered) {
      // The paste's own lookup answered and still the client found nothing: its discovery asks another name.
      const { answered, portOpen, ipConfig } = found;
      mergeEvidence(evidence, [answered, portOpen, ipConfig].filter((f) => f !== undefined).map((f) => evidenceOf(f)));
      const suffix = found.primarySuffix === undefined ? m('suffix-unknown') : found.primarySuffix === '' ? m('suffix-none') : m('suffix', { suffix: found.primarySuffix });
      return [
        {
          detail: m('detail-answered', {
            codes: explainCodes(codes),
            query: answered.query,
            hosts: list(answered.records.map((r) => `${r.target}:${r.port}`)),
            port: portOpen ? m('port-open', { host: portOpen.host, port: portOpen.port }) : NONE,
            suffix,
          }),
          evidence,
          remedy: [
            ...(ipConfig ? [] : [m('remedy-ipconfig', { cmd: 'ipconfig /all' })]),
            m('remedy-zone', { cmd: 'slmgr.vbs /skms-domain <zone>' }),
            m('remedy-workaround', { cmd: CMD.skms(answered.records[0]?.target, answered.records[0]?.port) }),
          ],
          kb: [...codeArticles(codes), 'procedure/dns-suffix-discovery'],
        },
      ];
    }
    return [
      {
        detail: m('detail', {
          codes: explainCodes(codes),
          domain: domain ? m('domain', { domain }) : NONE,
        }),
        evidence,
        remedy: [
          // The paste holds the lookup already (it did not answer): do not ask for it again.
          ...(found.lookups.length ? [] : [m('remedy-lookup', { cmd: CMD.srvLookup(domain) })]),
          m('remedy-host'),
          m('remedy-client'),
          m('remedy-workaround', { cmd: CMD.skms() }),
        ],
        kb: codeArticles(codes),
      },
    ];
  },
});
