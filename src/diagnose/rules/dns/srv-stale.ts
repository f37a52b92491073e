// Failover section: an SRV record still names a machine that is no KMS host (retired, rebuilt, or the
// name no longer resolves). Clients try it first and wait for the timeout before trying the next record.
import { evidenceOf, summarizeFact } from '../../evidence-refs.js';
import { hostMachine } from '../../../evidence/fleet-queries.js';
import { portChecksFor, srvTargets } from '../../network-queries.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import { list, semicolonList, type MessageRef } from '../../../messages/index.js';

export default defineRule({
  meta: {
    id: 'dns/srv-stale',
    severity: 'warning',
    description: 'A _vlmcs._tcp SRV target is in the snapshot but is not a KMS host, does not resolve, or refuses connections on its port: the record is left over and should be removed.',
    kb: ['procedure/kms-host-failover', 'procedure/check-srv-record', 'kms-host/failed-host-referenced'],
    facts: ['dns-srv-lookup'],
    seed: 'failover section',
    messages: {
      title: { en: 'An SRV record names a machine that is not a KMS host', ja: 'SRV リソース レコードが KMS ホストではないコンピューターを指している' },
      'no-role': { en: '{machine} is in the snapshot and shows no KMS host role', ja: '{machine} はスナップショットにありますが、KMS ホストの役割がありません' },
      'no-role-evidence': {
        en: '{machine}: {summary} (no KMS host product or Key Management Service log)',
        ja: '{machine}: {summary} (KMS ホストの製品も "Key Management Service" ログもない)',
      },
      refuses: { en: 'it refuses connections on port {port} (nothing listens there)', ja: 'ポート {port} への接続を拒否します (待ち受けているものがありません)' },
      unresolved: { en: 'its name no longer resolves', ja: 'その名前はもう解決できません' },
      target: { en: '{target}:{port} ({why})', ja: '{target}:{port} ({why})' },
      detail: {
        en: 'The SRV set names {stale}. Clients that pick this record first wait for it to fail before trying another host.',
        ja: 'SRV リソース レコードは {stale} を示しています。このレコードを最初に選んだクライアントは、失敗を待ってから別のホストを試します。',
      },
      'remedy-delete': {
        en: 'Delete the stale _vlmcs._tcp SRV record in DNS Manager (or dnscmd /recorddelete), and check DNS scavenging is on for the zone.',
        ja: '古い _vlmcs._tcp の SRV リソース レコードを DNS マネージャー (または dnscmd /recorddelete) で削除し、ゾーンで DNS の清掃が有効か確認します。',
      },
      'remedy-host': {
        en: 'If the machine should still be a KMS host, install and activate the KMS host key on it, and make sure the Software Protection service runs and listens on the port.',
        ja: 'そのコンピューターを引き続き KMS ホストにする場合は、KMS ホスト キーをインストールしてライセンス認証し、ソフトウェア ライセンス サービスが動作してポートで待ち受けていることを確認します。',
      },
      'remedy-clients': {
        en: 'Clients that cached the stale host fail over on their next renewal attempt; slmgr.vbs /ato forces it.',
        ja: '古いホストをキャッシュしたクライアントは次の更新時にフェールオーバーします。slmgr.vbs /ato ですぐに行えます。',
      },
    },
  },
  check({ view, fleet }, m) {
    const evidence: EvidenceRef[] = [];
    const stale: MessageRef[] = [];
    for (const { lookup, record } of srvTargets(view)) {
      const why: MessageRef[] = [];
      const proof: EvidenceRef[] = [];
      const machine = hostMachine(fleet, record.target);
      if (machine && machine.key !== view.key && machine.facts.length && !machine.roles.includes('kms-host')) {
        why.push(m('no-role', { machine: machine.name }));
        proof.push(evidenceOf(machine.facts[0]!, m('no-role-evidence', { machine: machine.name, summary: summarizeFact(machine.facts[0]!) })));
      }
      for (const check of portChecksFor(view, record.target, record.addresses)) {
        if (check.outcome === 'refused' && check.port === record.port) {
          why.push(m('refuses', { port: record.port }));
          proof.push(evidenceOf(check));
        } else if (check.outcome === 'name-not-resolved') {
          why.push(m('unresolved'));
          proof.push(evidenceOf(check));
        }
      }
      if (!why.length) continue;
      stale.push(m('target', { target: record.target, port: record.port, why: semicolonList(why) }));
      evidence.push(evidenceOf(lookup));
      for (const p of proof) evidence.push(p);
    }
    if (!stale.length) return [];
    return [
      {
        detail: m('detail', { stale: list(stale) }),
        evidence,
        remedy: [m('remedy-delete'), m('remedy-host'), m('remedy-clients')],
      },
    ];
  },
});
