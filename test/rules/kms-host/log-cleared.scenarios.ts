// kms-host/log-cleared: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-host--log-cleared).
import { at, ev104, eventViewerXml, folder, host, kmsLog, wevtutilXml, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-host/log-cleared',
  fires: folder(
    {
      'kms01/System.xml': eventViewerXml([ev104(host('kms01'), at(5, 58), 88120, 'Key Management Service')]),
      'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 1)),
    },
    { findings: [{ rule: 'kms-host/log-cleared', machine: 'kms01', evidence: [{ file: 'kms01/System.xml', record: 88120, eventId: 104 }] }] },
  ),
  quiet: folder(
    {
      'kms01/System.xml': eventViewerXml([ev104(host('kms01'), at(5, 58), 88120, 'Application')]),
      'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001)),
    },
    { absent: ['kms-host/log-cleared'] },
  ),
} satisfies RuleScenarios;
