// kms-client/invalid-volume-key: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-client--invalid-volume-key).
import { ACT, CMID, at, ev12288, ev12289, eventViewerXml, folder, fq, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-client/invalid-volume-key',
  fires: folder(
    {
      'client01/Application.xml': eventViewerXml([
        ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240, activationId: ACT.win7Enterprise }),
        ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004F035', count: 50 }),
      ]),
    },
    { findings: [{ rule: 'kms-client/invalid-volume-key', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5102 }] }], absent: ['kms-client/request-failed', 'oem/missing-bios-marker'] },
  ),
  // With the NOT_WINDOWS_SLP flag the OEM rule is the more specific one.
  quiet: folder(
    {
      'client01/Application.xml': eventViewerXml([
        ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240, activationId: ACT.win7Enterprise }),
        ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004F035', flags: '0x08000008', count: 50 }),
      ]),
    },
    { findings: [{ rule: 'oem/missing-bios-marker', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5102 }] }], absent: ['kms-client/invalid-volume-key'] },
  ),
} satisfies RuleScenarios;
