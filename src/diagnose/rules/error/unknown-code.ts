// Table 2 row 4: a code we have no entry for — ask Windows what it means.
import { describeHresult, isSuccessHresult } from '../../../decode/index.js';
import { evidenceOf, mergeEvidence } from '../../evidence-refs.js';
import { hostLog } from '../../../evidence/fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import type { Fact } from '../../../decode/index.js';
import { cappedList, LIST_EXAMPLES } from '../../../messages/index.js';

export default defineRule({
  meta: {
    id: 'error/unknown-code',
    severity: 'info',
    description: 'An activation event or slmgr output carries an HRESULT we have no symbol or meaning for; slui.exe 0x2a <code> shows Windows\' own text.',
    kb: ['procedure/explain-error-code'],
    facts: ['kms-request', 'kms-response', 'kms-host-request', 'kms-service', 'online-activation-failure', 'license', 'slmgr-error', 'service-info', 'non-genuine'],
    seed: 'Table 2 row 4',
    messages: {
      title: { en: 'Error code without an entry in our tables', ja: 'volact の表にないエラー コード' },
      'title-codes': { en: 'Unknown error {n|code|codes} {codes}', ja: '不明なエラー コード {codes} ({n} 件)' },
      detail: {
        en: 'volact has no entry for {codes}. Windows can describe its own codes.',
        ja: 'volact には {codes} の情報がありません。Windows は自身のコードを説明できます。',
      },
      remedy: { en: 'On a Windows machine: {cmdList}', ja: 'Windows コンピューターで実行します: {cmdList}' },
    },
  },
  check({ view, fleet }, m) {
    const seen: { code: string; fact: Fact }[] = view.codeSightings().filter((s) => !s.resolved).map((s) => ({ code: s.code, fact: s.fact }));
    for (const e of hostLog(fleet, view.key)) seen.push({ code: e.result, fact: e });
    for (const f of view.facts('kms-service')) if (f.result) seen.push({ code: f.result, fact: f });
    for (const f of view.facts('non-genuine')) seen.push({ code: f.reason, fact: f });
    const unknown = seen.filter((s) => /^0x[0-9A-F]{8}$/.test(s.code) && !isSuccessHresult(s.code) && !describeHresult(s.code).known);
    if (!unknown.length) return [];
    const codes = [...new Set(unknown.map((s) => s.code))];
    // A host log can carry any number of distinct codes: name a few, count the rest.
    const named = cappedList(codes.slice(0, LIST_EXAMPLES), codes.length);
    const evidence: EvidenceRef[] = mergeEvidence([], unknown.map((s) => evidenceOf(s.fact)));
    return [
      {
        title: m('title-codes', { n: codes.length, codes: named }),
        detail: m('detail', { codes: named }),
        evidence,
        // One action, however many codes: each code's slui command in one step.
        remedy: [m('remedy', { cmdList: cappedList(codes.slice(0, LIST_EXAMPLES).map(CMD.slui), codes.length) })],
      },
    ];
  },
});
