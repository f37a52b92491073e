// Table 2 row 8: a KMS host key installed on a client edition.
import type { LicenseFact } from '../../../decode/index.js';
import { evidenceOf } from '../../evidence.js';
import { CMD, editionOf, setupKeyCommand } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { command, msg } from '../../../messages/index.js';

function isClientEdition(l: LicenseFact): boolean {
  const family = editionOf(l)?.family ?? l.family;
  if (family) return family === 'Windows client';
  // Without a table hit, read the product name: client editions never say "Server".
  return /windows/i.test(l.name) && !/server/i.test(l.name) && !/office/i.test(l.name);
}

export default defineRule(
  {
    id: 'kms-host/key-on-client',
    severity: 'error',
    description: 'A KMS host key (VOLUME_KMS*, not VOLUME_KMSCLIENT) is installed on a Windows client edition. It belongs on hosts only: put back the KMS client setup key and remove the SRV record.',
    kb: ['procedure/restore-kms-client-key', 'procedure/publish-srv-record'],
    facts: ['license'],
    seed: 'Table 2 row 8',
  },
  ({ view }) => {
    const wrong = view.licenses('kms-host').filter(isClientEdition);
    if (!wrong.length) return [];
    const edition = editionOf(wrong[0]);
    return [
      {
        detail: msg('kms-host/key-on-client.detail', { product: wrong[0].name, channel: wrong[0].channel }),
        evidence: wrong.map((l) => evidenceOf(l)),
        remedy: [setupKeyCommand(edition), command(CMD.ato), msg('kms-host/key-on-client.remedy-srv', { machine: view.name })],
      },
    ];
  },
);
