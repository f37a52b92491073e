// mak/ato-error: a fleet where it fires, and one where it must stay quiet (fixtures/rules/mak--ato-error).
import { MAK_WIN10, folder, slmgrAtoFailed, slmgrText, type RuleScenarios } from '../kit.js';

export default {
  rule: 'mak/ato-error',
  fires: folder(
    {
      'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 30240 })]),
      'mak01/slmgr-ato.txt': slmgrAtoFailed('Windows(R), Professional edition', '2de67392-b7a7-462a-b1ca-108dd189f588', '0xC004F050', 'The Software Licensing Service reported that the product key is invalid.'),
    },
    { findings: [{ rule: 'mak/ato-error', machine: 'mak01', evidence: [{ file: 'mak01/slmgr-ato.txt' }], remedyIncludes: ['slui.exe 0x2a 0xC004F050'] }] },
  ),
  quiet: folder(
    {
      'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 30240 })]),
      'mak01/slmgr-ato.txt': slmgrAtoFailed('Windows(R), Professional edition', '2de67392-b7a7-462a-b1ca-108dd189f588', '0xC004C003', 'The activation server determined the specified product key is blocked.'),
    },
    { findings: [{ rule: 'mak/key-blocked', machine: 'mak01', evidence: [{ file: 'mak01/slmgr-ato.txt' }] }], absent: ['mak/ato-error'] },
  ),
} satisfies RuleScenarios;
