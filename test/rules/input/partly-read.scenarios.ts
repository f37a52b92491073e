// input/partly-read: a fleet where it fires, and one where it must stay quiet (fixtures/rules/input--partly-read).
// An Event Viewer XML export cut inside its last event (a paste or a copy that stopped early): the events before
// the cut are read and judged, the cut one is rejected with its line.
import { CMID, at, ev12288, ev12289, eventViewerXml, folder, fq, healthyClientFleet, type RuleScenarios } from '../kit.js';

function cutExport(): string {
  const xml = eventViewerXml([
    ev12288(fq('client01'), at(7, 12), 5101, { cmid: CMID.client01, state: 1, minutes: 184320 }),
    ev12289(fq('client01'), at(7, 12, 7, 5), 5102, { count: 50 }),
    ev12288(fq('client01'), at(9, 12), 5103, { cmid: CMID.client01, state: 1, minutes: 184200 }),
  ]);
  // Cut in the middle of the last event's EventData, as a truncated copy leaves it.
  return xml.slice(0, xml.lastIndexOf('<EventData>') + '<EventData><Data>0x0'.length);
}

export default {
  rule: 'input/partly-read',
  fires: folder(
    { 'client01/Application.xml': cutExport() },
    {
      findings: [{ rule: 'input/partly-read', machine: 'client01', severity: 'info', evidence: [{ file: 'client01/Application.xml', line: 8 }] }],
      absent: ['input/unreadable'],
    },
  ),
  quiet: healthyClientFleet(['input/partly-read', 'input/unreadable']),
} satisfies RuleScenarios;
