// Table 2 row 6: the _vlmcs._tcp SRV lookup itself (nslookup, Resolve-DnsName, volact probe) found no record.
import { evidenceOf } from '../../evidence.js';
import { failedLookups, usesRegisteredHost } from '../../network-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { list, msg, semicolonList } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'dns/srv-missing',
    severity: 'error',
    description: 'The SRV lookup for _vlmcs._tcp.<domain> gave no record (NXDOMAIN, "can\'t find", an empty answer, or no answer at all) on a machine that relies on DNS discovery.',
    kb: ['procedure/check-srv-record', 'procedure/publish-srv-record', 'kms-client/dns-lookup-failed', 'kms-host/dns-publish-failed'],
    facts: ['dns-srv-lookup'],
    seed: 'Table 2 row 6',
  },
  ({ view }) => {
    const failed = failedLookups(view);
    // A client set to a host by hand (slmgr /skms) does not look the record up: nothing is broken for it.
    if (!failed.length || usesRegisteredHost(view)) return [];
    const domains = [...new Set(failed.map((l) => l.domain).filter((d): d is string => d !== undefined))];
    const reasons = [...new Set(failed.map((l) => l.outcome))].map((o) => msg(`dns/srv-missing.why.${o}`));
    const domain = domains[0];
    return [
      {
        detail: msg('dns/srv-missing.detail', {
          names: domains.length ? list(domains.map((d) => `_vlmcs._tcp.${d}`)) : '_vlmcs._tcp',
          reasons: semicolonList(reasons),
        }),
        evidence: failed.map((l) => evidenceOf(l)),
        remedy: [
          msg('dns/srv-missing.remedy-host', { record: `_vlmcs._tcp.${domain ?? '<domain>'} SRV 0 0 1688 <kms-host FQDN>` }),
          msg('dns/srv-missing.remedy-check', { cmd: CMD.srvLookup(domain) }),
          msg('dns/srv-missing.remedy-domain'),
          msg('dns/srv-missing.remedy-workaround', { cmd: CMD.skms() }),
        ],
      },
    ];
  },
);
