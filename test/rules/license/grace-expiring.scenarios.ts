// license/grace-expiring: a fleet where it fires, and one where it must stay quiet (fixtures/rules/license--grace-expiring).
import { MAK_WIN10, folder, slmgrText, type RuleScenarios } from '../kit.js';

export default {
  rule: 'license/grace-expiring',
  fires: folder({ 'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 4320 })]) }, {
    findings: [{ rule: 'license/grace-expiring', machine: 'mak01', severity: 'warning', evidence: [{ file: 'mak01/slmgr-dli.txt', line: 4 }] }],
  }),
  quiet: folder({ 'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 20160 })]) }, { absent: ['license/grace-expiring'] }),
} satisfies RuleScenarios;
