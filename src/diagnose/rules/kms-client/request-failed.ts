// Table 2 rows 2 and 4: the KMS request or response carries an error no more specific rule explains.
import { CMD } from '../../remedies.js';
import { codeArticles, distinctCodes, codesDetail, sightingEvidence, unownedSightings } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { list, msg } from '../../../messages/index.js';
import { KMS_CLIENT_FAILURES } from '../../failure-causes.js';

export default defineRule({
  meta: {
    id: 'kms-client/request-failed',
    severity: 'error',
    description: 'A 12288/12289 result (or slmgr, 8198, 8233 on a KMS client) is an error code that no more specific rule explains; the finding names each code and its meaning.',
    kb: ['event/12288', 'event/12289', 'procedure/explain-error-code'],
    facts: ['kms-request', 'kms-response', 'license', 'slmgr-error', 'service-info', 'online-activation-failure'],
    seed: 'Table 2 rows 2, 4',
    consequenceOf: KMS_CLIENT_FAILURES.filter((id) => id !== 'kms-client/request-failed' && id !== 'kms-client/not-seen-by-host'),
    messages: {
      title: { en: 'KMS activation request failed', ja: 'KMS ライセンス認証の要求が失敗した' },
      'title-codes': { en: 'KMS activation failed with {codes}', ja: 'KMS ライセンス認証が {codes} で失敗した' },
      'remedy-check': {
        en: 'Check the KMS host named in 12288, its reachability on TCP 1688 and its 12290 log for this client.',
        ja: '12288 に記録された KMS ホスト、TCP 1688 での到達性、そのホストでのこのクライアントの 12290 を確認します。',
      },
    },
  },
  check({ view }, m) {
    const sightings = unownedSightings(view, 'kms');
    if (!sightings.length) return [];
    const codes = distinctCodes(sightings);
    return [
      {
        title: m('title-codes', { codes: list(codes) }),
        detail: codesDetail(codes),
        evidence: sightingEvidence(sightings),
        remedy: [
          ...codes.map((c) => msg('common.slui', { cmd: CMD.slui(c) })),
          m('remedy-check'),
          msg('common.after-fix', { cmd: CMD.ato }),
        ],
        kb: codeArticles(codes),
      },
    ];
  },
});
