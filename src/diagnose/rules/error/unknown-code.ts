// Table 2 row 4: a code we have no entry for — ask Windows what it means.
import { describeHresult, isSuccessHresult } from '../../../decode/index.js';
import { evidenceOf, mergeEvidence } from '../../evidence.js';
import { hostLog } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import type { EvidenceRef } from '../../../types.js';
import type { Fact } from '../../../decode/index.js';
import { cappedList, LIST_EXAMPLES, msg } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'error/unknown-code',
    severity: 'info',
    description: 'An activation event or slmgr output carries an HRESULT we have no symbol or meaning for; slui.exe 0x2a <code> shows Windows\' own text.',
    kb: ['procedure/explain-error-code'],
    facts: ['kms-request', 'kms-response', 'kms-host-request', 'kms-service', 'online-activation-failure', 'license', 'slmgr-error', 'service-info', 'non-genuine'],
    seed: 'Table 2 row 4',
  },
  ({ view, fleet }) => {
    const seen: { code: string; fact: Fact }[] = view.codeSightings().filter((s) => !s.resolved).map((s) => ({ code: s.code, fact: s.fact }));
    for (const e of hostLog(fleet, view.key)) seen.push({ code: e.result, fact: e });
    for (const f of view.facts('kms-service')) if (f.result) seen.push({ code: f.result, fact: f });
    for (const f of view.facts('non-genuine')) seen.push({ code: f.reason, fact: f });
    const unknown = seen.filter((s) => /^0x[0-9A-F]{8}$/.test(s.code) && !isSuccessHresult(s.code) && !describeHresult(s.code).known);
    if (!unknown.length) return [];
    const codes = [...new Set(unknown.map((s) => s.code))];
    const evidence: EvidenceRef[] = mergeEvidence([], unknown.map((s) => evidenceOf(s.fact)));
    // A host log can carry any number of distinct codes: name a few, count the rest.
    const named = cappedList(codes.slice(0, LIST_EXAMPLES), codes.length);
    return [
      {
        title: msg('error/unknown-code.title-codes', { n: codes.length, codes: named }),
        detail: msg('error/unknown-code.detail', { codes: named }),
        evidence,
        remedy: codes.slice(0, LIST_EXAMPLES).map((c) => msg('error/unknown-code.remedy', { cmd: CMD.slui(c) })),
      },
    ];
  },
);
