// Notification section: a KMS host that is not activated itself refuses its clients.
import { evidenceOf, mergeEvidence } from '../../evidence.js';
import { hostLog } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';

export default defineRule(
  {
    id: 'kms-host/not-activated',
    severity: 'error',
    title: "The KMS host's own key is not activated",
    description: "The host's KMS product (VOLUME_KMS*, Volume:CSVLK) is not Licensed, or the host answers clients with 0xC004F041: clients get errors until the host is activated.",
    kb: ['code/0xC004F041', 'procedure/read-slmgr-dli-dlv'],
    facts: ['license', 'license-state-data', 'kms-host-request'],
    seed: 'notification section',
  },
  ({ view, fleet }) => {
    const evidence = view
      .states('kms-host')
      .filter((r) => r.state !== 'Licensed')
      .map((r) => evidenceOf(r.fact));
    const refused = hostLog(fleet, view.key).filter((e) => e.result === '0xC004F041');
    if (refused.length) mergeEvidence(evidence, [evidenceOf(refused[refused.length - 1], `${refused.length} 12290 answered 0xC004F041 (host not activated); last: ${evidenceOf(refused[refused.length - 1]).summary}`)]);
    if (!evidence.length) return [];
    return [
      {
        detail: 'A KMS host must activate its own host key (CSVLK) with Microsoft before it activates anyone else.',
        evidence,
        remedy: [`Activate the host online: ${CMD.ato}`, 'If the host has no Internet access, activate by phone (slui.exe 4).', `Check: ${CMD.dlv}`],
      },
    ];
  },
);
