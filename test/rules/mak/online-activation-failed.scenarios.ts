// mak/online-activation-failed: a fleet where it fires, and one where it must stay quiet (fixtures/rules/mak--online-activation-failed).
import { MAK_WIN10, at, ev8198, ev8200, eventViewerXml, folder, slmgrText, type RuleScenarios } from '../kit.js';

export default {
  rule: 'mak/online-activation-failed',
  fires: folder(
    {
      'mak01/Application.xml': eventViewerXml([ev8198('MAK01.corp.contoso.com', at(8, 30), 4101, '0x80072EE7'), ev8200('MAK01.corp.contoso.com', at(8, 30, 7, 6), 4102, '0x80072EE7')]),
      'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 30240 })]),
    },
    {
      findings: [{ rule: 'mak/online-activation-failed', machine: 'mak01', evidence: [{ file: 'mak01/Application.xml', record: 4101, eventId: 8198 }, { file: 'mak01/Application.xml', record: 4102 }] }],
      absent: ['mak/ato-error'],
    },
  ),
  // The failure was before slmgr showed the MAK Licensed: history.
  quiet: folder(
    {
      'mak01/Application.xml': eventViewerXml([ev8198('MAK01.corp.contoso.com', at(8, 30), 4101, '0x80072EE7')]),
      'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10()]),
    },
    { absent: ['mak/online-activation-failed'] },
  ),
} satisfies RuleScenarios;
