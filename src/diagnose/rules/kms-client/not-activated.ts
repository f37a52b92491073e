// Table 2 row 2: the KMS client is not activated.
import { evidenceOf } from '../../evidence.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { list, msg } from '../../../messages/index.js';

export default defineRule(
  {
    id: 'kms-client/not-activated',
    severity: 'error',
    description: 'A KMS client product (VOLUME_KMSCLIENT / Volume:GVLK) is in a state other than Licensed, per slmgr, 8230 or the license state field of 12288.',
    kb: ['procedure/read-slmgr-dli-dlv', 'event/12288', 'event/8230'],
    facts: ['license', 'kms-request', 'kms-response', 'license-state-data'],
    seed: 'Table 2 row 2',
  },
  ({ view }) => {
    const bad = view.states('kms-client').filter((r) => r.state !== 'Licensed');
    if (!bad.length) return [];
    const states = list([...new Set(bad.map((r) => r.state))]);
    return [
      {
        detail: msg('kms-client/not-activated.detail', { states }),
        evidence: bad.map((r) => evidenceOf(r.fact)),
        remedy: [
          msg('kms-client/not-activated.remedy-confirm', { cmd: CMD.dli }),
          msg('kms-client/not-activated.remedy-fix'),
          msg('kms-client/not-activated.remedy-ato', { cmd: CMD.ato }),
        ],
      },
    ];
  },
);
