// kms-client/not-activated: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-client--not-activated).
import { CMID, KMS_CLIENT_WIN10, folder, healthyClientFleet, host, slmgrText, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-client/not-activated',
  fires: folder(
    { 'client01/slmgr-dli.txt': slmgrText('ja', [KMS_CLIENT_WIN10({ status: '最初の猶予期間', kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })]) },
    { findings: [{ rule: 'kms-client/not-activated', machine: 'client01', severity: 'error', evidence: [{ file: 'client01/slmgr-dli.txt', line: 1 }], remedyIncludes: ['slmgr.vbs /ato'] }], absent: ['kms-client/activated'] },
  ),
  quiet: healthyClientFleet(['kms-client/not-activated']),
} satisfies RuleScenarios;
