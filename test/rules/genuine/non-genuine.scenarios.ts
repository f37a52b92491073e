// genuine/non-genuine: a fleet where it fires, and one where it must stay quiet (fixtures/rules/genuine--non-genuine).
import { at, ev12305, ev8209, eventViewerXml, folder, fq, wevtutilXml, type RuleScenarios } from '../kit.js';

export default {
  rule: 'genuine/non-genuine',
  fires: folder({ 'client01/Application.xml': eventViewerXml([ev8209(fq('client01'), at(7, 40), 5201, '0xC004C4A2')]) }, {
    findings: [{ rule: 'genuine/non-genuine', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5201, eventId: 8209 }] }],
  }),
  quiet: folder(
    { 'client01/Application.xml': wevtutilXml([ev8209(fq('client01'), at(7, 40, 5), 5201, '0xC004C4A2'), ev12305(fq('client01'), at(9, 2), 5240)]) },
    { absent: ['genuine/non-genuine'] },
  ),
} satisfies RuleScenarios;
