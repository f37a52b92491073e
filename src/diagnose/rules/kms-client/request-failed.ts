// Table 2 rows 2 and 4: the KMS request or response carries an error no more specific rule explains.
import { CMD } from '../../remedies.js';
import { codeArticles, distinctCodes, codesDetail, sightingEvidence, unownedSightings } from '../../rule-helpers.js';
import { defineRule, messenger, type RuleMessages } from '../../rule.js';
import { list, msg, sentences, type MessageRef } from '../../../messages/index.js';
import type { MachineView } from '../../../evidence/machine-view/index.js';
import { codeSteps, sluiSteps } from '../../code-steps.js';
import { discoveryEvidence, type DiscoveryEvidence } from '../../discovery.js';
import { evidenceOf, mergeEvidence } from '../../evidence-refs.js';
import { hostsNamed } from '../../hosts-named.js';
import { KMS_CLIENT_FAILURES } from '../../failure-causes.js';

const ID = 'kms-client/request-failed';

/** "No KMS host could be contacted": a summary, not a cause, so what to collect comes first. */
const NO_HOST = '0xC004F074';

const messages = {
  title: { en: 'KMS activation request failed', ja: 'KMS ライセンス認証の要求が失敗した' },
  'title-codes': { en: 'KMS activation failed with {codes}', ja: 'KMS ライセンス認証が {codes} で失敗した' },
  'remedy-check': {
    en: 'Check the KMS host this client uses, {hosts} ({source}): that it is a KMS host, that it answers on that port, and that its Key Management Service log holds a 12290 for this client.',
    ja: 'このクライアントが使う KMS ホスト {hosts} ({source}) を確認します: KMS ホストであること、そのポートで応答すること、その "Key Management Service" ログにこのクライアントの 12290 があること。',
  },
  'source-12288': { en: 'named in its 12288 events', ja: '12288 のイベントに記録されたもの' },
  'source-registered': { en: 'set with /skms: "Registered KMS machine name" in slmgr /dli', ja: '/skms で設定: slmgr /dli の "登録された KMS コンピューター名"' },
  'source-dns': { en: 'found in DNS: "KMS machine name from DNS" in slmgr /dli', ja: 'DNS で検出: slmgr /dli の "DNS からの KMS コンピューター名"' },
  'source-skms': { en: 'set with slmgr /skms in the paste', ja: '貼り付けの slmgr /skms で設定' },
  'source-srv': { en: 'from the SRV lookup in the paste', ja: '貼り付けの SRV の検索から' },
  'remedy-dlv': {
    en: 'First read the KMS host the client uses: {cmd} on the client. A "Registered KMS machine name" set with /skms and left pointing at a retired or renamed host is the most common cause, and DNS is not even asked while it is set.',
    ja: 'まずクライアントが使う KMS ホストを確認します: クライアントで {cmd}。/skms で設定した "登録された KMS コンピューター名" が、廃止や名前変更をしたホストを指したまま残っているのが最もよくある原因で、設定されている間は DNS に問い合わせもしません。',
  },
  'remedy-srv': { en: 'Then the SRV record the client looks for: {cmd}', ja: '次に、クライアントが探す SRV リソース レコードを確認します: {cmd}' },
  'remedy-port': { en: 'Then the KMS port of the host found: {cmd}', ja: '次に、見つかったホストの KMS のポートを確認します: {cmd}' },
  discovery: {
    en: "The SRV lookup in this paste ({query}) answered and the port connects, so the client's own discovery is what fails: it asks for _vlmcs._tcp.<its primary DNS suffix>, which nslookup's suffix search list can hide (volact explain procedure/dns-suffix-discovery).",
    ja: '貼り付けられた SRV の検索 ({query}) は応答し、ポートにも接続できるので、失敗しているのはクライアント自身の探索です。クライアントが問い合わせるのは _vlmcs._tcp.<自分のプライマリ DNS サフィックス> で、nslookup のサフィックス検索一覧がそれを見えにくくします (volact explain procedure/dns-suffix-discovery)。',
  },
} as const satisfies RuleMessages;

const m = messenger(ID, messages);

/**
 * What to look at next, asking only for what the paste does not hold: with 12288s, the host they name; for a
 * lone 0xC004F074, slmgr /dlv first (a stale /skms name is the most common cause), then the SRV lookup, then
 * the port.
 */
function whatToCollect(view: MachineView, codes: readonly string[], found: DiscoveryEvidence): MessageRef[] {
  // The host is named from whatever evidence named it, with where it says so.
  const named = hostsNamed(view);
  const check = named.length > 0 ? [m('remedy-check', { hosts: list(named.slice(0, 3).map((h) => h.host)), source: m(`source-${named[0].source}`) })] : [];
  if (named.some((h) => h.source === '12288')) return check;
  if (!codes.includes(NO_HOST)) return check;
  const steps: MessageRef[] = [...check];
  const knowsHost = view.licenses('kms-client').some((l) => l.kmsClient?.kmsName || (l.kmsClient?.kmsNameSource ?? 'unknown') !== 'unknown');
  if (!knowsHost && named.length === 0) steps.push(m('remedy-dlv', { cmd: CMD.dlv }));
  if (!found.lookups.length) steps.push(m('remedy-srv', { cmd: CMD.srvLookup(found.primarySuffix || undefined) }));
  const [host, port] = named[0]?.host.split(/:(?=\d+$)/) ?? ['<kms-host>', '1688'];
  if (!view.facts('port-check').length) steps.push(m('remedy-port', { cmd: `Test-NetConnection ${host} -Port ${port}` }));
  return steps;
}

export default defineRule({
  meta: {
    id: ID,
    severity: 'error',
    description: 'A 12288/12289 result (or slmgr, 8198, 8233 on a KMS client) is an error code that no more specific rule explains; the finding names each code and its meaning.',
    kb: ['event/12288', 'event/12289', 'procedure/explain-error-code'],
    facts: ['kms-request', 'kms-response', 'license', 'slmgr-error', 'service-info', 'online-activation-failure'],
    seed: 'Table 2 rows 2, 4',
    consequenceOf: KMS_CLIENT_FAILURES.filter((id) => id !== 'kms-client/request-failed' && id !== 'kms-client/not-seen-by-host'),
    messages,
  },
  check({ view }) {
    const sightings = unownedSightings(view, 'kms');
    if (!sightings.length) return [];
    const codes = distinctCodes(sightings);
    const found = discoveryEvidence(view);
    const evidence = sightingEvidence(sightings);
    let detail = codesDetail(codes);
    if (codes.includes(NO_HOST) && found.answered && found.portOpen) {
      // The paste's own SRV lookup answered and the port connects, yet the client found no host.
      mergeEvidence(evidence, [evidenceOf(found.answered), evidenceOf(found.portOpen)]);
      detail = msg('common.sentences', { items: sentences([detail, m('discovery', { query: found.answered.query })]) });
    }
    return [
      {
        title: m('title-codes', { codes: list(codes) }),
        detail,
        evidence,
        remedy: [...sluiSteps(codes, sightings), ...codeSteps(codes), ...whatToCollect(view, codes, found), msg('common.after-fix', { cmd: CMD.ato })],
        kb: [...codeArticles(codes), ...(codes.includes(NO_HOST) && found.answered ? ['procedure/dns-suffix-discovery'] : [])],
      },
    ];
  },
});
