// kms-client/static-host: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-client--static-host).
import { CMID, KMS_CLIENT_WIN10, folder, host, slmgrText, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-client/static-host',
  fires: folder(
    { 'client01/slmgr-dli.txt': slmgrText('en', [KMS_CLIENT_WIN10({ volumeExpiryMinutes: 254880, kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'registered' } })]) },
    { findings: [{ rule: 'kms-client/static-host', machine: 'client01', severity: 'info', evidence: [{ file: 'client01/slmgr-dli.txt', line: 4 }], remedyIncludes: ['slmgr.vbs /ckms'] }] },
  ),
  quiet: folder(
    { 'client01/slmgr-dli.txt': slmgrText('ja', [KMS_CLIENT_WIN10({ volumeExpiryMinutes: 254880, kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })]) },
    { absent: ['kms-client/static-host'], findings: [{ rule: 'kms-client/activated', machine: 'client01', evidence: [{ file: 'client01/slmgr-dli.txt', line: 1 }] }] },
  ),
} satisfies RuleScenarios;
