// Table 3 row 3: the key has used up its activations.
import { CMD } from '../../remedies.js';
import { codeArticles, distinctCodes, explainCodes, ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { msg } from '../../../messages/index.js';

export const ID = 'mak/activation-limit';

export default defineRule({
  meta: {
    id: ID,
    severity: 'error',
    description: 'Activation returned 0xC004C008, 0xC004C020 or 0xC004C021: the MAK (or KMS host key) has reached its activation limit.',
    kb: ['code/0xC004C008', 'code/0xC004C020', 'procedure/vamt-proxy-activation'],
    facts: ['online-activation-failure', 'license', 'slmgr-error'],
    seed: 'Table 3 row 3',
    messages: {
      title: { en: 'Product key has no activations left', ja: 'プロダクト キーのライセンス認証の残り回数がない' },
      detail: {
        en: '{codes} Online activation will keep failing until more activations are granted.',
        ja: '{codes} ライセンス認証の回数が追加されるまで、オンラインでのライセンス認証は失敗し続けます。',
      },
      'remedy-phone': {
        en: 'Activate by phone (slui.exe 4); if that fails too, call the Microsoft activation centre with the volume licence agreement details and proof of purchase.',
        ja: '電話でライセンス認証します (slui.exe 4)。それも失敗する場合は、ボリューム ライセンス契約の情報と購入の証明を用意してマイクロソフトのライセンス認証センターに連絡します。',
      },
      'remedy-more': {
        en: 'Ask for more activations on the key through the volume licensing service centre.',
        ja: 'ボリューム ライセンス サービス センターで、キーのライセンス認証回数の追加を依頼します。',
      },
    },
  },
  check({ view }, m) {
    const sightings = ownedSightings(view, ID, 'mak');
    if (!sightings.length) return [];
    const codes = distinctCodes(sightings);
    return [
      {
        detail: m('detail', { codes: explainCodes(codes) }),
        evidence: sightingEvidence(sightings),
        remedy: [m('remedy-phone'), m('remedy-more'), msg('common.then', { cmd: CMD.ato })],
        kb: codeArticles(codes),
      },
    ];
  },
});
