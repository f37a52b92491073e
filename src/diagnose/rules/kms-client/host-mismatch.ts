// Table 2 row 2: is the KMS host name and port in the client's request right?
import { evidenceOf } from '../../evidence-refs.js';
import { hostMachine, kmsHosts, listeningPort } from '../../../evidence/fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import { cappedList, LIST_EXAMPLES, messageKey, msg, semicolonList, type MessageRef } from '../../../messages/index.js';
import type { Machine } from '../../../evidence/index.js';

export default defineRule({
  meta: {
    id: 'kms-client/host-mismatch',
    severity: 'warning',
    description: 'The host:port in 12288 names no KMS host among the machines of the snapshot, or its port differs from the port that host listens on.',
    kb: ['event/12288', 'kms-client/static-host', 'procedure/check-srv-record'],
    facts: ['kms-request', 'license'],
    seed: 'Table 2 row 2',
    consequenceOf: ['kms-client/host-is-self', 'dns/srv-stale'],
    messages: {
      title: {
        en: 'Client contacts a machine that is not a KMS host of the snapshot, or the wrong port',
        ja: 'クライアントの接続先がスナップショット内の KMS ホストではない、またはポートが違う',
      },
      'not-a-host': { en: "{host} is not one of the snapshot's KMS hosts ({hosts})", ja: '{host} はスナップショット内の KMS ホスト ({hosts}) のいずれでもありません' },
      'no-host-role': { en: '{host} is in the snapshot but shows no sign of being a KMS host', ja: '{host} はスナップショットにありますが、KMS ホストである形跡がありません' },
      'port-stated': {
        en: 'port {port} differs from the port {host} listens on ({listen}, per slmgr)',
        ja: 'ポート {port} は {host} の待ち受けポート ({listen}、slmgr による) と異なります',
      },
      'port-default': {
        en: 'port {port} differs from the port {host} listens on ({listen}, the default)',
        ja: 'ポート {port} は {host} の待ち受けポート ({listen}、既定値) と異なります',
      },
      detail: { en: '{problems}.', ja: '{problems}。' },
      'remedy-point': { en: 'Point the client at a working host: {cmd}', ja: 'クライアントの接続先を動作している KMS ホストにします: {cmd}' },
      'remedy-ckms': { en: 'Or return to DNS auto-discovery: {cmd}', ja: 'または DNS による自動探索に戻します: {cmd}' },
      'remedy-dns': { en: 'Check what DNS publishes: {cmd}', ja: 'DNS に発行されている内容を確認します: {cmd}' },
    },
  },
  check({ view, fleet }, m) {
    // The snapshot's other hosts: a few by name and a count (a site can have thousands, and every client asks).
    const all = kmsHosts(fleet);
    const others = all.length - (view.hasRole('kms-host') ? 1 : 0);
    if (others <= 0) return [];
    const hosts: Machine[] = [];
    for (const h of all) {
      if (h.key === view.key) continue;
      hosts.push(h);
      if (hosts.length === LIST_EXAMPLES) break;
    }
    const hostNames = cappedList(hosts.map((h) => h.name), others);
    const evidence: EvidenceRef[] = [];
    const problems = new Map<string, MessageRef>();
    const problem = (m: MessageRef): void => void problems.set(messageKey(m), m);
    for (const x of view.recentExchanges()) {
      const q = x.request;
      if (!q.host) continue;
      const target = hostMachine(fleet, q.host);
      if (!target) {
        // An IP we cannot map to a machine proves nothing either way.
        if (/^[\d.:[\]a-f]+$/i.test(q.host) && !/[g-z]/i.test(q.host)) continue;
        problem(m('not-a-host', { host: q.host, hosts: hostNames }));
        evidence.push(evidenceOf(q));
        continue;
      }
      if (!target.roles.includes('kms-host')) {
        problem(m('no-host-role', { host: q.host }));
        evidence.push(evidenceOf(q));
        continue;
      }
      const listen = listeningPort(target);
      if (q.port !== undefined && q.port !== listen.port) {
        problem(m(listen.stated ? 'port-stated' : 'port-default', { port: q.port, host: target.name, listen: listen.port }));
        evidence.push(evidenceOf(q));
      }
    }
    if (!evidence.length) return [];
    return [
      {
        detail: m('detail', { problems: semicolonList([...problems.values()]) }),
        evidence,
        remedy: [
          m('remedy-point', { cmd: CMD.skms(hosts[0].name, listeningPort(hosts[0]).port) }),
          m('remedy-ckms', { cmd: CMD.ckms }),
          m('remedy-dns', { cmd: CMD.srvLookup() }),
          msg('common.then', { cmd: CMD.ato }),
        ],
      },
    ];
  },
});
