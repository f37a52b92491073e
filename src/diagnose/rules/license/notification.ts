// UX section: the machine is in Notification or non-genuine grace — the user sees it.
import type { LicenseStatusName } from '../../../decode/index.js';
import { evidenceOf } from '../../evidence-refs.js';
import { currentStates } from '../../../evidence/machine-view/index.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { command, list, NONE } from '../../../messages/index.js';
import { ACTIVATION_FAILURES, KMS_CLIENT_FAILURES } from '../../failure-causes.js';

const SHOWN: readonly LicenseStatusName[] = ['Notification', 'NonGenuineGrace'];

export default defineRule({
  meta: {
    id: 'license/notification',
    severity: 'error',
    description: 'A product is in the Notification or NonGenuineGrace state (slmgr, 8230, or 12288 license state): users see activation reminders and a black desktop.',
    kb: ['procedure/read-slmgr-dli-dlv', 'event/8230', 'genuine/non-genuine'],
    facts: ['license', 'license-state-data', 'kms-request'],
    seed: 'UX section',
    consequenceOf: ['kms-client/not-activated', ...KMS_CLIENT_FAILURES, ...ACTIVATION_FAILURES],
    messages: {
      title: { en: 'Windows is in notification mode', ja: 'Windows が通知モードになっている' },
      detail: {
        en: 'State {states}{reason}: the desktop turns black and reminders appear until the machine is activated{genuine}.',
        ja: '状態 {states}{reason}: ライセンス認証{genuine}されるまで、デスクトップの背景が黒くなり、通知が表示されます。',
      },
      reason: { en: ' (notification reason {reason})', ja: ' (通知の理由 {reason})' },
      genuine: { en: ' and validated as genuine', ja: 'と正規品の確認が' },
      'remedy-walk': {
        en: 'Find out why activation fails (the KMS or MAK walk), fix it, then activate: {cmd}',
        ja: 'ライセンス認証が失敗する理由を (KMS または MAK の手順で) 調べて修正し、ライセンス認証します: {cmd}',
      },
      'remedy-genuine': {
        en: 'For non-genuine grace, follow the non-genuine recovery steps first.',
        ja: '正規品ではない状態の猶予期間では、まず正規品ではない状態からの回復手順に従います。',
      },
    },
  },
  check({ view }, m) {
    const shown = currentStates(view).filter((r) => SHOWN.includes(r.state));
    if (!shown.length) return [];
    const reason = shown.map((r) => (r.fact.kind === 'license' ? r.fact.notificationReason : undefined)).find((x) => x);
    return [
      {
        detail: m('detail', {
          states: list([...new Set(shown.map((r) => r.state))]),
          reason: reason ? m('reason', { reason }) : NONE,
          genuine: shown.some((r) => r.state === 'NonGenuineGrace') ? m('genuine') : NONE,
        }),
        evidence: shown.map((r) => evidenceOf(r.fact)),
        remedy: [
          m('remedy-walk', { cmd: CMD.ato }),
          ...(reason ? [command(CMD.slui(reason))] : []),
          m('remedy-genuine'),
        ],
      },
    ];
  },
});
