// Table 3 row 4: slmgr /ato returned an error code no other rule explains.
import { CMD } from '../../remedies.js';
import { codeArticles, distinctCodes, codesDetail, sightingEvidence, unownedSightings } from '../../rule-helpers.js';
import { codeSteps, sluiSteps } from '../../code-steps.js';
import { defineRule } from '../../rule.js';
import { list, msg } from '../../../messages/index.js';

export default defineRule({
  meta: {
    id: 'mak/ato-error',
    severity: 'error',
    description: '`slmgr /ato` (or 8198/8200) on a MAK or non-KMS machine printed an error code that no more specific rule explains.',
    kb: ['procedure/explain-error-code', 'event/8198'],
    facts: ['license', 'slmgr-error', 'online-activation-failure'],
    seed: 'Table 3 row 4',
    messages: {
      title: { en: 'Activation returned an error code', ja: 'ライセンス認証がエラー コードを返した' },
      'title-codes': { en: 'Activation returned {codes}', ja: 'ライセンス認証が {codes} を返した' },
    },
  },
  check({ view }, m) {
    const sightings = unownedSightings(view, 'mak');
    if (!sightings.length) return [];
    const codes = distinctCodes(sightings);
    return [
      {
        title: m('title-codes', { codes: list(codes) }),
        detail: codesDetail(codes),
        evidence: sightingEvidence(sightings),
        remedy: [...sluiSteps(codes, sightings), ...codeSteps(codes), msg('common.after-fix', { cmd: CMD.ato })],
        kb: codeArticles(codes),
      },
    ];
  },
});
