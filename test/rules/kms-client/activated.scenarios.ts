// kms-client/activated: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-client--activated).
import { CMID, KMS_CLIENT_WIN10, eventViewerXml, folder, healthyClientEvents, host, slmgrText, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-client/activated',
  fires: folder(
    {
      'client01/Application.xml': eventViewerXml(healthyClientEvents('client01', CMID.client01, 5101)),
      'client01/slmgr-dli.txt': slmgrText('en', [KMS_CLIENT_WIN10({ volumeExpiryMinutes: 259170, kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })]),
    },
    { findings: [{ rule: 'kms-client/activated', machine: 'client01', severity: 'info', evidence: [{ file: 'client01/slmgr-dli.txt', line: 4 }] }], absent: ['kms-client/not-activated'] },
  ),
  quiet: folder(
    { 'client01/slmgr-dli.txt': slmgrText('ja', [KMS_CLIENT_WIN10({ status: '通知', kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })]) },
    { absent: ['kms-client/activated'], findings: [{ rule: 'kms-client/not-activated', machine: 'client01', evidence: [{ file: 'client01/slmgr-dli.txt', line: 1 }] }] },
  ),
} satisfies RuleScenarios;
