// Table 2 row 2: a 12288 went out and no 12289 came back within the activation interval.
import { evidenceOf } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { formatUtc } from '../../time.js';

export default defineRule(
  {
    id: 'kms-client/no-response',
    severity: 'error',
    title: 'KMS request got no response',
    description: 'A 12288 (request sent) has no 12289 (response processed) after it within the activation interval: the host was not reached, did not answer, or the answer was lost.',
    kb: ['event/12288', 'event/12289', 'procedure/open-kms-port', 'procedure/check-srv-record'],
    facts: ['kms-request', 'kms-response'],
    seed: 'Table 2 row 2',
  },
  ({ view }) => {
    const lonely = view.unresolvedExchanges().filter((x) => !x.response);
    if (!lonely.length) return [];
    const hosts = [...new Set(lonely.map((x) => `${x.request.host}${x.request.port !== undefined ? `:${x.request.port}` : ''}`))];
    return [
      {
        detail: `${lonely.length} request${lonely.length > 1 ? 's' : ''} to ${hosts.join(', ')} (last at ${formatUtc(lonely[lonely.length - 1].at)}) got no 12289 back. Either the request never reached the host, the host did not process it, or the reply was blocked on the way back.`,
        evidence: lonely.map((x) => evidenceOf(x.request, `12288 with no 12289 after it: ${evidenceOf(x.request).summary}`)),
        remedy: [
          `Test the path from the client: Test-NetConnection ${lonely[lonely.length - 1].request.host} -Port ${lonely[lonely.length - 1].request.port ?? 1688}`,
          'Open TCP 1688 (or the configured port) on routers and on the host firewall ("Key Management Service" rule), and allow the stateful return traffic to the client.',
          'Look in the host\'s Key Management Service log for a 12290 naming this client.',
          `Retry: ${CMD.ato}`,
        ],
      },
    ];
  },
);
