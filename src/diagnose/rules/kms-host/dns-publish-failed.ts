// Table 2 row 6: the KMS host cannot create its SRV record.
import { evidenceOf } from '../../evidence.js';
import { openPublishFailures } from '../../host-dns.js';
import { CMD } from '../../remedies.js';
import { codeArticles, explainCodes } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { command, list, msg } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'kms-host/dns-publish-failed',
    severity: 'error',
    description: '12293: publishing _vlmcs._tcp to DNS failed, with the HRESULT and the domain; no later 12294 for that domain.',
    kb: ['event/12293', 'event/12294', 'procedure/publish-srv-record', 'procedure/check-srv-record'],
    facts: ['kms-service'],
    seed: 'Table 2 row 6; MP alert',
    supersededBy: ['kms-host/srv-only-first-host'],
  },
  ({ view }) => {
    const open = openPublishFailures(view);
    if (!open.length) return [];
    const codes = [...new Set(open.map((f) => f.result).filter((c): c is string => !!c))];
    const domains = [...new Set(open.map((f) => f.domain).filter((d): d is string => !!d))];
    return [
      {
        detail: msg('kms-host/dns-publish-failed.detail', { domains: domains.length ? list(domains) : msg('common.dns'), codes: explainCodes(codes) }),
        evidence: open.map((f) => evidenceOf(f)),
        remedy: [
          msg('kms-host/dns-publish-failed.remedy-rights'),
          msg('kms-host/dns-publish-failed.remedy-manual', { record: `_vlmcs._tcp.${domains[0] ?? '<domain>'} SRV 0 0 1688 ${view.name}` }),
          msg('kms-host/dns-publish-failed.remedy-check', { cmd: CMD.srvLookup(domains[0]) }),
          ...codes.map((c) => command(CMD.slui(c))),
        ],
        kb: codeArticles(codes),
      },
    ];
  },
);
