// Table 2 row 2: the host answered, but its count is below what this client needs.
import { responseCount } from '../../../decode/index.js';
import { editionOf, CMD } from '../../remedies.js';
import { evidenceOf, codeLabel, mergeEvidence } from '../../evidence.js';
import { ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';

export const ID = 'kms-client/count-below-threshold';

export default defineRule(
  {
    id: ID,
    severity: 'error',
    title: 'KMS host count is below the threshold this client needs',
    description: 'The client got 0xC004F038, or a 12289 that carries the host\'s count (result 0 or 0xC004F038) reports a current count below the required count of its 12288 (25 for client OS, 5 for server OS and Office). A failed exchange carries no count.',
    kb: ['code/0xC004F038', 'event/12289', 'kms-host/count-below-threshold', 'procedure/reset-cmid'],
    facts: ['kms-request', 'kms-response', 'license', 'slmgr-error', 'service-info'],
    seed: 'Table 2 row 2',
  },
  ({ view }) => {
    const evidence: EvidenceRef[] = [];
    let need: number | undefined;
    let count: number | undefined;
    let host: string | undefined;
    for (const x of view.unresolvedExchanges()) {
      if (!x.response) continue;
      const required = x.request.requiredCount ?? editionOf(x.request)?.threshold;
      // A failed exchange (no host answered) leaves the count field at 0: that is no count at all.
      const carried = responseCount(x.response);
      if (carried === undefined) continue;
      const short = required !== undefined && carried < required;
      const flagged = x.response.result === '0xC004F038' || x.response.flags.includes('NOT_ENOUGH_COUNT');
      if (!short && !flagged) continue;
      need = required ?? need;
      count = carried;
      host = x.request.host;
      const req = required !== undefined ? ` < required ${required}` : '';
      mergeEvidence(evidence, [
        evidenceOf(x.response, `12289 result ${codeLabel(x.response.result)}, current count ${carried}${req}`),
        evidenceOf(x.request),
      ]);
    }
    // Codes seen outside 12289 (slmgr, 8233, 12288) after the exchanges, so 12289s keep their count summary.
    mergeEvidence(evidence, sightingEvidence(ownedSightings(view, ID, 'kms')));
    if (!evidence.length) return [];
    const numbers = count !== undefined ? ` The host reported a count of ${count}${need !== undefined ? `; this client needs ${need}` : ''}.` : '';
    return [
      {
        detail: `The KMS host${host ? ` ${host}` : ''} refuses to activate this client until it has counted enough distinct machines (25 for Windows client editions, 5 for servers and Office).${numbers}`,
        evidence,
        remedy: [
          `On the KMS host, read "Current count": ${CMD.dli}`,
          'Let more distinct machines contact the host: the count only grows with unique CMIDs seen in the last 30 days.',
          `If clones share a CMID, reset it on each clone (${CMD.rearm}, or rebuild the image with ${CMD.sysprep}) so the host counts them separately.`,
          `When the count is reached: ${CMD.ato}`,
        ],
      },
    ];
  },
);
