// kms-client/host-mismatch: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-client--host-mismatch).
import { CMID, KMS_HOST_2019, at, ev12288, eventViewerXml, folder, fq, healthyClientFleet, kmsLog, slmgrText, wevtutilXml, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-client/host-mismatch',
  fires: folder(
    {
      'client01/Application.xml': eventViewerXml([
        ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, host: 'kms-old.corp.contoso.com:1688', state: 2, minutes: 30240 }),
      ]),
      'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001)),
      'kms01/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019()], true),
    },
    { findings: [{ rule: 'kms-client/host-mismatch', machine: 'client01', severity: 'warning', evidence: [{ file: 'client01/Application.xml', record: 5101 }], remedyIncludes: ['slmgr.vbs /skms kms01'] }] },
  ),
  quiet: healthyClientFleet(['kms-client/host-mismatch']),
} satisfies RuleScenarios;
