// OEM section: volume activation on OEM hardware needs the Windows marker in the BIOS (ACPI_SLIC).
import { evidenceOf, mergeEvidence } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import { msg } from '../../../messages/index.js';

const NOT_WINDOWS_SLP = 'NOT_WINDOWS_SLP';

export default defineRule(
  {
    id: 'oem/missing-bios-marker',
    severity: 'error',
    description: 'Status flag 0x08000000 (NOT_WINDOWS_SLP) in 12288/12289, event 1058 (ACPI key install failed), or 0xC004F035 on an OEM-licensed machine.',
    kb: ['code/0xC004F035', 'event/1058', 'kms-client/invalid-volume-key'],
    facts: ['kms-request', 'kms-response', 'service-info', 'license'],
    seed: 'OEM section',
  },
  ({ view }) => {
    const evidence: EvidenceRef[] = [];
    for (const x of view.unresolvedExchanges()) {
      for (const f of [x.request, x.response]) if (f?.flags.includes(NOT_WINDOWS_SLP)) evidence.push(evidenceOf(f));
    }
    for (const f of view.facts('service-info')) if (f.what === 'acpi-key-install-failed') evidence.push(evidenceOf(f));
    const oemLicence = view.licenses().find((l) => /^OEM/.test(l.channel));
    if (oemLicence) {
      const f035 = view.codeSightings().filter((s) => !s.resolved && s.code === '0xC004F035');
      if (f035.length) mergeEvidence(evidence, [evidenceOf(oemLicence), ...f035.map((s) => evidenceOf(s.fact))]);
    }
    if (!evidence.length) return [];
    return [
      {
        detail: msg('oem/missing-bios-marker.detail'),
        evidence,
        remedy: [
          msg('oem/missing-bios-marker.remedy-licence'),
          msg('oem/missing-bios-marker.remedy-key', { ipk: msg('common.ipk', { key: msg('common.mak-or-retail-key') }), ato: CMD.ato }),
          msg('oem/missing-bios-marker.remedy-firmware'),
        ],
      },
    ];
  },
);
