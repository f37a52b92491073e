// license/notification: a fleet where it fires, and one where it must stay quiet (fixtures/rules/license--notification).
import { at, ev8230, folder, fq, wevtutilXml, type RuleScenarios } from '../kit.js';

export default {
  rule: 'license/notification',
  fires: folder(
    { 'client01/Application.xml': wevtutilXml([ev8230(fq('client01'), at(9, 30), 5301, { state: 'SL_LICENSING_STATUS_NOTIFICATION', keyType: 'Volume:GVLK', partialKey: '2YT43', reason: '0xC004F056' })]) },
    { findings: [{ rule: 'license/notification', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5301, eventId: 8230 }] }] },
  ),
  quiet: folder(
    { 'client01/Application.xml': wevtutilXml([ev8230(fq('client01'), at(9, 30), 5301, { state: 'SL_LICENSING_STATUS_LICENSED', keyType: 'Volume:GVLK', partialKey: '2YT43' })]) },
    { absent: ['license/notification'] },
  ),
} satisfies RuleScenarios;
