// Table 3 row 3: the key has used up its activations.
import { CMD } from '../../remedies.js';
import { codeArticles, distinctCodes, explainCode, ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';

export const ID = 'mak/activation-limit';

export default defineRule(
  {
    id: ID,
    severity: 'error',
    title: 'Product key has no activations left',
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
        detail: `${codes.map(explainCode).join(' ')} Online activation will keep failing until more activations are granted.`,
        evidence: sightingEvidence(sightings),
        remedy: [
          'Activate by phone (slui.exe 4); if that fails too, call the Microsoft activation centre with the volume licence agreement details and proof of purchase.',
          'Ask for more activations on the key through the volume licensing service centre.',
          `Then: ${CMD.ato}`,
        ],
        kb: codeArticles(codes),
      },
    ];
  },
);
