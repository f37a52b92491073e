// Notification section: a KMS host that is not activated itself refuses its clients.
import { evidenceOf, mergeEvidence, summarizeFact } from '../../evidence.js';
import { hostLog } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { msg } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'kms-host/not-activated',
    severity: 'error',
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
    if (refused.length) {
      const last = refused[refused.length - 1];
      mergeEvidence(evidence, [evidenceOf(last, msg('kms-host/not-activated.evidence', { n: refused.length, summary: summarizeFact(last) }))]);
    }
    if (!evidence.length) return [];
    return [
      {
        detail: msg('kms-host/not-activated.detail'),
        evidence,
        remedy: [
          msg('kms-host/not-activated.remedy-online', { cmd: CMD.ato }),
          msg('kms-host/not-activated.remedy-phone'),
          msg('kms-host/not-activated.remedy-check', { cmd: CMD.dlv }),
        ],
      },
    ];
  },
);
