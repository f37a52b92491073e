// Table 2 rows 2 and 6: the client could not find a KMS host in DNS.
import { CMD } from '../../remedies.js';
import { codeArticles, distinctCodes, dnsDomainOf, explainCode, ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';

export const ID = 'kms-client/dns-lookup-failed';

export default defineRule(
  {
    id: ID,
    severity: 'error',
    title: 'Client found no KMS host in DNS (_vlmcs._tcp)',
    description: 'A KMS client reports a DNS error (0x8007232B, 0x8007232A, 0x8007267C, 0x8007251D, 0x8007007B …): the SRV lookup for _vlmcs._tcp in its domain gave no answer.',
    kb: ['procedure/check-srv-record', 'procedure/publish-srv-record', 'kms-host/dns-publish-failed'],
    facts: ['kms-request', 'kms-response', 'license', 'slmgr-error', 'service-info', 'online-activation-failure'],
    seed: 'Table 2 rows 2, 6',
  },
  ({ view }) => {
    const sightings = ownedSightings(view, ID, 'kms');
    if (!sightings.length) return [];
    const codes = distinctCodes(sightings);
    const domain = dnsDomainOf(view.name);
    return [
      {
        detail: `${codes.map(explainCode).join(' ')} Auto-discovery needs an _vlmcs._tcp SRV record in the client's DNS domain${domain ? ` (${domain})` : ''}.`,
        evidence: sightingEvidence(sightings),
        remedy: [
          `Look for the record from the client: ${CMD.srvLookup(domain)}`,
          "On the KMS host, check 12294 (published) or 12293 (publishing failed) in the Application log; create the SRV record by hand if dynamic DNS is not allowed.",
          'Check the client has a DNS server configured and the right primary DNS suffix.',
          `Workaround while DNS is fixed: ${CMD.skms()}`,
        ],
        kb: codeArticles(codes),
      },
    ];
  },
);
