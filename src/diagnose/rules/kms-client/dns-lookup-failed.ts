// Table 2 rows 2 and 6: the client could not find a KMS host in DNS.
import { CMD } from '../../remedies.js';
import { codeArticles, distinctCodes, dnsDomainOf, explainCodes, ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { list, msg, NONE, type MessageRef } from '../../../messages/index.js';
import { discoveryEvidence } from '../../discovery.js';
import { evidenceOf, mergeEvidence } from '../../evidence.js';

/** What the client's own discovery appends, as far as the paste says. */
function suffixSaid(suffix: string | undefined): MessageRef {
  if (suffix === undefined) return msg('kms-client/dns-lookup-failed.suffix-unknown');
  return suffix === '' ? msg('kms-client/dns-lookup-failed.suffix-none') : msg('kms-client/dns-lookup-failed.suffix', { suffix });
}

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
    const found = discoveryEvidence(view);
    const domain = found.primarySuffix || dnsDomainOf(view.name);
    const evidence = sightingEvidence(sightings);
    if (found.answered) {
      // The paste's own lookup answered and still the client found nothing: its discovery asks another name.
      const { answered, portOpen, ipConfig } = found;
      mergeEvidence(evidence, [answered, portOpen, ipConfig].filter((f) => f !== undefined).map((f) => evidenceOf(f)));
      return [
        {
          detail: msg('kms-client/dns-lookup-failed.detail-answered', {
            codes: explainCodes(codes),
            query: answered.query,
            hosts: list(answered.records.map((r) => `${r.target}:${r.port}`)),
            port: portOpen ? msg('kms-client/dns-lookup-failed.port-open', { host: portOpen.host, port: portOpen.port }) : NONE,
            suffix: suffixSaid(found.primarySuffix),
          }),
          evidence,
          remedy: [
            ...(ipConfig ? [] : [msg('kms-client/dns-lookup-failed.remedy-ipconfig', { cmd: 'ipconfig /all' })]),
            msg('kms-client/dns-lookup-failed.remedy-zone', { cmd: 'slmgr.vbs /skms-domain <zone>' }),
            msg('kms-client/dns-lookup-failed.remedy-workaround', { cmd: CMD.skms(answered.records[0]?.target, answered.records[0]?.port) }),
          ],
          kb: [...codeArticles(codes), 'procedure/dns-suffix-discovery'],
        },
      ];
    }
    return [
      {
        detail: msg('kms-client/dns-lookup-failed.detail', {
          codes: explainCodes(codes),
          domain: domain ? msg('kms-client/dns-lookup-failed.domain', { domain }) : NONE,
        }),
        evidence,
        remedy: [
          // The paste holds the lookup already (it did not answer): do not ask for it again.
          ...(found.lookups.length ? [] : [msg('kms-client/dns-lookup-failed.remedy-lookup', { cmd: CMD.srvLookup(domain) })]),
          msg('kms-client/dns-lookup-failed.remedy-host'),
          msg('kms-client/dns-lookup-failed.remedy-client'),
          msg('kms-client/dns-lookup-failed.remedy-workaround', { cmd: CMD.skms() }),
        ],
        kb: codeArticles(codes),
      },
    ];
  },
);
