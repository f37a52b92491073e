// Table 2 rows 2 and 4: the KMS request or response carries an error no more specific rule explains.
import { CMD } from '../../remedies.js';
import { codeArticles, distinctCodes, codesDetail, sightingEvidence, unownedSightings } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { list, msg, sentences, type MessageRef } from '../../../messages/index.js';
import type { MachineView } from '../../machine-view.js';
import { codeSteps, sluiSteps } from '../../code-steps.js';
import { discoveryEvidence, type DiscoveryEvidence } from '../../discovery.js';
import { evidenceOf, mergeEvidence } from '../../evidence.js';

/** "No KMS host could be contacted": a summary, not a cause, so what to collect comes first. */
const NO_HOST = '0xC004F074';

/**
 * What to look at next, asking only for what the paste does not hold: with 12288s, the host they name; for a
 * lone 0xC004F074, slmgr /dlv first (a stale /skms name is the most common cause), then the SRV lookup, then
 * the port.
 */
function whatToCollect(view: MachineView, codes: readonly string[], found: DiscoveryEvidence): MessageRef[] {
  if (view.facts('kms-request').length > 0) return [msg('kms-client/request-failed.remedy-check')];
  if (!codes.includes(NO_HOST)) return [];
  const steps: MessageRef[] = [];
  if (!view.licenses('kms-client').some((l) => l.kmsClient?.kmsName || l.kmsClient?.kmsNameSource !== undefined && l.kmsClient.kmsNameSource !== 'unknown')) {
    steps.push(msg('kms-client/request-failed.remedy-dlv', { cmd: CMD.dlv }));
  }
  if (!found.lookups.length) steps.push(msg('kms-client/request-failed.remedy-srv', { cmd: CMD.srvLookup(found.primarySuffix || undefined) }));
  if (!view.facts('port-check').length) steps.push(msg('kms-client/request-failed.remedy-port', { cmd: 'Test-NetConnection <kms-host> -Port 1688' }));
  return steps;
}

export default defineRule(
  {
    id: 'kms-client/request-failed',
    severity: 'error',
    description: 'A 12288/12289 result (or slmgr, 8198, 8233 on a KMS client) is an error code that no more specific rule explains; the finding names each code and its meaning.',
    kb: ['event/12288', 'event/12289', 'procedure/explain-error-code'],
    facts: ['kms-request', 'kms-response', 'license', 'slmgr-error', 'service-info', 'online-activation-failure'],
    // The SRV lookups, port tests and ipconfig of the same paste say what not to ask for again.
    seed: 'Table 2 rows 2, 4',
  },
  ({ view }) => {
    const sightings = unownedSightings(view, 'kms');
    if (!sightings.length) return [];
    const codes = distinctCodes(sightings);
    const found = discoveryEvidence(view);
    const evidence = sightingEvidence(sightings);
    let detail = codesDetail(codes);
    if (codes.includes(NO_HOST) && found.answered && found.portOpen) {
      // The paste's own SRV lookup answered and the port connects, yet the client found no host.
      mergeEvidence(evidence, [evidenceOf(found.answered), evidenceOf(found.portOpen)]);
      detail = msg('common.sentences', { items: sentences([detail, msg('kms-client/request-failed.discovery', { query: found.answered.query })]) });
    }
    return [
      {
        title: msg('kms-client/request-failed.title-codes', { codes: list(codes) }),
        detail,
        evidence,
        remedy: [...sluiSteps(codes, sightings), ...codeSteps(codes), ...whatToCollect(view, codes, found), msg('common.after-fix', { cmd: CMD.ato })],
        kb: [...codeArticles(codes), ...(codes.includes(NO_HOST) && found.answered ? ['procedure/dns-suffix-discovery'] : [])],
      },
    ];
  },
);
