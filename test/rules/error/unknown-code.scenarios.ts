// error/unknown-code: a fleet where it fires, and one where it must stay quiet (fixtures/rules/error--unknown-code).
import { CMID, at, ev12288, ev12289, eventViewerXml, folder, fq, type RuleScenarios } from '../kit.js';

export default {
  rule: 'error/unknown-code',
  fires: folder(
    {
      'client01/Application.xml': eventViewerXml([
        ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240 }),
        ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004FE77', count: 50 }),
      ]),
    },
    { findings: [{ rule: 'error/unknown-code', machine: 'client01', severity: 'info', evidence: [{ file: 'client01/Application.xml', record: 5102 }], remedyIncludes: ['slui.exe 0x2a 0xC004FE77'] }] },
  ),
  quiet: folder(
    {
      'client01/Application.xml': eventViewerXml([
        ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240 }),
        ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004F042', count: 50 }),
      ]),
    },
    { absent: ['error/unknown-code'] },
  ),
} satisfies RuleScenarios;
