// Table 2 row 2: the SRV record sends clients to a port the KMS host does not listen on.
import { evidenceOf } from '../../evidence-refs.js';
import { hostMachine, listeningPort } from '../../../evidence/fleet-queries.js';
import { portChecksFor, srvTargets } from '../../network-queries.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import { semicolonList, type MessageRef } from '../../../messages/index.js';

export default defineRule({
  meta: {
    id: 'dns/srv-port-mismatch',
    severity: 'warning',
    description: 'A _vlmcs._tcp SRV record gives a port other than the one the host listens on (slmgr /dlv "Listening on Port"), or only another port of the host accepts connections.',
    kb: ['procedure/check-srv-record', 'kms-client/host-mismatch', 'procedure/read-slmgr-dli-dlv'],
    facts: ['dns-srv-lookup'],
    seed: 'Table 2 row 2',
    messages: {
      title: { en: 'SRV record port differs from the port the KMS host listens on', ja: 'SRV リソース レコードのポートが KMS ホストの待ち受けポートと違う' },
      listens: { en: '{target}: SRV port {port}, host listens on {listen}', ja: '{target}: SRV のポート {port}、ホストの待ち受けポート {listen}' },
      'listening-evidence': { en: '{host}: Listening on Port {port}', ja: '{host}: 待ち受けポート {port}' },
      'other-port': {
        en: '{target}: SRV port {port} fails, port {open} accepts connections',
        ja: '{target}: SRV のポート {port} には接続できず、ポート {open} は接続を受け付けます',
      },
      detail: {
        en: '{problems}. Clients that find the host through DNS connect to the SRV port and fail.',
        ja: '{problems}。DNS でホストを見つけたクライアントは SRV のポートに接続して失敗します。',
      },
      'remedy-agree': {
        en: "Make the record and the host agree: edit the SRV record's port in DNS, or set the host's port with {cmd} and restart the Software Protection service.",
        ja: 'レコードとホストを一致させます: DNS で SRV リソース レコードのポートを直すか、ホストで {cmd} でポートを設定してソフトウェア ライセンス サービスを再起動します。',
      },
      'remedy-publish': {
        en: 'A host that publishes its own record (12294) updates it when the service restarts; a record created by hand must be edited by hand.',
        ja: '自身でレコードを発行するホスト (12294) はサービスの再起動時にレコードを更新しますが、手動で作成したレコードは手動で直す必要があります。',
      },
      'remedy-firewall': {
        en: "Open the chosen port in the host's firewall (slmgr /sprt does not do it).",
        ja: '選んだポートをホストのファイアウォールで開きます (slmgr /sprt はこれを行いません)。',
      },
    },
  },
  check({ view, fleet }, m) {
    const evidence: EvidenceRef[] = [];
    const wrong: MessageRef[] = [];
    for (const { lookup, record } of srvTargets(view)) {
      const host = hostMachine(fleet, record.target);
      if (host?.roles.includes('kms-host')) {
        const listen = listeningPort(host);
        if (listen.stated && listen.port !== record.port) {
          wrong.push(m('listens', { target: record.target, port: record.port, listen: listen.port }));
          evidence.push(evidenceOf(lookup));
          if (listen.statedBy) evidence.push(evidenceOf(listen.statedBy, m('listening-evidence', { host: host.name, port: listen.port })));
          continue;
        }
      }
      const checks = portChecksFor(view, record.target, record.addresses);
      const failedOnSrvPort = checks.find((c) => c.port === record.port && c.outcome !== 'open');
      const openElsewhere = checks.find((c) => c.port !== record.port && c.outcome === 'open');
      if (failedOnSrvPort && openElsewhere) {
        wrong.push(m('other-port', { target: record.target, port: record.port, open: openElsewhere.port }));
        evidence.push(evidenceOf(lookup), evidenceOf(failedOnSrvPort), evidenceOf(openElsewhere));
      }
    }
    if (!wrong.length) return [];
    return [
      {
        detail: m('detail', { problems: semicolonList(wrong) }),
        evidence,
        remedy: [m('remedy-agree', { cmd: 'slmgr.vbs /sprt <port>' }), m('remedy-publish'), m('remedy-firewall')],
      },
    ];
  },
});
