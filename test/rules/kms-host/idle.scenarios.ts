// kms-host/idle: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-host--idle).
import { at, folder, kmsLog, wevtutilXml, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-host/idle',
  fires: folder({ 'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(0, 0), at(2, 0), 30001)) }, {
    findings: [{ rule: 'kms-host/idle', machine: 'kms01', severity: 'warning', evidence: [{ file: 'kms01/KeyManagementService.xml', record: 30004 }] }],
  }),
  quiet: folder({ 'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001)) }, { absent: ['kms-host/idle'] }),
} satisfies RuleScenarios;
