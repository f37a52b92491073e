// Non-genuine recovery: 8209 holds the reason validation failed.
import { normalizeHresult } from '../../../decode/index.js';
import { evidenceOf } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { codeArticles, explainCodes } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { command, msg } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'genuine/non-genuine',
    severity: 'error',
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
        detail: codes.length ? msg('genuine/non-genuine.detail-codes', { codes: explainCodes(codes) }) : msg('genuine/non-genuine.detail-no-code'),
        evidence: events.map((f) => evidenceOf(f)),
        remedy: [
          ...codes.map((c) => command(CMD.slui(c))),
          msg('genuine/non-genuine.remedy-reinstall'),
          msg('genuine/non-genuine.remedy-host-key'),
          msg('genuine/non-genuine.remedy-mak', { ipk: msg('common.ipk', { key: msg('common.new-mak') }), ato: CMD.ato }),
          msg('genuine/non-genuine.remedy-validate'),
        ],
        kb: codeArticles(codes),
      },
    ];
  },
);
