// MP alert (initialization failure): 12291 KMS failed to start, 12292 renewal timer failed.
import { evidenceOf } from '../../evidence-refs.js';
import { hostLog } from '../../../evidence/fleet-queries.js';
import { CMD } from '../../remedies.js';
import { codeArticles, explainCodes } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { toMs } from '../../../evidence/time.js';
import { sluiSteps } from '../../code-steps.js';

export default defineRule({
  meta: {
    id: 'kms-host/service-failed',
    severity: 'error',
    description: '12291 (KMS failed to start) or 12292 (renewal timer could not start), with no 12290 served afterwards.',
    kb: ['event/12291', 'event/12292'],
    facts: ['kms-service'],
    seed: 'MP alert (initialization failure)',
    messages: {
      title: { en: 'Key Management Service failed to start', ja: 'キー管理サービスの開始に失敗した' },
      'detail-start': {
        en: 'KMS failed to start; the host serves no clients until it starts. {codes}',
        ja: 'KMS の開始に失敗しました。開始するまでホストはどのクライアントにも応答しません。{codes}',
      },
      'detail-timer': {
        en: 'The KMS renewal timer could not be set up; the host serves no clients until it starts. {codes}',
        ja: 'KMS の更新タイマーを設定できませんでした。開始するまでホストはどのクライアントにも応答しません。{codes}',
      },
      'remedy-restart': {
        en: 'Restart the Software Protection service and check the Application log around the failure.',
        ja: 'ソフトウェア ライセンス サービスを再起動し、失敗の前後のアプリケーション イベント ログを確認します。',
      },
      'remedy-state': { en: "Check the host's state: {cmd}", ja: 'ホストの状態を確認します: {cmd}' },
    },
  },
  check({ view, fleet }, m) {
    // A loop, not Math.max(...times): a busy host logs more 12290s than a call takes arguments.
    let lastServed = -Infinity;
    for (const e of hostLog(fleet, view.key)) lastServed = Math.max(lastServed, toMs(e.time) ?? -Infinity);
    const failed = view.facts('kms-service').filter((f) => (f.event === 'start-failed' || f.event === 'renewal-timer-failed') && view.at(f) > lastServed);
    if (!failed.length) return [];
    const codes = [...new Set(failed.map((f) => f.result).filter((c): c is string => !!c))];
    return [
      {
        detail: m(failed.some((f) => f.event === 'start-failed') ? 'detail-start' : 'detail-timer', { codes: explainCodes(codes) }),
        evidence: failed.map((f) => evidenceOf(f)),
        remedy: [
          ...sluiSteps(codes),
          m('remedy-restart'),
          m('remedy-state', { cmd: CMD.dlv }),
        ],
        kb: codeArticles(codes),
      },
    ];
  },
});
