// Table 3 row 3: the key is blocked by Microsoft.
import { CMD } from '../../remedies.js';
import { ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { command, msg } from '../../../messages/index.js';

export const ID = 'mak/key-blocked';

export default defineRule(
  {
    id: ID,
    severity: 'error',
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
        detail: msg('mak/key-blocked.detail'),
        evidence: sightingEvidence(sightings),
        remedy: [msg('mak/key-blocked.remedy-new'), msg('common.ipk', { key: msg('common.new-mak') }), command(CMD.ato)],
      },
    ];
  },
);
