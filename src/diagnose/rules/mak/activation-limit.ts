// Table 3 row 3: the key has used up its activations.
import { CMD } from '../../remedies.js';
import { codeArticles, distinctCodes, explainCodes, ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { msg } from '../../../messages/index.js';

export const ID = 'mak/activation-limit';

export default defineRule(
  {
    id: ID,
    severity: 'error',
    description: 'Activation returned 0xC004C008, 0xC004C020 or 0xC004C021: the MAK (or KMS host key) has reached its activation limit.',
    kb: ['code/0xC004C008', 'code/0xC004C020', 'procedure/vamt-proxy-activation'],
    facts: ['online-activation-failure', 'license', 'slmgr-error'],
    seed: 'Table 3 row 3',
  },
  ({ view }) => {
    const sightings = ownedSightings(view, ID, 'mak');
    if (!sightings.length) return [];
    const codes = distinctCodes(sightings);
    return [
      {
        detail: msg('mak/activation-limit.detail', { codes: explainCodes(codes) }),
        evidence: sightingEvidence(sightings),
        remedy: [msg('mak/activation-limit.remedy-phone'), msg('mak/activation-limit.remedy-more'), msg('common.then', { cmd: CMD.ato })],
        kb: codeArticles(codes),
      },
    ];
  },
);
