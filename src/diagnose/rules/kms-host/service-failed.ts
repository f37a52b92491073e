// MP alert (initialization failure): 12291 KMS failed to start, 12292 renewal timer failed.
import { evidenceOf } from '../../evidence.js';
import { hostLog } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { codeArticles, explainCodes } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { toMs } from '../../time.js';
import { command, msg } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'kms-host/service-failed',
    severity: 'error',
    description: '12291 (KMS failed to start) or 12292 (renewal timer could not start), with no 12290 served afterwards.',
    kb: ['event/12291', 'event/12292'],
    facts: ['kms-service'],
    seed: 'MP alert (initialization failure)',
  },
  ({ view, fleet }) => {
    // A loop, not Math.max(...times): a busy host logs more 12290s than a call takes arguments.
    let lastServed = -Infinity;
    for (const e of hostLog(fleet, view.key)) lastServed = Math.max(lastServed, toMs(e.time) ?? -Infinity);
    const failed = view.facts('kms-service').filter((f) => (f.event === 'start-failed' || f.event === 'renewal-timer-failed') && view.at(f) > lastServed);
    if (!failed.length) return [];
    const codes = [...new Set(failed.map((f) => f.result).filter((c): c is string => !!c))];
    return [
      {
        detail: msg(failed.some((f) => f.event === 'start-failed') ? 'kms-host/service-failed.detail-start' : 'kms-host/service-failed.detail-timer', { codes: explainCodes(codes) }),
        evidence: failed.map((f) => evidenceOf(f)),
        remedy: [
          ...codes.map((c) => command(CMD.slui(c))),
          msg('kms-host/service-failed.remedy-restart'),
          msg('kms-host/service-failed.remedy-state', { cmd: CMD.dlv }),
        ],
        kb: codeArticles(codes),
      },
    ];
  },
);
