// Table 2 row 2: the host answered, but its count is below what this client needs.
import { responseCount } from '../../../decode/index.js';
import { editionOf, CMD } from '../../remedies.js';
import { evidenceOf, mergeEvidence } from '../../evidence.js';
import { ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import { code, msg, NONE } from '../../../messages/index.js';

export const ID = 'kms-client/count-below-threshold';

export default defineRule(
  {
    id: ID,
    severity: 'error',
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
      const req = required !== undefined ? msg('kms-client/count-below-threshold.evidence-required', { required }) : NONE;
      mergeEvidence(evidence, [
        evidenceOf(x.response, msg('kms-client/count-below-threshold.evidence', { code: code(x.response.result), count: carried, required: req })),
        evidenceOf(x.request),
      ]);
    }
    // Codes seen outside 12289 (slmgr, 8233, 12288) after the exchanges, so 12289s keep their count summary.
    mergeEvidence(evidence, sightingEvidence(ownedSightings(view, ID, 'kms')));
    if (!evidence.length) return [];
    const numbers =
      count === undefined
        ? NONE
        : need !== undefined
          ? msg('kms-client/count-below-threshold.numbers-need', { count, need })
          : msg('kms-client/count-below-threshold.numbers', { count });
    return [
      {
        detail: msg('kms-client/count-below-threshold.detail', { host: host ? msg('kms-client/count-below-threshold.host', { host }) : NONE, numbers }),
        evidence,
        remedy: [
          msg('kms-client/count-below-threshold.remedy-read', { cmd: CMD.dli }),
          msg('kms-client/count-below-threshold.remedy-more'),
          msg('kms-client/count-below-threshold.remedy-clones', { rearm: CMD.rearm, sysprep: CMD.sysprep }),
          msg('kms-client/count-below-threshold.remedy-ato', { cmd: CMD.ato }),
        ],
      },
    ];
  },
);
