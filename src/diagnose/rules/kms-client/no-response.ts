// Table 2 row 2: a 12288 went out and no 12289 came back within the activation interval.
import { evidenceOf, summarizeFact } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { cappedList, LIST_EXAMPLES, msg, time } from '../../../messages/index.js';
import { HOST_ANSWER_CODES, isOneOf } from '../../codes.js';
import { firstMatchingHostEntry, hostMachine } from '../../fleet-queries.js';
import type { Exchange, MachineView } from '../../machine-view.js';
import { HOUR } from '../../time.js';
import type { Fleet } from '../../../evidence/index.js';

export default defineRule(
  {
    id: 'kms-client/no-response',
    severity: 'error',
    description: 'A 12288 (request sent) has no 12289 (response processed) after it within the activation interval, its result is not one only a KMS host returns, and no 12290 on a host of the snapshot shows the request arriving: the host was not reached, did not answer, or the answer was lost.',
    kb: ['event/12288', 'event/12289', 'procedure/open-kms-port', 'procedure/check-srv-record'],
    facts: ['kms-request', 'kms-response'],
    seed: 'Table 2 row 2',
  },
  ({ view, fleet, options }) => {
    const skew = options.skewHours * HOUR;
    const lonely = view.unresolvedExchanges().filter((x) => !x.response && !hostAnswered(x, view, fleet, skew));
    if (!lonely.length) return [];
    const hosts = [...new Set(lonely.map((x) => `${x.request.host}${x.request.port !== undefined ? `:${x.request.port}` : ''}`))];
    return [
      {
        detail: msg('kms-client/no-response.detail', { n: lonely.length, hosts: cappedList(hosts.slice(0, LIST_EXAMPLES), hosts.length), last: time(lonely[lonely.length - 1].at) }),
        evidence: lonely.map((x) => evidenceOf(x.request, msg('kms-client/no-response.evidence', { summary: summarizeFact(x.request) }))),
        remedy: [
          msg('kms-client/no-response.remedy-test', {
            cmd: `Test-NetConnection ${lonely[lonely.length - 1].request.host} -Port ${lonely[lonely.length - 1].request.port ?? 1688}`,
          }),
          msg('kms-client/no-response.remedy-port'),
          msg('kms-client/no-response.remedy-log'),
          msg('common.retry', { cmd: CMD.ato }),
        ],
      },
    ];
  },
);

/**
 * A request the host demonstrably answered is not "no response", 12289 or not: its result is a code only a
 * host returns (the specific rule for that code explains it), or the host's log holds the matching 12290.
 */
function hostAnswered(x: Exchange, view: MachineView, fleet: Fleet, skewMs: number): boolean {
  if (x.request.result && isOneOf(x.request.result, HOST_ANSWER_CODES)) return true;
  const host = hostMachine(fleet, x.request.host);
  if (!host || host.key === view.key) return false;
  return firstMatchingHostEntry(fleet, host.key, x.request, view.machine, skewMs, x.at) !== undefined;
}
