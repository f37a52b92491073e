// Table 2 row 3: 0xC004F035 — the volume key cannot activate this machine.
import { CMD } from '../../remedies.js';
import { ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { command, msg } from '../../../messages/index.js';

export const ID = 'kms-client/invalid-volume-key';

export default defineRule({
  meta: {
    id: ID,
    severity: 'error',
    description: 'The client reports 0xC004F035: with the right edition and its setup key installed, this means the firmware lacks the Windows marker a volume upgrade licence needs, so KMS cannot activate it.',
    kb: ['code/0xC004F035', 'oem/missing-bios-marker'],
    facts: ['kms-request', 'kms-response', 'license', 'slmgr-error', 'service-info'],
    seed: 'Table 2 row 3; OEM section',
    supersededBy: ['oem/missing-bios-marker'],
    messages: {
      title: { en: 'Invalid volume license key (0xC004F035)', ja: 'ボリューム ライセンス キーが無効 (0xC004F035)' },
      detail: {
        en: 'Windows reports the error as a product key problem, but the usual cause is that the machine is not entitled to volume activation: KMS needs a qualifying Windows licence shown by the BIOS marker (ACPI_SLIC). Use a MAK or a retail key instead.',
        ja: 'Windows はプロダクト キーの問題として報告しますが、通常の原因はこのコンピューターにボリューム ライセンス認証の資格がないことです。KMS には、BIOS のマーカー (ACPI_SLIC) で示される対象の Windows ライセンスが必要です。代わりに MAK または販売キーを使用します。',
      },
    },
  },
  check({ view }, m) {
    const sightings = ownedSightings(view, ID, 'kms');
    if (!sightings.length) return [];
    return [
      {
        detail: m('detail'),
        evidence: sightingEvidence(sightings),
        remedy: [msg('common.ipk', { key: msg('common.mak-or-retail-key') }), command(CMD.ato), command(CMD.slui('0xC004F035'))],
      },
    ];
  },
});
