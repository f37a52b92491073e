// mak/key-blocked: a fleet where it fires, and one where it must stay quiet (fixtures/rules/mak--key-blocked).
import { MAK_WIN10, folder, slmgrAtoFailed, slmgrText, type RuleScenarios } from '../kit.js';

export default {
  rule: 'mak/key-blocked',
  fires: folder(
    {
      'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 30240 })]),
      'mak01/slmgr-ato.txt': slmgrAtoFailed('Windows(R), Professional edition', '2de67392-b7a7-462a-b1ca-108dd189f588', '0xC004C003', 'The activation server determined the specified product key is blocked.'),
    },
    { findings: [{ rule: 'mak/key-blocked', machine: 'mak01', evidence: [{ file: 'mak01/slmgr-ato.txt' }], remedyIncludes: ['slmgr.vbs /ipk <new MAK>'] }], absent: ['mak/ato-error'] },
  ),
  quiet: folder(
    {
      'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 30240 })]),
      'mak01/slmgr-ato.txt': slmgrAtoFailed('Windows(R), Professional edition', '2de67392-b7a7-462a-b1ca-108dd189f588', '0xC004C008', 'The activation server determined that the specified product key could not be used.'),
    },
    { absent: ['mak/key-blocked'] },
  ),
} satisfies RuleScenarios;
