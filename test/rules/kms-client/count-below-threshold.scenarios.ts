// kms-client/count-below-threshold: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-client--count-below-threshold).
import { CMID, at, ev12288, ev12289, folder, fq, healthyClientFleet, wevtutilXml, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-client/count-below-threshold',
  fires: folder(
    {
      'client01/Application.xml': wevtutilXml([
        ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240 }),
        ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004F038', flags: '0x04000000', count: 12 }),
      ]),
    },
    {
      findings: [{ rule: 'kms-client/count-below-threshold', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5102, eventId: 12289 }, { file: 'client01/Application.xml', record: 5101 }] }],
      absent: ['kms-client/request-failed'],
    },
  ),
  quiet: healthyClientFleet(['kms-client/count-below-threshold']),
} satisfies RuleScenarios;
