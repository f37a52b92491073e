// mak/activated: a fleet where it fires, and one where it must stay quiet (fixtures/rules/mak--activated).
import { MAK_WIN10, folder, slmgrText, type RuleScenarios } from '../kit.js';

export default {
  rule: 'mak/activated',
  fires: folder({ 'mak01/slmgr-dlv.txt': slmgrText('en', [MAK_WIN10()], true) }, {
    findings: [{ rule: 'mak/activated', machine: 'mak01', severity: 'info', evidence: [{ file: 'mak01/slmgr-dlv.txt', line: 6 }] }],
  }),
  quiet: folder({ 'mak01/slmgr-dlv.txt': slmgrText('en', [MAK_WIN10({ status: 'Notification', notificationReason: '0xC004F009 (grace time expired)' })], true) }, { absent: ['mak/activated'] }),
} satisfies RuleScenarios;
