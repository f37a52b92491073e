// MP alert: no KMS activity for more than 8 hours.
import { evidenceOf, summarizeFact } from '../../evidence-refs.js';
import { hostLog } from '../../../evidence/fleet-queries.js';
import { defineRule } from '../../rule.js';
import { HOUR, toMs } from '../../../evidence/time.js';
import { duration, time } from '../../../messages/index.js';

export default defineRule({
  meta: {
    id: 'kms-host/idle',
    severity: 'warning',
    description: 'The newest 12290 in the host\'s Key Management Service log is more than 8 hours older than the end of the snapshot (or --now).',
    kb: ['event/12290', 'procedure/open-kms-port', 'procedure/check-srv-record'],
    facts: ['kms-host-request'],
    seed: 'MP alert',
    consequenceOf: ['kms-host/service-failed', 'kms-host/dns-publish-failed', 'kms-host/srv-only-first-host'],
    usesClock: true,
    messages: {
      title: { en: 'KMS host has logged no requests for hours', ja: 'KMS ホストが何時間も要求を記録していない' },
      detail: {
        en: 'The last 12290 was at {last}, {gap} before {now}. Clients renew every 7 days and retry every 2 hours, so a busy host that falls silent has stopped receiving or answering requests.',
        ja: '最後の 12290 は {last} で、{now} より {gap} 前です。クライアントは 7 日ごとに更新し 2 時間ごとに再試行するため、要求の多いホストが沈黙した場合は、要求を受け取っていないか応答していません。',
      },
      evidence: { en: 'last 12290: {summary}', ja: '最後の 12290: {summary}' },
      'remedy-service': {
        en: 'Check that the Software Protection service runs on the host and that TCP 1688 is open.',
        ja: 'ホストでソフトウェア ライセンス サービス (Software Protection)が動作し、TCP 1688 が開いていることを確認します。',
      },
      'remedy-srv': {
        en: 'Check the _vlmcs._tcp SRV record still points at this host, and which host clients name in their 12288.',
        ja: '_vlmcs._tcp の SRV リソース レコードがまだこのホストを指しているか、クライアントの 12288 がどのホストを示しているかを確認します。',
      },
    },
  },
  check({ view, fleet, options, now }, m) {
    const log = hostLog(fleet, view.key);
    if (!log.length) return [];
    const last = log[log.length - 1];
    const t = toMs(last.time);
    if (t === undefined || now - t <= options.idleHours * HOUR) return [];
    return [
      {
        detail: m('detail', { last: time(t), gap: duration(now - t), now: time(now) }),
        evidence: [evidenceOf(last, m('evidence', { summary: summarizeFact(last) }))],
        remedy: [m('remedy-service'), m('remedy-srv')],
      },
    ];
  },
});
