// License state; SCCM reports 02A/02B: volume activation close to its 180-day end means renewals fail.
import { evidenceOf, summarizeFact } from '../../evidence-refs.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { DAY, MINUTE } from '../../../evidence/time.js';
import { time } from '../../../messages/index.js';
import { KMS_CLIENT_FAILURES } from '../../failure-causes.js';

export default defineRule({
  meta: {
    id: 'kms-client/activation-expiring',
    severity: 'warning',
    description: 'A Licensed KMS client has less than 30 days of its 180-day activation left (an error under 7 days). Renewals run every 7 days, so this means renewals have been failing.',
    kb: ['procedure/read-slmgr-dli-dlv', 'event/12288'],
    facts: ['license', 'kms-request', 'kms-response'],
    seed: 'license state; SCCM 02A/02B',
    consequenceOf: [...KMS_CLIENT_FAILURES],
    usesClock: true,
    messages: {
      title: { en: 'Volume activation expires soon', ja: 'ボリューム ライセンス認証の有効期間がまもなく終わる' },
      'title-expired': { en: 'Volume activation has expired', ja: 'ボリューム ライセンス認証の有効期間が終了した' },
      'title-days': {
        en: 'Volume activation expires in {days|# day|# days}',
        ja: 'ボリューム ライセンス認証の有効期間はあと {days} 日で終わる',
      },
      'detail-ends': {
        en: 'The activation ends around {when}. A client renews every 7 days; this little time left means its renewals have not reached a KMS host for weeks.',
        ja: 'ライセンス認証の有効期間は {when} ごろに終わります。クライアントは 7 日ごとに更新するため、残りがこれだけ少ないのは、何週間も更新が KMS ホストに届いていないことを意味します。',
      },
      'detail-ended': {
        en: 'The activation ended around {when}. A client renews every 7 days; this little time left means its renewals have not reached a KMS host for weeks.',
        ja: 'ライセンス認証の有効期間は {when} ごろに終わりました。クライアントは 7 日ごとに更新するため、何週間も更新が KMS ホストに届いていなかったことになります。',
      },
      evidence: { en: '{summary}; {minutes|# minute|# minutes} left at {at}', ja: '{summary}。{at} の時点で残り {minutes} 分' },
      'remedy-renew': { en: 'Renew now and read the error if it fails: {cmd}', ja: '今すぐ更新し、失敗したらエラーを確認します: {cmd}' },
      'remedy-check': { en: 'Check the expiry after: {cmd}', ja: 'その後、有効期限を確認します: {cmd}' },
      'remedy-walk': { en: 'Follow the KMS client walk for the failing step.', ja: 'KMS クライアントのトラブルシューティング手順で、失敗している確認項目をたどります。' },
    },
  },
  check({ view, options, now }, m) {
    const hits = [];
    for (const r of view.states('kms-client')) {
      if (r.state !== 'Licensed' || r.minutes === undefined) continue;
      const left = r.minutes * MINUTE - (now - r.at);
      if (left > options.expiryWarningDays * DAY) continue;
      const days = Math.floor(left / DAY);
      const when = time(now + left);
      hits.push({
        title: left <= 0 ? m('title-expired') : m('title-days', { days }),
        severity: left <= options.expiryErrorDays * DAY ? ('error' as const) : ('warning' as const),
        detail: m(left <= 0 ? 'detail-ended' : 'detail-ends', { when }),
        evidence: [evidenceOf(r.fact, m('evidence', { summary: summarizeFact(r.fact), minutes: r.minutes, at: time(r.at) }))],
        remedy: [
          m('remedy-renew', { cmd: CMD.ato }),
          m('remedy-check', { cmd: CMD.xpr }),
          m('remedy-walk'),
        ],
      });
    }
    return hits;
  },
});
