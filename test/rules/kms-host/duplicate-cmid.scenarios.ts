// kms-host/duplicate-cmid: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-host--duplicate-cmid).
import { CMID, at, folder, host, kmsLog, wevtutilXml, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-host/duplicate-cmid',
  fires: folder(
    {
      'kms01/KeyManagementService.xml': wevtutilXml(
        kmsLog('kms01', at(6, 0), at(11, 0), 30001, [
          { time: at(7, 3), client: host('lab-pc07'), cmid: CMID.clone, result: '0xC004F038' },
          { time: at(8, 21), client: host('lab-pc08'), cmid: CMID.clone, result: '0xC004F038' },
        ]),
      ),
    },
    { findings: [{ rule: 'kms-host/duplicate-cmid', machine: 'kms01', evidence: [{ file: 'kms01/KeyManagementService.xml', eventId: 12290 }], remedyIncludes: ['sysprep /generalize', 'slmgr.vbs /rearm'] }] },
  ),
  quiet: folder({ 'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001)) }, { absent: ['kms-host/duplicate-cmid'] }),
} satisfies RuleScenarios;
