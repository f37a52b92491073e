// License state (/dlv): no rearms left.
import { evidenceOf } from '../../evidence-refs.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  meta: {
    id: 'license/rearm-exhausted',
    severity: 'warning',
    description: 'slmgr /dlv shows a remaining Windows rearm count of 0: slmgr /rearm and sysprep /generalize can no longer reset the grace period or the CMID.',
    kb: ['procedure/read-slmgr-dli-dlv', 'procedure/reset-cmid'],
    facts: ['license'],
    seed: 'license state (/dlv)',
    messages: {
      title: { en: 'No rearms left', ja: '再初期化 (rearm) の残り回数がない' },
      detail: {
        en: 'The remaining rearm count is 0. If this machine is an image source, clones made from it cannot get a fresh CMID with a rearm, and the grace period cannot be extended.',
        ja: '再初期化 (rearm) の残り回数は 0 です。このコンピューターがイメージの元であれば、そこから作った複製は rearm で新しい CMID を得られず、猶予期間も延長できません。',
      },
      evidence: { en: 'slmgr: {product}, remaining Windows rearm count 0', ja: 'slmgr: {product}、Windows の再初期化 (rearm) の残り回数 0' },
      'remedy-ato': { en: 'Activate the machine instead of rearming: {cmd}', ja: '再初期化 (rearm) ではなくライセンス認証を行います: {cmd}' },
      'remedy-image': {
        en: 'Build images from a fresh installation and generalize them with {sysprep} before capture.',
        ja: 'イメージは新規インストールから作成し、キャプチャの前に {sysprep} で一般化します。',
      },
    },
  },
  check({ view }, m) {
    const none = view.licenses().filter((l) => l.rearmCount === 0);
    if (!none.length) return [];
    return [
      {
        detail: m('detail'),
        evidence: none.map((l) => evidenceOf(l, m('evidence', { product: l.name }))),
        remedy: [m('remedy-ato', { cmd: CMD.ato }), m('remedy-image', { sysprep: CMD.sysprep })],
      },
    ];
  },
});
