// Table 3 row 3: the key is blocked by Microsoft.
import { CMD } from '../../remedies.js';
import { ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { command, msg } from '../../../messages/index.js';

export const ID = 'mak/key-blocked';

export default defineRule({
  meta: {
    id: ID,
    severity: 'error',
    description: 'Activation returned 0xC004C003: the activation server has blocked this key. A new key is needed.',
    kb: ['code/0xC004C003', 'genuine/non-genuine'],
    facts: ['online-activation-failure', 'license', 'slmgr-error'],
    seed: 'Table 3 row 3',
    messages: {
      title: { en: 'Product key is blocked (0xC004C003)', ja: 'プロダクト キーがブロックされている (0xC004C003)' },
      detail: {
        en: 'Microsoft has blocked this product key (for example because it leaked); no machine can activate with it any more.',
        ja: 'マイクロソフトがこのプロダクト キーをブロックしました (漏えいした場合など)。このキーではどのコンピューターもライセンス認証できません。',
      },
      'remedy-new': { en: 'Get a new MAK from the volume licensing service centre.', ja: 'ボリューム ライセンス サービス センターから新しい MAK を入手します。' },
    },
  },
  check({ view }, m) {
    const sightings = ownedSightings(view, ID, 'mak');
    if (!sightings.length) return [];
    return [
      {
        detail: m('detail'),
        evidence: sightingEvidence(sightings),
        remedy: [m('remedy-new'), msg('common.ipk', { key: msg('common.new-mak') }), command(CMD.ato)],
      },
    ];
  },
});
