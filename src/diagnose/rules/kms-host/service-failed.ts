// MP alert (initialization failure): 12291 KMS failed to start, 12292 renewal timer failed.
import { evidenceOf } from '../../evidence.js';
import { hostLog } from '../../fleet-queries.js';
import { CMD } from '../../remedies.js';
import { codeArticles, explainCode } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { toMs } from '../../time.js';

export default defineRule(
  {
    id: 'kms-host/service-failed',
    severity: 'error',
    title: 'Key Management Service failed to start',
    description: '12291 (KMS failed to start) or 12292 (renewal timer could not start), with no 12290 served afterwards.',
    kb: ['event/12291', 'event/12292'],
    facts: ['kms-service'],
    seed: 'MP alert (initialization failure)',
  },
  ({ view, fleet }) => {
    const served = hostLog(fleet, view.key).map((e) => toMs(e.time) ?? -Infinity);
    const lastServed = served.length ? Math.max(...served) : -Infinity;
    const failed = view.facts('kms-service').filter((f) => (f.event === 'start-failed' || f.event === 'renewal-timer-failed') && view.at(f) > lastServed);
    if (!failed.length) return [];
    const codes = [...new Set(failed.map((f) => f.result).filter((c): c is string => !!c))];
    return [
      {
        detail: `${failed.some((f) => f.event === 'start-failed') ? 'KMS failed to start' : 'The KMS renewal timer could not be set up'}; the host serves no clients until it starts. ${codes.map(explainCode).join(' ')}`.trim(),
        evidence: failed.map((f) => evidenceOf(f)),
        remedy: [...codes.map((c) => CMD.slui(c)), 'Restart the Software Protection service and check the Application log around the failure.', `Check the host's state: ${CMD.dlv}`],
        kb: codeArticles(codes),
      },
    ];
  },
);
