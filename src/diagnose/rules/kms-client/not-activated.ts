// Table 2 row 2: the KMS client is not activated.
import { evidenceOf } from '../../evidence-refs.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { list } from '../../../messages/index.js';
import { KMS_CLIENT_FAILURES } from '../../failure-causes.js';

export default defineRule({
  meta: {
    id: 'kms-client/not-activated',
    severity: 'error',
    description: 'A KMS client product (VOLUME_KMSCLIENT / Volume:GVLK) is in a state other than Licensed, per slmgr, 8230 or the license state field of 12288.',
    kb: ['procedure/read-slmgr-dli-dlv', 'event/12288', 'event/8230'],
    facts: ['license', 'kms-request', 'kms-response', 'license-state-data'],
    seed: 'Table 2 row 2',
    consequenceOf: [...KMS_CLIENT_FAILURES],
    messages: {
      title: { en: 'KMS client is not activated', ja: 'KMS クライアントがライセンス認証されていない' },
      detail: {
        en: 'The KMS client is in state {states}, not Licensed. Walk Table 2: is the host count at the threshold, does 12289 report result 0, are the KMS host and port right, is the host reachable on TCP 1688, and did the host log a 12290 for this client?',
        ja: 'KMS クライアントの状態は {states} で、Licensed ではありません。表 2 に沿って確認します: ホストのカウントはしきい値に達しているか、12289 の結果は 0 か、KMS ホストとポートは正しいか、TCP 1688 でホストに到達できるか、ホストはこのクライアントの 12290 を記録したか。',
      },
      'remedy-confirm': { en: 'Confirm the state on the machine: {cmd}', ja: 'コンピューター上で状態を確認します: {cmd}' },
      'remedy-fix': {
        en: 'Fix whatever the failing walk step names (threshold, host, port, DNS, firewall on TCP 1688).',
        ja: '失敗している確認項目が示す問題 (しきい値、ホスト、ポート、DNS、TCP 1688 のファイアウォール) を修正します。',
      },
      'remedy-ato': {
        en: 'Then activate at once instead of waiting for the 2-hour retry: {cmd}',
        ja: 'その後、2 時間ごとの再試行を待たずにすぐライセンス認証を実行します: {cmd}',
      },
    },
  },
  check({ view }, m) {
    const bad = view.states('kms-client').filter((r) => r.state !== 'Licensed');
    if (!bad.length) return [];
    const states = list([...new Set(bad.map((r) => r.state))]);
    return [
      {
        detail: m('detail', { states }),
        evidence: bad.map((r) => evidenceOf(r.fact)),
        remedy: [
          m('remedy-confirm', { cmd: CMD.dli }),
          m('remedy-fix'),
          m('remedy-ato', { cmd: CMD.ato }),
        ],
      },
    ];
  },
});
