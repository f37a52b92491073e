// License state (/dlv): no rearms left.
import { evidenceOf } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';

export default defineRule(
  {
    id: 'license/rearm-exhausted',
    severity: 'warning',
    title: 'No rearms left',
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
        detail: 'The remaining rearm count is 0. If this machine is an image source, clones made from it cannot get a fresh CMID with a rearm, and the grace period cannot be extended.',
        evidence: none.map((l) => evidenceOf(l, `slmgr: ${l.name}, remaining Windows rearm count 0`)),
        remedy: [`Activate the machine instead of rearming: ${CMD.ato}`, `Build images from a fresh installation and generalize them with ${CMD.sysprep} before capture.`],
      },
    ];
  },
);
