// Failover section: clients still contact a host that has stopped logging requests.
import { evidenceOf, summarizeFact } from '../../evidence-refs.js';
import { hostLog, hostMachine } from '../../../evidence/fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { HOUR, toMs } from '../../../evidence/time.js';
import type { EvidenceRef } from '../../../types.js';
import { cappedList, LIST_EXAMPLES, time } from '../../../messages/index.js';
import type { Exchange, MachineView } from '../../../evidence/machine-view/index.js';
import type { Fleet } from '../../../evidence/index.js';

// Per run: each client's current requests, filed under the host they name, so each host reads only its own
// (a site can have thousands of hosts and of clients).
const asked = new WeakMap<ReadonlyMap<string, MachineView>, Map<string, Array<{ client: MachineView; x: Exchange }>>>();

function requestsTo(views: ReadonlyMap<string, MachineView>, fleet: Fleet, hostKey: string): Array<{ client: MachineView; x: Exchange }> {
  let byHost = asked.get(views);
  if (!byHost) {
    byHost = new Map();
    for (const client of views.values()) {
      for (const x of client.recentExchanges()) {
        const host = hostMachine(fleet, x.request.host)?.key;
        if (host === undefined) continue;
        const list = byHost.get(host);
        if (list) list.push({ client, x });
        else byHost.set(host, [{ client, x }]);
      }
    }
    asked.set(views, byHost);
  }
  return byHost.get(hostKey) ?? [];
}

export default defineRule({
  meta: {
    id: 'kms-host/failed-host-referenced',
    severity: 'warning',
    description: "Clients' 12288 name this host, but its Key Management Service log holds no 12290 from the time of those requests on: the host has failed or stopped serving, and clients need to move.",
    kb: ['procedure/kms-host-failover', 'event/12290', 'kms-client/static-host'],
    facts: ['kms-request', 'kms-host-request'],
    seed: 'failover section',
    consequenceOf: ['kms-host/service-failed'],
    messages: {
      title: { en: 'Clients still contact a host that logs no requests', ja: '要求を記録しなくなったホストにクライアントが接続し続けている' },
      'evidence-client': { en: '{client}: {summary}', ja: '{client}: {summary}' },
      'evidence-last': { en: 'last 12290 on {host} at {at}', ja: '{host} の最後の 12290 は {at}' },
      detail: {
        en: '{clients} sent requests to this host after its last 12290 ({last}). If the host has failed, install and activate a KMS host key on a replacement and make sure its SRV record is in DNS.',
        ja: '{clients} は、このホストの最後の 12290 ({last}) より後に要求を送っています。ホストが故障している場合は、代わりのホストに KMS ホスト キーをインストールしてライセンス認証し、その SRV リソース レコードが DNS にあることを確認します。',
      },
      'remedy-replace': {
        en: 'Bring the host back, or install the KMS host key on a new host and activate it; a replacement with the same name and IP can reuse the SRV record.',
        ja: 'ホストを復旧するか、新しいホストに KMS ホスト キーをインストールしてライセンス認証します。同じ名前と IP アドレスの代替ホストなら SRV リソース レコードをそのまま使えます。',
      },
      'remedy-srv': {
        en: "Remove the failed host's _vlmcs._tcp SRV record from DNS (or let scavenging do it).",
        ja: '故障したホストの _vlmcs._tcp SRV リソース レコードを DNS から削除します (または DNS の清掃機能に任せます)。',
      },
      'remedy-static': {
        en: 'Clients set by hand do not fail over: update them with {skms} or return them to auto-discovery with {ckms}.',
        ja: '手動で設定したクライアントはフェールオーバーしません: {skms} で更新するか、{ckms} で自動探索に戻します。',
      },
    },
  },
  check({ view, views, fleet, options }, m) {
    const log = hostLog(fleet, view.key);
    if (!log.length) return [];
    // A loop, not Math.max(...log): a busy host logs more 12290s than a call takes arguments.
    let lastLogged = -Infinity;
    for (const e of log) lastLogged = Math.max(lastLogged, toMs(e.time) ?? -Infinity);
    const evidence: EvidenceRef[] = [];
    const clients = new Set<string>();
    for (const { client: other, x } of requestsTo(views, fleet, view.key)) {
      if (other.key === view.key) continue;
      if (x.at - options.skewHours * HOUR <= lastLogged) continue;
      clients.add(other.name);
      evidence.push(evidenceOf(x.request, m('evidence-client', { client: other.name, summary: summarizeFact(x.request) })));
    }
    if (!evidence.length) return [];
    const last = log[log.length - 1];
    evidence.push(evidenceOf(last, m('evidence-last', { host: view.name, at: time(lastLogged) })));
    return [
      {
        detail: m('detail', { clients: cappedList([...clients].slice(0, LIST_EXAMPLES), clients.size), last: time(lastLogged) }),
        evidence,
        remedy: [
          m('remedy-replace'),
          m('remedy-srv'),
          m('remedy-static', { skms: CMD.skms(), ckms: CMD.ckms }),
        ],
      },
    ];
  },
});
