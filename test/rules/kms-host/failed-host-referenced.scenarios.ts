// kms-host/failed-host-referenced: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-host--failed-host-referenced).
import { CMID, at, ev12288, eventViewerXml, folder, fq, healthyClientFleet, kmsLog, wevtutilXml, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-host/failed-host-referenced',
  fires: folder(
    {
      'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0, 5), at(11, 0, 5), 30001)),
      'client01/Application.xml': eventViewerXml([ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, result: '0xC004F074', state: 1, minutes: 20160 })]),
      'client02/Application.xml': wevtutilXml([ev12288(fq('client02'), at(10, 40), 6101, { cmid: CMID.client02, result: '0xC004F074', state: 1, minutes: 30160 })]),
    },
    {
      findings: [{ rule: 'kms-host/failed-host-referenced', machine: 'kms01', evidence: [{ file: 'client01/Application.xml', record: 5101 }, { file: 'client02/Application.xml', record: 6101 }] }],
    },
  ),
  quiet: healthyClientFleet(['kms-host/failed-host-referenced']),
} satisfies RuleScenarios;
