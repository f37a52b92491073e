// License state: out-of-box or out-of-tolerance grace ends soon.
import type { LicenseStatusName } from '../../../decode/index.js';
import { evidenceOf, summarizeFact } from '../../evidence-refs.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { DAY, MINUTE } from '../../../evidence/time.js';
import { currentStates } from '../../../evidence/machine-view/index.js';
import { time } from '../../../messages/index.js';
import { ACTIVATION_FAILURES, KMS_CLIENT_FAILURES } from '../../failure-causes.js';

const GRACE: readonly LicenseStatusName[] = ['OOBGrace', 'OOTGrace', 'ExtendedGrace'];

export default defineRule({
  meta: {
    id: 'license/grace-expiring',
    severity: 'warning',
    description: 'A product is in out-of-box or out-of-tolerance grace and its remaining grace time is under 7 days.',
    kb: ['procedure/read-slmgr-dli-dlv', 'event/8230'],
    facts: ['license', 'license-state-data', 'kms-request'],
    seed: 'license state',
    consequenceOf: ['kms-client/not-activated', ...KMS_CLIENT_FAILURES, ...ACTIVATION_FAILURES],
    usesClock: true,
    messages: {
      title: { en: 'Grace period ends soon', ja: '猶予期間がまもなく終わる' },
      'title-ended': { en: 'Grace period has ended', ja: '猶予期間が終了した' },
      'title-days': { en: 'Grace period ends in {days|# day|# days}', ja: '猶予期間はあと {days} 日で終わる' },
      'detail-ends': {
        en: '{state} ends around {when}; after that Windows goes into notification mode.',
        ja: '{state} は {when} ごろに終わります。その後 Windows は通知モードになります。',
      },
      'detail-ended': {
        en: '{state} ended around {when}; after that Windows goes into notification mode.',
        ja: '{state} は {when} ごろに終わりました。その後 Windows は通知モードになります。',
      },
      evidence: { en: '{summary}; {minutes|# minute|# minutes} of grace left at {at}', ja: '{summary}。{at} の時点で猶予期間の残り {minutes} 分' },
      'remedy-ato': { en: 'Activate now: {cmd}', ja: '今すぐライセンス認証します: {cmd}' },
      'remedy-rearm': {
        en: 'If activation cannot happen in time and rearms are left, {cmd} restarts the grace period.',
        ja: '期限までにライセンス認証できず、再初期化 (rearm) の回数が残っている場合は、{cmd} で猶予期間をやり直せます。',
      },
    },
  },
  check({ view, options, now }, m) {
    const hits = [];
    for (const r of currentStates(view)) {
      if (!GRACE.includes(r.state) || r.minutes === undefined) continue;
      const left = r.minutes * MINUTE - (now - r.at);
      if (left > options.graceWarningDays * DAY) continue;
      hits.push({
        title: left <= 0 ? m('title-ended') : m('title-days', { days: Math.max(0, Math.floor(left / DAY)) }),
        detail: m(left <= 0 ? 'detail-ended' : 'detail-ends', { state: r.state, when: time(now + left) }),
        evidence: [evidenceOf(r.fact, m('evidence', { summary: summarizeFact(r.fact), minutes: r.minutes, at: time(r.at) }))],
        remedy: [m('remedy-ato', { cmd: CMD.ato }), m('remedy-rearm', { cmd: CMD.rearm })],
      });
    }
    return hits;
  },
});
