// Table 2 row 3: 0xC004F035 — the volume key cannot activate this machine.
import { CMD } from '../../remedies.js';
import { ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { command, msg } from '../../../messages/index.js';

export const ID = 'kms-client/invalid-volume-key';

export default defineRule(
  {
    id: ID,
    severity: 'error',
    description: 'The client reports 0xC004F035: with the right edition and its setup key installed, this means the firmware lacks the Windows marker a volume upgrade licence needs, so KMS cannot activate it.',
    kb: ['code/0xC004F035', 'oem/missing-bios-marker'],
    facts: ['kms-request', 'kms-response', 'license', 'slmgr-error', 'service-info'],
    seed: 'Table 2 row 3; OEM section',
    supersededBy: ['oem/missing-bios-marker'],
  },
  ({ view }) => {
    const sightings = ownedSightings(view, ID, 'kms');
    if (!sightings.length) return [];
    return [
      {
        detail: msg('kms-client/invalid-volume-key.detail'),
        evidence: sightingEvidence(sightings),
        remedy: [msg('common.ipk', { key: msg('common.mak-or-retail-key') }), command(CMD.ato), command(CMD.slui('0xC004F035'))],
      },
    ];
  },
);
