// kms-client/not-seen-by-host: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-client--not-seen-by-host).
import { CMID, at, ev12288, eventViewerXml, folder, fq, host, kmsLog, wevtutilXml, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-client/not-seen-by-host',
  fires: folder(
    {
      'client01/Application.xml': eventViewerXml([ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, result: '0xC004F074', state: 2, minutes: 30240 })]),
      'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001)),
    },
    { findings: [{ rule: 'kms-client/not-seen-by-host', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5101 }, { file: 'kms01/KeyManagementService.xml', eventId: 12290 }] }] },
  ),
  quiet: folder(
    {
      'client01/Application.xml': eventViewerXml([ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, result: '0xC004F074', state: 2, minutes: 30240 })]),
      'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001, [{ time: at(9, 12, 7, 6), client: host('client01'), cmid: CMID.client01, result: '0xC004F038' }])),
    },
    { absent: ['kms-client/not-seen-by-host'] },
  ),
} satisfies RuleScenarios;
