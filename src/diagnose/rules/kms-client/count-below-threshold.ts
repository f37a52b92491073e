// Table 2 row 2: the host answered, but its count is below what this client needs.
import { responseCount } from '../../../decode/index.js';
import { editionOf, CMD } from '../../remedies.js';
import { evidenceOf, mergeEvidence } from '../../evidence-refs.js';
import { ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import { code, NONE } from '../../../messages/index.js';

export const ID = 'kms-client/count-below-threshold';

export default defineRule({
  meta: {
    id: ID,
    severity: 'error',
    description: 'The client got 0xC004F038, or a 12289 that carries the host\'s count (result 0 or 0xC004F038) reports a current count below the required count of its 12288 (25 for client OS, 5 for server OS and Office). A failed exchange carries no count.',
    kb: ['code/0xC004F038', 'event/12289', 'kms-host/count-below-threshold', 'procedure/reset-cmid'],
    facts: ['kms-request', 'kms-response', 'license', 'slmgr-error', 'service-info'],
    seed: 'Table 2 row 2',
    messages: {
      title: { en: 'KMS host count is below the threshold this client needs', ja: 'KMS ホストのカウントがこのクライアントに必要なしきい値に達していない' },
      evidence: { en: '12289 result {code}, current count {count}{required}', ja: '12289 の結果 {code}、現在の数 {count}{required}' },
      'evidence-required': { en: ' < required {required}', ja: ' < 必要数 {required}' },
      detail: {
        en: 'The KMS host{host} refuses to activate this client until it has counted enough distinct machines (25 for Windows client editions, 5 for servers and Office).{numbers}',
        ja: 'KMS ホスト{host}は、異なるコンピューターを十分な数 (Windows クライアント エディションは 25、サーバーと Office は 5) カウントするまで、このクライアントのライセンス認証を拒否します。{numbers}',
      },
      host: { en: ' {host}', ja: ' {host} ' },
      numbers: { en: ' The host reported a count of {count}.', ja: 'ホストが報告したカウントは {count} です。' },
      'numbers-need': {
        en: ' The host reported a count of {count}; this client needs {need}.',
        ja: 'ホストが報告したカウントは {count} で、このクライアントには {need} が必要です。',
      },
      'remedy-read': { en: 'On the KMS host, read "Current count": {cmd}', ja: 'KMS ホストで「現在の数」を確認します: {cmd}' },
      'remedy-more': {
        en: 'Let more distinct machines contact the host: the count only grows with unique CMIDs seen in the last 30 days.',
        ja: 'より多くの異なるコンピューターからホストに接続させます。カウントが増えるのは、過去 30 日間に確認された固有の CMID だけです。',
      },
      'remedy-clones': {
        en: 'If clones share a CMID, reset it on each clone ({rearm}, or rebuild the image with {sysprep}) so the host counts them separately.',
        ja: '複製したコンピューターが CMID を共有している場合は、ホストが別々にカウントするよう、それぞれで CMID をリセットします ({rearm}、または {sysprep} でイメージを作り直す)。',
      },
      'remedy-ato': { en: 'When the count is reached: {cmd}', ja: 'カウントがしきい値に達したら: {cmd}' },
    },
  },
  check({ view }, m) {
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
      const req = required !== undefined ? m('evidence-required', { required }) : NONE;
      mergeEvidence(evidence, [
        evidenceOf(x.response, m('evidence', { code: code(x.response.result), count: carried, required: req })),
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
          ? m('numbers-need', { count, need })
          : m('numbers', { count });
    return [
      {
        detail: m('detail', { host: host ? m('host', { host }) : NONE, numbers }),
        evidence,
        remedy: [
          m('remedy-read', { cmd: CMD.dli }),
          m('remedy-more'),
          m('remedy-clones', { rearm: CMD.rearm, sysprep: CMD.sysprep }),
          m('remedy-ato', { cmd: CMD.ato }),
        ],
      },
    ];
  },
});
