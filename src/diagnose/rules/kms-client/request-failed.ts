// Table 2 rows 2 and 4: the KMS request or response carries an error no more specific rule explains.
import { CMD } from '../../remedies.js';
import { codeArticles, distinctCodes, explainCode, sightingEvidence, unownedSightings } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';

export default defineRule(
  {
    id: 'kms-client/request-failed',
    severity: 'error',
    title: 'KMS activation request failed',
    description: 'A 12288/12289 result (or slmgr, 8198, 8233 on a KMS client) is an error code that no more specific rule explains; the finding names each code and its meaning.',
    kb: ['event/12288', 'event/12289', 'procedure/explain-error-code'],
    facts: ['kms-request', 'kms-response', 'license', 'slmgr-error', 'service-info', 'online-activation-failure'],
    seed: 'Table 2 rows 2, 4',
  },
  ({ view }) => {
    const sightings = unownedSightings(view, 'kms');
    if (!sightings.length) return [];
    const codes = distinctCodes(sightings);
    return [
      {
        title: `KMS activation failed with ${codes.join(', ')}`,
        detail: codes.map(explainCode).join(' '),
        evidence: sightingEvidence(sightings),
        remedy: [
          ...codes.map((c) => `Show Windows' own text for the code: ${CMD.slui(c)}`),
          'Check the KMS host named in 12288, its reachability on TCP 1688 and its 12290 log for this client.',
          `After the fix: ${CMD.ato}`,
        ],
        kb: codeArticles(codes),
      },
    ];
  },
);
