// kms-client/activation-expiring: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-client--activation-expiring).
import { CMID, KMS_CLIENT_WIN10, folder, host, slmgrText, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-client/activation-expiring',
  fires: folder(
    { 'client01/slmgr-dli.txt': slmgrText('en', [KMS_CLIENT_WIN10({ volumeExpiryMinutes: 14400, kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })]) },
    { findings: [{ rule: 'kms-client/activation-expiring', machine: 'client01', severity: 'warning', evidence: [{ file: 'client01/slmgr-dli.txt', line: 4 }] }] },
  ),
  quiet: folder(
    { 'client01/slmgr-dli.txt': slmgrText('ja', [KMS_CLIENT_WIN10({ volumeExpiryMinutes: 254880, kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })]) },
    { absent: ['kms-client/activation-expiring'] },
  ),
} satisfies RuleScenarios;
