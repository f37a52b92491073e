// kms-host/not-activated: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-host--not-activated).
import { KMS_HOST_2019, folder, slmgrText, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-host/not-activated',
  fires: folder({ 'kms01/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019({ status: 'Initial grace period', graceMinutes: 20160, kmsHost: { count: 0 } })], true) }, {
    findings: [{ rule: 'kms-host/not-activated', machine: 'kms01', evidence: [{ file: 'kms01/slmgr-dlv.txt', line: 6 }], remedyIncludes: ['slmgr.vbs /ato'] }],
  }),
  quiet: folder({ 'kms01/slmgr-dlv.txt': slmgrText('ja', [KMS_HOST_2019()], true) }, { absent: ['kms-host/not-activated'] }),
} satisfies RuleScenarios;
