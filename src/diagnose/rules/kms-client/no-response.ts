// Table 2 row 2: a 12288 went out and no 12289 came back within the activation interval.
import { evidenceOf, summarizeFact } from '../../evidence-refs.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { cappedList, LIST_EXAMPLES, msg, time } from '../../../messages/index.js';
import { HOST_ANSWER_CODES, isOneOf } from '../../codes.js';
import { firstMatchingHostEntry, hostMachine } from '../../../evidence/fleet-queries.js';
import type { Exchange, MachineView } from '../../../evidence/machine-view/index.js';
import { HOUR } from '../../../evidence/time.js';
import type { Fleet } from '../../../evidence/index.js';

export default defineRule({
  meta: {
    id: 'kms-client/no-response',
    severity: 'error',
    description: 'A 12288 (request sent) has no 12289 (response processed) after it within the activation interval, its result is not one only a KMS host returns, and no 12290 on a host of the snapshot shows the request arriving: the host was not reached, did not answer, or the answer was lost.',
    kb: ['event/12288', 'event/12289', 'procedure/open-kms-port', 'procedure/check-srv-record'],
    facts: ['kms-request', 'kms-response'],
    seed: 'Table 2 row 2',
    consequenceOf: ['kms-client/host-mismatch', 'dns/srv-port-mismatch', 'kms-client/dns-lookup-failed', 'dns/srv-missing', 'network/port-blocked', 'dns/srv-stale'],
    messages: {
      title: { en: 'KMS request got no response', ja: 'KMS 要求に応答がない' },
      detail: {
        en: '{n|# request|# requests} to {hosts} (last at {last}) got no 12289 back. Either the request never reached the host, the host did not process it, or the reply was blocked on the way back.',
        ja: '{hosts} への {n} 件の要求 (最後は {last}) に 12289 が返っていません。要求がホストに届いていない、ホストが処理しなかった、または応答が戻る途中で遮断された、のいずれかです。',
      },
      evidence: { en: '12288 with no 12289 after it: {summary}', ja: '後に 12289 のない 12288: {summary}' },
      'remedy-test': { en: 'Test the path from the client: {cmd}', ja: 'クライアントから経路をテストします: {cmd}' },
      'remedy-port': {
        en: 'Open TCP 1688 (or the configured port) on routers and on the host firewall ("Key Management Service" rule), and allow the stateful return traffic to the client.',
        ja: 'ルーターとホストのファイアウォール (「キー管理サービス」のファイアウォールの例外) で TCP 1688 (または設定したポート) を開き、クライアントへの戻りの通信 (ステートフル) を許可します。',
      },
      'remedy-log': {
        en: 'Look in the Key Management Service log of {host} for a 12290 naming this client; export it to send it along: {cmd}',
        ja: '{host} の "Key Management Service" ログで、このクライアントの 12290 を探します。送付する場合はエクスポートします: {cmd}',
      },
    },
  },
  check({ view, fleet, options }, m) {
    const skew = options.skewHours * HOUR;
    const lonely = view.unresolvedExchanges().filter((x) => !x.response && !hostAnswered(x, view, fleet, skew));
    if (!lonely.length) return [];
    const hosts = [...new Set(lonely.map((x) => `${x.request.host}${x.request.port !== undefined ? `:${x.request.port}` : ''}`))];
    const lastHost = lonely[lonely.length - 1].request.host;
    return [
      {
        detail: m('detail', { n: lonely.length, hosts: cappedList(hosts.slice(0, LIST_EXAMPLES), hosts.length), last: time(lonely[lonely.length - 1].at) }),
        evidence: lonely.map((x) => evidenceOf(x.request, m('evidence', { summary: summarizeFact(x.request) }))),
        remedy: [
          m('remedy-test', {
            cmd: `Test-NetConnection ${lonely[lonely.length - 1].request.host} -Port ${lonely[lonely.length - 1].request.port ?? 1688}`,
          }),
          m('remedy-port'),
          // The log that settles it, named with the command that exports it.
          m('remedy-log', { host: lastHost, cmd: `wevtutil epl "Key Management Service" ${lastHost.split('.')[0]}-kms.evtx` }),
          msg('common.retry', { cmd: CMD.ato }),
        ],
      },
    ];
  },
});

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
