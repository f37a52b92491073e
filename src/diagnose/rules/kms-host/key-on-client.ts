// Table 2 row 8: a KMS host key installed on a client edition.
import type { LicenseFact } from '../../../decode/index.js';
import { evidenceOf } from '../../evidence-refs.js';
import { CMD, editionOf, setupKeyCommand } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { command } from '../../../messages/index.js';

function isClientEdition(l: LicenseFact): boolean {
  const family = editionOf(l)?.family ?? l.family;
  if (family) return family === 'Windows client';
  // Without a table hit, read the product name: client editions never say "Server".
  return /windows/i.test(l.name) && !/server/i.test(l.name) && !/office/i.test(l.name);
}

export default defineRule({
  meta: {
    id: 'kms-host/key-on-client',
    severity: 'error',
    description: 'A KMS host key (VOLUME_KMS*, not VOLUME_KMSCLIENT) is installed on a Windows client edition. It belongs on hosts only: put back the KMS client setup key and remove the SRV record.',
    kb: ['procedure/restore-kms-client-key', 'procedure/publish-srv-record'],
    facts: ['license'],
    seed: 'Table 2 row 8',
    messages: {
      title: { en: 'KMS host key installed on a client edition', ja: 'KMS ホスト キーがクライアント エディションにインストールされている' },
      detail: {
        en: '{product} carries a KMS host key ({channel}). Client editions should hold the public KMS client setup key for their edition and activate against a host.',
        ja: '{product} には KMS ホスト キー ({channel}) がインストールされています。クライアント エディションには、そのエディション用に公開されている KMS クライアント セットアップ キーを入れ、KMS ホストでライセンス認証します。',
      },
      'remedy-srv': {
        en: 'Remove the _vlmcs._tcp SRV record this machine published ({machine}) from DNS, then restart the machine.',
        ja: 'このコンピューター ({machine}) が発行した _vlmcs._tcp SRV リソース レコードを DNS から削除し、コンピューターを再起動します。',
      },
    },
  },
  check({ view }, m) {
    const wrong = view.licenses('kms-host').filter(isClientEdition);
    if (!wrong.length) return [];
    const edition = editionOf(wrong[0]);
    return [
      {
        detail: m('detail', { product: wrong[0].name, channel: wrong[0].channel }),
        evidence: wrong.map((l) => evidenceOf(l)),
        remedy: [setupKeyCommand(edition), command(CMD.ato), m('remedy-srv', { machine: view.name })],
      },
    ];
  },
});
