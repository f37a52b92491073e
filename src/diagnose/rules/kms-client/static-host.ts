// Failover section: a KMS host set by hand gets no automatic failover.
import { evidenceOf } from '../../evidence-refs.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { list } from '../../../messages/index.js';

const hostPort = (host: string | undefined, port: number | undefined): string => `${host ?? '?'}${port ? `:${port}` : ''}`;

export default defineRule({
  meta: {
    id: 'kms-client/static-host',
    severity: 'info',
    description: 'slmgr shows a "Registered KMS machine name" (set with slmgr /skms) instead of a name from DNS, or a pasted slmgr /skms run set one: if that host fails, the client will not pick another one.',
    kb: ['procedure/kms-host-failover', 'procedure/read-slmgr-dli-dlv'],
    facts: ['license', 'kms-host-set'],
    seed: 'failover section',
    messages: {
      title: { en: 'KMS host is set by hand (no failover)', ja: 'KMS ホストが手動で設定されている (フェールオーバーしない)' },
      detail: {
        en: 'The client always uses {names}. With auto-discovery it would move to another host from DNS when this one stops answering.',
        ja: 'クライアントは常に {names} を使用します。自動探索であれば、このホストが応答しなくなったときに DNS から別のホストへフェールオーバーします。',
      },
      evidence: { en: 'slmgr: registered KMS machine name {name}', ja: 'slmgr: 登録された KMS コンピューター名 {name}' },
      'remedy-ckms': { en: 'Return to DNS auto-discovery: {cmd}', ja: 'DNS による自動探索に戻します: {cmd}' },
      'remedy-skms': {
        en: 'Or, if the fixed host is intended, update it when hosts change: {cmd}',
        ja: '固定のホストが意図したものであれば、ホストが変わったときに更新します: {cmd}',
      },
    },
  },
  check({ view }, m) {
    const fixed = view.licenses('kms-client').filter((l) => l.kmsClient?.kmsNameSource === 'registered');
    // "Key Management Service machine name set to … successfully." in a pasted console window.
    const set = view.facts('kms-host-set');
    if (!fixed.length && !set.length) return [];
    const names = [...new Set([...fixed.map((l) => hostPort(l.kmsClient?.kmsName, l.kmsClient?.kmsPort)), ...set.map((f) => hostPort(f.host, f.port))])];
    return [
      {
        detail: m('detail', { names: list(names) }),
        evidence: [...fixed.map((l) => evidenceOf(l, m('evidence', { name: hostPort(l.kmsClient?.kmsName, l.kmsClient?.kmsPort) }))), ...set.map((f) => evidenceOf(f))],
        remedy: [m('remedy-ckms', { cmd: CMD.ckms }), m('remedy-skms', { cmd: CMD.skms() })],
      },
    ];
  },
});
