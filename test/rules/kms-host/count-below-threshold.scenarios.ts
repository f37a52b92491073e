// kms-host/count-below-threshold: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-host--count-below-threshold).
import { ACT, CMID, KMS_HOST_2019, at, ev12290, folder, host, kmsLog, slmgrText, wevtutilXml, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-host/count-below-threshold',
  fires: folder(
    {
      'kms01/slmgr-dlv.txt': slmgrText('ja', [KMS_HOST_2019({ kmsHost: { count: 12 } })], true),
      'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001, [{ time: at(9, 12, 7, 6), client: host('client01'), cmid: CMID.client01, result: '0xC004F038' }])),
    },
    { findings: [{ rule: 'kms-host/count-below-threshold', machine: 'kms01', evidence: [{ file: 'kms01/slmgr-dlv.txt', line: 1 }] }] },
  ),
  // Only servers ask (required count 5), and 12 is enough for them.
  quiet: folder(
    {
      'kms01/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019({ kmsHost: { count: 12 } })], true),
      'kms01/KeyManagementService.xml': wevtutilXml(
        [at(8, 0), at(9, 0), at(10, 0)].map((t, i) => ev12290(host('kms01'), t, 30001 + i, { client: host(`srv-app0${i + 1}`), cmid: CMID.pc(40 + i), need: 5, activationId: ACT.server2019Datacenter })),
      ),
    },
    { absent: ['kms-host/count-below-threshold'] },
  ),
} satisfies RuleScenarios;
