// kms-client/no-response: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-client--no-response).
import { CMID, at, ev12288, eventViewerXml, folder, fq, healthyClientFleet, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-client/no-response',
  fires: folder(
    {
      'client01/Application.xml': eventViewerXml([
        ev12288(fq('client01'), at(7, 10), 5101, { cmid: CMID.client01, state: 2, minutes: 30240 }),
        ev12288(fq('client01'), at(9, 10), 5102, { cmid: CMID.client01, state: 2, minutes: 30120 }),
      ]),
    },
    {
      findings: [
        {
          rule: 'kms-client/no-response',
          machine: 'client01',
          evidence: [{ file: 'client01/Application.xml', record: 5101 }, { file: 'client01/Application.xml', record: 5102 }],
          // The step names the log that would settle it, and how to export it from the host the client asked.
          remedyIncludes: ['Key Management Service log of kms01.corp.contoso.com', 'wevtutil epl "Key Management Service" kms01-kms.evtx'],
        },
      ],
    },
  ),
  quiet: healthyClientFleet(['kms-client/no-response']),
} satisfies RuleScenarios;
