// OEM section: volume activation on OEM hardware needs the Windows marker in the BIOS (ACPI_SLIC).
import { evidenceOf, mergeEvidence } from '../../evidence-refs.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import { msg } from '../../../messages/index.js';

const NOT_WINDOWS_SLP = 'NOT_WINDOWS_SLP';

export default defineRule({
  meta: {
    id: 'oem/missing-bios-marker',
    severity: 'error',
    description: 'Status flag 0x08000000 (NOT_WINDOWS_SLP) in 12288/12289, event 1058 (ACPI key install failed), or 0xC004F035 on an OEM-licensed machine.',
    kb: ['code/0xC004F035', 'event/1058', 'kms-client/invalid-volume-key'],
    facts: ['kms-request', 'kms-response', 'service-info', 'license'],
    seed: 'OEM section',
    messages: {
      title: { en: 'BIOS lacks the Windows marker needed for volume activation', ja: 'ボリューム ライセンス認証に必要な Windows マーカーが BIOS にない' },
      detail: {
        en: 'KMS activation of a volume-licensed upgrade needs a qualifying Windows licence, shown by the Windows marker in the firmware (ACPI_SLIC table). This machine does not have it, so KMS refuses it (0xC004F035).',
        ja: 'ボリューム ライセンスのアップグレードを KMS でライセンス認証するには、ファームウェアの Windows マーカー (ACPI_SLIC テーブル) で示される対象の Windows ライセンスが必要です。このコンピューターにはそれがないため、KMS は拒否します (0xC004F035)。',
      },
      'remedy-licence': {
        en: 'Check the licence: volume licensing here is an upgrade of a qualifying OEM Windows licence.',
        ja: 'ライセンスを確認します。この場合のボリューム ライセンスは、対象となる OEM の Windows ライセンスのアップグレードです。',
      },
      'remedy-key': {
        en: 'If the machine is entitled otherwise, use a MAK or a retail key: {ipk}, then {ato}',
        ja: 'ほかの形でライセンスがある場合は、MAK または販売キーを使用します: {ipk} の後に {ato}',
      },
      'remedy-firmware': {
        en: 'If the OEM licence should be there, ask the OEM for a firmware update that restores the marker.',
        ja: 'OEM ライセンスがあるはずなら、マーカーを復元するファームウェアの更新を OEM に依頼します。',
      },
    },
  },
  check({ view }, m) {
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
        detail: m('detail'),
        evidence,
        remedy: [
          m('remedy-licence'),
          m('remedy-key', { ipk: msg('common.ipk', { key: msg('common.mak-or-retail-key') }), ato: CMD.ato }),
          m('remedy-firmware'),
        ],
      },
    ];
  },
});
