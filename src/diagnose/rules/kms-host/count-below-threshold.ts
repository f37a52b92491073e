// Table 2 row 2; MP alert: the host's own count is below what its clients need.
import { hostCounts } from '../../host-count.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  meta: {
    id: 'kms-host/count-below-threshold',
    severity: 'error',
    description: "The host's current count (slmgr, or distinct CMIDs in 12290 over the last 30 days) is below 25 when any client asks with a required count of 25 (client OS), else below 5. Office is counted apart from Windows (its own KMS host product, the Office requests of 12290) and needs 5.",
    kb: ['kms-client/count-below-threshold', 'kms-host/duplicate-cmid', 'event/12290', 'procedure/read-slmgr-dli-dlv'],
    facts: ['kms-host-request', 'license'],
    seed: 'Table 2 row 2; MP alert',
    usesClock: true,
    messages: {
      title: { en: 'KMS host count is below what its clients need', ja: 'KMS ホストのカウントがクライアントに必要な数に達していない' },
      'title-count': { en: 'KMS host count {count} is below {need}', ja: 'KMS ホストのカウント {count} が {need} に達していない' },
      'detail-25': {
        en: 'The host has counted {count|# distinct client|# distinct clients}; Windows client editions need 25. Until then it answers 0xC004F038 and those clients stay unactivated.',
        ja: 'ホストがカウントした異なるクライアントは {count} 台です。Windows クライアント エディションには 25 が必要です。それまでホストは 0xC004F038 を返し、それらのクライアントはライセンス認証されないままです。',
      },
      'detail-5': {
        en: 'The host has counted {count|# distinct client|# distinct clients}; servers and Office need 5. Until then it answers 0xC004F038 and those clients stay unactivated.',
        ja: 'ホストがカウントした異なるクライアントは {count} 台です。サーバーと Office には 5 が必要です。それまでホストは 0xC004F038 を返し、それらのクライアントはライセンス認証されないままです。',
      },
      'title-count-office': { en: "KMS host's Office count {count} is below 5", ja: 'KMS ホストの Office のカウント {count} が 5 に達していない' },
      'detail-office': {
        en: 'The host has counted {count|# distinct Office client|# distinct Office clients}; Office volume editions need 5, counted apart from Windows. Until then it answers 0xC004F038 to Office and those products stay unactivated.',
        ja: 'ホストがカウントした異なる Office クライアントは {count} 台です。Office のボリューム ライセンス版には Windows とは別に数えて 5 が必要です。それまでホストは Office に 0xC004F038 を返し、それらの製品はライセンス認証されないままです。',
      },
      'remedy-more': {
        en: 'Let more distinct machines request activation; the count only includes unique CMIDs from the last 30 days.',
        ja: 'より多くの異なるコンピューターからライセンス認証を要求させます。カウントに含まれるのは過去 30 日間の固有の CMID だけです。',
      },
      'remedy-clones': {
        en: 'If clones share CMIDs, reset them ({rearm}, or {sysprep} on the image).',
        ja: '複製したコンピューターが CMID を共有している場合はリセットします ({rearm}、またはイメージで {sysprep})。',
      },
      'remedy-watch': { en: 'Watch "Current count" on the host: {cmd}', ja: 'ホストで「現在の数」を確認します: {cmd}' },
    },
  },
  check({ view, fleet, now }, m) {
    if (!view.hasRole('kms-host')) return [];
    // A short 12290 export only gives a lower bound; without the host's own 0xC004F038 it proves nothing.
    const short = hostCounts(view, fleet, now).filter((c) => c.conclusive && c.count < c.need);
    return short.map((c) => ({
      title: c.product === 'Office' ? m('title-count-office', { count: c.count }) : m('title-count', { count: c.count, need: c.need }),
      detail: c.product === 'Office' ? m('detail-office', { count: c.count }) : m(c.need === 25 ? 'detail-25' : 'detail-5', { count: c.count }),
      evidence: c.evidence,
      remedy: [
        m('remedy-more'),
        m('remedy-clones', { rearm: CMD.rearm, sysprep: CMD.sysprep }),
        m('remedy-watch', { cmd: CMD.dli }),
      ],
    }));
  },
});
