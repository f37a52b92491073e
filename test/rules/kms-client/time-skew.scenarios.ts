// kms-client/time-skew: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-client--time-skew).
import { CMID, at, ev12288, ev12289, eventViewerXml, folder, fq, healthyClientFleet, host, kmsLog, wevtutilXml, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-client/time-skew',
  fires: folder(
    {
      'client01/Application.xml': eventViewerXml([
        ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240, clientTime: '2024/03/07 04:07' }),
        ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004F06C', count: 0, clientTime: '2024/03/07 04:07' }),
      ]),
      'kms01/KeyManagementService.xml': wevtutilXml(
        kmsLog('kms01', at(6, 0), at(11, 0), 30001, [{ time: at(9, 12, 7, 5), client: host('client01'), cmid: CMID.client01, result: '0xC004F06C', clientTime: '2024/3/7 4:07' }]),
      ),
    },
    {
      findings: [{ rule: 'kms-client/time-skew', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5102 }, { file: 'kms01/KeyManagementService.xml', eventId: 12290 }] }],
      absent: ['kms-client/request-failed'],
    },
  ),
  quiet: healthyClientFleet(['kms-client/time-skew']),
} satisfies RuleScenarios;
