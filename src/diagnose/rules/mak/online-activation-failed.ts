// Table 3 row 2: Internet activation fails — ports and proxy.
import { CMD } from '../../remedies.js';
import { codeArticles, distinctCodes, explainCodes, ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { msg } from '../../../messages/index.js';

export const ID = 'mak/online-activation-failed';

export default defineRule(
  {
    id: ID,
    severity: 'error',
    description: '8198/8200 or slmgr /ato show a network error (0x80072EE7, 0x80072EFD, 0x80072F8F, 0x8007274C …): the machine cannot reach the activation servers.',
    kb: ['event/8198', 'event/8200', 'procedure/vamt-proxy-activation', 'procedure/activation-alternate-url'],
    facts: ['online-activation-failure', 'license', 'slmgr-error'],
    seed: 'Table 3 row 2',
  },
  ({ view }) => {
    const sightings = ownedSightings(view, ID, 'mak');
    if (!sightings.length) return [];
    const codes = distinctCodes(sightings);
    return [
      {
        detail: msg('mak/online-activation-failed.detail', { codes: explainCodes(codes) }),
        evidence: sightingEvidence(sightings),
        remedy: [msg('mak/online-activation-failed.remedy-ports'), msg('common.retry', { cmd: CMD.ato }), msg('mak/online-activation-failed.remedy-offline')],
        kb: codeArticles(codes),
      },
    ];
  },
);
