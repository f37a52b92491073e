// Table 3 row 3: the key is blocked by Microsoft.
import { CMD } from '../../remedies.js';
import { ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';

export const ID = 'mak/key-blocked';

export default defineRule(
  {
    id: ID,
    severity: 'error',
    title: 'Product key is blocked (0xC004C003)',
    description: 'Activation returned 0xC004C003: the activation server has blocked this key. A new key is needed.',
    kb: ['code/0xC004C003', 'genuine/non-genuine'],
    facts: ['online-activation-failure', 'license', 'slmgr-error'],
    seed: 'Table 3 row 3',
  },
  ({ view }) => {
    const sightings = ownedSightings(view, ID, 'mak');
    if (!sightings.length) return [];
    return [
      {
        detail: 'Microsoft has blocked this product key (for example because it leaked); no machine can activate with it any more.',
        evidence: sightingEvidence(sightings),
        remedy: ['Get a new MAK from the volume licensing service centre.', CMD.ipk('<new MAK>'), CMD.ato],
      },
    ];
  },
);
