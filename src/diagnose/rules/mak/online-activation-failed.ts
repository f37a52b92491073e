// Table 3 row 2: Internet activation fails — ports and proxy.
import { CMD } from '../../remedies.js';
import { codeArticles, distinctCodes, explainCodes, ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';
import { msg } from '../../../messages/index.js';

export const ID = 'mak/online-activation-failed';

export default defineRule({
  meta: {
    id: ID,
    severity: 'error',
    description: '8198/8200 or slmgr /ato show a network error (0x80072EE7, 0x80072EFD, 0x80072F8F, 0x8007274C …): the machine cannot reach the activation servers.',
    kb: ['event/8198', 'event/8200', 'procedure/vamt-proxy-activation', 'procedure/activation-alternate-url'],
    facts: ['online-activation-failure', 'license', 'slmgr-error'],
    seed: 'Table 3 row 2',
    messages: {
      title: { en: 'Online activation cannot reach Microsoft', ja: 'オンラインのライセンス認証がマイクロソフトに到達できない' },
      detail: {
        en: "{codes} Online activation needs outbound HTTPS/HTTP to Microsoft's activation servers, through the proxy if there is one.",
        ja: '{codes} オンラインのライセンス認証には、マイクロソフトのライセンス認証サーバーへの送信方向の HTTPS/HTTP 通信 (プロキシがあればプロキシ経由) が必要です。',
      },
      'remedy-ports': {
        en: 'Open the outbound ports online activation uses (HTTPS 443, HTTP 80) to the Microsoft activation endpoints, and check the proxy (netsh winhttp show proxy).',
        ja: 'オンラインのライセンス認証が使う送信方向のポート (HTTPS 443、HTTP 80) をマイクロソフトのライセンス認証のエンドポイントに対して開き、プロキシを確認します (netsh winhttp show proxy)。',
      },
      'remedy-offline': {
        en: 'Without Internet access: activate by phone (slui.exe 4) or by proxy activation through VAMT.',
        ja: 'インターネットに接続できない場合: 電話 (slui.exe 4) または VAMT のプロキシ ライセンス認証でライセンス認証します。',
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
        remedy: [m('remedy-ports'), msg('common.retry', { cmd: CMD.ato }), m('remedy-offline')],
        kb: codeArticles(codes),
      },
    ];
  },
});
