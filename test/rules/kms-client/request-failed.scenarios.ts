// kms-client/request-failed: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-client--request-failed).
import { CMID, at, ev12288, ev12289, eventViewerXml, folder, fq, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-client/request-failed',
  fires: folder(
    {
      'client01/Application.xml': eventViewerXml([
        ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240 }),
        ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004F042', count: 50 }),
      ]),
    },
    { findings: [{ rule: 'kms-client/request-failed', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5102 }], remedyIncludes: ['slui.exe 0x2a 0xC004F042'] }] },
  ),
  // 0xC004F038 is the count rule's, never also request-failed.
  quiet: folder(
    {
      'client01/Application.xml': eventViewerXml([
        ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240 }),
        ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004F038', flags: '0x04000000', count: 12 }),
      ]),
    },
    { findings: [{ rule: 'kms-client/count-below-threshold', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5102 }] }], absent: ['kms-client/request-failed'] },
  ),
} satisfies RuleScenarios;
