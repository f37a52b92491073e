// Table 2 rows 2 and 6: the client could not find a KMS host in DNS.
import { CMD } from '../../remedies.js';
import { codeArticles, distinctCodes, dnsDomainOf, explainCodes, ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { msg, NONE } from '../../../messages/index.js';

export const ID = 'kms-client/dns-lookup-failed';

export default defineRule(
  {
    id: ID,
    severity: 'error',
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
        detail: msg('kms-client/dns-lookup-failed.detail', {
          codes: explainCodes(codes),
          domain: domain ? msg('kms-client/dns-lookup-failed.domain', { domain }) : NONE,
        }),
        evidence: sightingEvidence(sightings),
        remedy: [
          msg('kms-client/dns-lookup-failed.remedy-lookup', { cmd: CMD.srvLookup(domain) }),
          msg('kms-client/dns-lookup-failed.remedy-host'),
          msg('kms-client/dns-lookup-failed.remedy-client'),
          msg('kms-client/dns-lookup-failed.remedy-workaround', { cmd: CMD.skms() }),
        ],
        kb: codeArticles(codes),
      },
    ];
  },
);
