// kms-host/service-failed: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-host--service-failed).
import { at, ev12291, eventViewerXml, folder, host, kmsLog, wevtutilXml, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-host/service-failed',
  fires: folder(
    {
      'kms01/Application.xml': eventViewerXml([ev12291(host('kms01'), at(8, 2), 7001, '0xC004F015')]),
      'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(4, 0), at(7, 0), 30001)),
    },
    { findings: [{ rule: 'kms-host/service-failed', machine: 'kms01', evidence: [{ file: 'kms01/Application.xml', record: 7001, eventId: 12291 }] }] },
  ),
  quiet: folder(
    {
      'kms01/Application.xml': eventViewerXml([ev12291(host('kms01'), at(5, 2), 7001, '0xC004F015')]),
      'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001)),
    },
    { absent: ['kms-host/service-failed'] },
  ),
} satisfies RuleScenarios;
