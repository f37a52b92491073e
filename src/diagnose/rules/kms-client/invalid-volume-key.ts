// Table 2 row 3: 0xC004F035 — the volume key cannot activate this machine.
import { CMD } from '../../remedies.js';
import { ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';

export const ID = 'kms-client/invalid-volume-key';

export default defineRule(
  {
    id: ID,
    severity: 'error',
    title: 'Invalid volume license key (0xC004F035)',
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
        detail: 'Windows reports the error as a product key problem, but the usual cause is that the machine is not entitled to volume activation: KMS needs a qualifying Windows licence shown by the BIOS marker (ACPI_SLIC). Use a MAK or a retail key instead.',
        evidence: sightingEvidence(sightings),
        remedy: [CMD.ipk('<MAK or retail product key>'), CMD.ato, CMD.slui('0xC004F035')],
      },
    ];
  },
);
