// Table 2 row 2: did the KMS host log a 12290 for this client?
import { evidenceOf } from '../../evidence-refs.js';
import { hostLog, nearestHostEntry } from '../../../evidence/fleet-queries.js';
import { requestsNoHostSaw } from '../../../evidence/unseen-requests.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import { cappedList, count, LIST_EXAMPLES, time } from '../../../messages/index.js';

export default defineRule({
  meta: {
    id: 'kms-client/not-seen-by-host',
    severity: 'error',
    description: "The snapshot holds the host's Key Management Service log for the time of the client's 12288, and no 12290 in it (within the clock-skew allowance) names the client's CMID or name.",
    kb: ['event/12290', 'event/12288', 'procedure/open-kms-port'],
    facts: ['kms-request', 'kms-host-request'],
    seed: 'Table 2 row 2',
    consequenceOf: ['kms-client/host-mismatch', 'dns/srv-port-mismatch', 'kms-client/dns-lookup-failed', 'dns/srv-missing', 'network/port-blocked', 'kms-client/no-response', 'dns/srv-stale'],
    messages: {
      title: { en: 'KMS host never logged this client', ja: 'KMS ホストにこのクライアントの記録がない' },
      evidence: {
        en: '{host} logged {n|# 12290 record|# 12290 records} from {first} to {last}; none within ±{hours} h of {at} names CMID {cmid} or {client} (nearest: {nearest} at {nearestAt})',
        ja: '{host} は {first} から {last} までに 12290 を {n} 件記録していますが、{at} の前後 {hours} 時間以内に CMID {cmid} または {client} を示すものはありません (最も近いもの: {nearestAt} の {nearest})',
      },
      detail: {
        en: 'The request never reached {hosts}, or the host could not process it: its Key Management Service log covers the time, but holds no 12290 for this client.',
        ja: '要求が {hosts} に届いていないか、ホストが処理できませんでした。ホストの "Key Management Service" ログはその時間帯を含んでいますが、このクライアントの 12290 はありません。',
      },
      'remedy-port': {
        en: 'Check that routers and firewalls pass TCP 1688 (or the configured port) from the client to the host, and the stateful return traffic.',
        ja: 'ルーターとファイアウォールが、クライアントからホストへの TCP 1688 (または設定したポート) と、その戻りの通信を通すことを確認します。',
      },
      'remedy-exception': {
        en: 'On the host, enable the "Key Management Service" firewall exception.',
        ja: 'ホストで「キー管理サービス」のファイアウォールの例外を有効にします。',
      },
      'remedy-resolve': { en: 'Check the client resolves the name it uses: {cmd}', ja: 'クライアントが使用する名前を解決できることを確認します: {cmd}' },
      'remedy-retry': { en: 'Retry from the client: {cmd}', ja: 'クライアントから再試行します: {cmd}' },
    },
  },
  check({ view, fleet, options }, m) {
    const evidence: EvidenceRef[] = [];
    const hosts = new Set<string>();
    // A request the client got a 12289 for did reach a host; only unanswered ones can be "never seen".
    for (const { exchange: x, host, span } of requestsNoHostSaw(fleet, view.machine, view.recentExchanges(), options.skewHours)) {
      hosts.add(host.name);
      const log = hostLog(fleet, host.key);
      evidence.push(evidenceOf(x.request));
      const nearest = nearestHostEntry(fleet, host.key, x.at)!;
      evidence.push(
        evidenceOf(
          nearest,
          m('evidence', {
            host: host.name,
            n: count(log.length),
            first: time(span.first),
            last: time(span.last),
            hours: options.skewHours,
            at: time(x.at),
            cmid: x.request.cmid,
            client: view.name,
            nearest: nearest.clientName,
            nearestAt: time(nearest.time),
          }),
        ),
      );
    }
    if (!evidence.length) return [];
    return [
      {
        detail: m('detail', { hosts: cappedList([...hosts].slice(0, LIST_EXAMPLES), hosts.size) }),
        evidence,
        remedy: [
          m('remedy-port'),
          m('remedy-exception'),
          m('remedy-resolve', { cmd: CMD.srvLookup() }),
          m('remedy-retry', { cmd: CMD.ato }),
        ],
      },
    ];
  },
});
