// input/stale-export: a fleet where it fires, and one where it must stay quiet (fixtures/rules/input--stale-export).
import { CMID, type EventSpec, ev12288, ev12289, folder, fq, wevtutilXml, type RuleScenarios } from '../kit.js';

/** wevtutil qe Application /f:xml of a client whose log ends 2023-05-31 07:12 UTC with a record of another provider. */
function staleClientLog(): EventSpec[] {
  const msi = (time: string, record: number): EventSpec => ({
    id: 1033, time, record, computer: fq('client01'), provider: 'MsiInstaller', qualifiers: 0, level: 4,
    data: ['Contoso Agent', '1.2.3', '1033', '0', 'Contoso', '(NULL)', ''],
    message: 'Windows Installer installed the product. Product Name: Contoso Agent. Product Version: 1.2.3. Product Language: 1033. Manufacturer: Contoso. Installation success or error status: 0.',
  });
  return [
    msi('2023-05-19T16:40:10Z', 5199),
    ev12288(fq('client01'), '2023-05-20T09:12:04Z', 5200, { cmid: CMID.client01, state: 1, minutes: 184320 }),
    ev12289(fq('client01'), '2023-05-20T09:12:05Z', 5201, { count: 50 }),
    msi('2023-05-24T11:02:45Z', 5202),
    msi('2023-05-31T07:12:33Z', 5203),
  ];
}

export default {
  // A client's Application log that ends 2023-05-31 07:12: its last activation events are older (2023-05-20);
  // the newest record is an MsiInstaller event volact does not decode, and it still marks the end.
  rule: 'input/stale-export',
  fires: folder({ 'client01/Application.xml': wevtutilXml(staleClientLog()) }, {
    now: '2024-11-20T00:00:00Z',
    findings: [{ rule: 'input/stale-export', machine: 'client01', severity: 'info', evidence: [{ file: 'client01/Application.xml', record: 5203 }] }],
  }),
  // --now three days after the MsiInstaller record (eleven after the last activation event): not stale.
  quiet: folder({ 'client01/Application.xml': wevtutilXml(staleClientLog()) }, { now: '2023-06-03T00:00:00Z', absent: ['input/stale-export'] }),
} satisfies RuleScenarios;
