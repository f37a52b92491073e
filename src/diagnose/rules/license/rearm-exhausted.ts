// License state (/dlv): no rearms left.
import { evidenceOf } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { msg } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'license/rearm-exhausted',
    severity: 'warning',
    description: 'slmgr /dlv shows a remaining Windows rearm count of 0: slmgr /rearm and sysprep /generalize can no longer reset the grace period or the CMID.',
    kb: ['procedure/read-slmgr-dli-dlv', 'procedure/reset-cmid'],
    facts: ['license'],
    seed: 'license state (/dlv)',
  },
  ({ view }) => {
    const none = view.licenses().filter((l) => l.rearmCount === 0);
    if (!none.length) return [];
    return [
      {
        detail: msg('license/rearm-exhausted.detail'),
        evidence: none.map((l) => evidenceOf(l, msg('license/rearm-exhausted.evidence', { product: l.name }))),
        remedy: [msg('license/rearm-exhausted.remedy-ato', { cmd: CMD.ato }), msg('license/rearm-exhausted.remedy-image', { sysprep: CMD.sysprep })],
      },
    ];
  },
);
