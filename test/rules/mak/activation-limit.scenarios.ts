// mak/activation-limit: a fleet where it fires, and one where it must stay quiet (fixtures/rules/mak--activation-limit).
import { MAK_WIN10, folder, slmgrAtoFailed, slmgrText, type RuleScenarios } from '../kit.js';

export default {
  rule: 'mak/activation-limit',
  fires: folder(
    {
      'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 30240 })]),
      'mak01/slmgr-ato.txt': slmgrAtoFailed('Windows(R), Professional edition', '2de67392-b7a7-462a-b1ca-108dd189f588', '0xC004C008', 'The activation server determined that the specified product key could not be used.'),
    },
    { findings: [{ rule: 'mak/activation-limit', machine: 'mak01', evidence: [{ file: 'mak01/slmgr-ato.txt' }] }], absent: ['mak/ato-error'] },
  ),
  quiet: folder(
    {
      'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 30240 })]),
      'mak01/slmgr-ato.txt': slmgrAtoFailed('Windows(R), Professional edition', '2de67392-b7a7-462a-b1ca-108dd189f588', '0x80072EE7', 'The server name or address could not be resolved'),
    },
    { findings: [{ rule: 'mak/online-activation-failed', machine: 'mak01', evidence: [{ file: 'mak01/slmgr-ato.txt' }] }], absent: ['mak/activation-limit'] },
  ),
} satisfies RuleScenarios;
