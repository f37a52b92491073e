// Table 2 row 6: the _vlmcs._tcp SRV lookup itself (nslookup, Resolve-DnsName, volact probe) found no record.
import { evidenceOf } from '../../evidence.js';
import { failedLookups, usesRegisteredHost } from '../../network-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';

const WHY: Record<string, string> = {
  'name-error': 'the DNS server says the name does not exist (NXDOMAIN)',
  'no-records': 'the name exists but holds no SRV record',
  timeout: 'the DNS server did not answer in time, so no client can find a host this way either',
  'server-failure': 'the DNS server failed on the query (SERVFAIL)',
  refused: 'the DNS server refused the query',
  error: 'the lookup failed',
};

export default defineRule(
  {
    id: 'dns/srv-missing',
    severity: 'error',
    title: 'No _vlmcs._tcp SRV record: clients cannot find a KMS host',
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
    const reasons = [...new Set(failed.map((l) => WHY[l.outcome] ?? l.outcome))];
    const domain = domains[0];
    return [
      {
        detail: `The SRV lookup for _vlmcs._tcp${domains.length ? `.${domains.join(', _vlmcs._tcp.')}` : ''} found no KMS host: ${reasons.join('; ')}. Clients that use DNS discovery fail with 0x8007232B or similar until the record exists.`,
        evidence: failed.map((l) => evidenceOf(l)),
        remedy: [
          `On the KMS host, look for 12294 (published) or 12293 (publishing failed) in the Application log; with dynamic updates refused, create the record by hand: _vlmcs._tcp.${domain ?? '<domain>'} SRV 0 0 1688 <kms-host FQDN>.`,
          `Check from the client with ${CMD.srvLookup(domain)}, against the DNS server the client really uses.`,
          'If the record lives in another domain, add that domain to the client\'s suffix search list or use slmgr.vbs /skms-domain <domain>.',
          `Workaround while DNS is fixed: ${CMD.skms()}`,
        ],
      },
    ];
  },
);
