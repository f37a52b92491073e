// Non-genuine recovery: 8209 holds the reason validation failed.
import { normalizeHresult } from '../../../decode/index.js';
import { evidenceOf } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { codeArticles, explainCode } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';

export default defineRule(
  {
    id: 'genuine/non-genuine',
    severity: 'error',
    title: 'Windows set itself to non-genuine',
    description: '8209: the genuine state was set to non-genuine, with the reason code and the application id; no later 12305 set it back.',
    kb: ['event/8209', 'procedure/recover-non-genuine'],
    facts: ['non-genuine', 'service-info'],
    seed: 'non-genuine recovery',
  },
  ({ view }) => {
    const back = view.facts('service-info').filter((f) => f.what === 'genuine-state-genuine');
    const lastBack = back.length ? view.at(back[back.length - 1]) : -Infinity;
    const events = view.facts('non-genuine').filter((f) => view.at(f) > lastBack);
    if (!events.length) return [];
    const codes = [...new Set(events.map((f) => normalizeHresult(f.reason)).filter((c): c is string => !!c && c !== '0x00000000'))];
    return [
      {
        detail: `Validation failed${codes.length ? `: ${codes.map(explainCode).join(' ')}` : '; the reason field names no specific code'}. A leaked or blocked key, or tampered system files, are the usual causes; the machine has a 30-day non-genuine grace period.`,
        evidence: events.map((f) => evidenceOf(f)),
        remedy: [
          ...codes.map((c) => CMD.slui(c)),
          'If system files were tampered with, reinstall Windows and activate again.',
          'If a KMS host key was compromised, replace it on every host that uses it; clients then re-activate with slmgr.vbs /ato or at their next renewal.',
          `If a MAK was compromised, install a new one (${CMD.ipk('<new MAK>')}) and activate (${CMD.ato}).`,
          'Then validate again online so the state returns to genuine.',
        ],
        kb: codeArticles(codes),
      },
    ];
  },
);
