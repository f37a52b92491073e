// Table 3 row 2: Internet activation fails — ports and proxy.
import { CMD } from '../../remedies.js';
import { codeArticles, distinctCodes, explainCode, ownedSightings, sightingEvidence } from '../../rule-helpers.js';
import { defineRule } from '../../rule.js';

export const ID = 'mak/online-activation-failed';

export default defineRule(
  {
    id: ID,
    severity: 'error',
    title: 'Online activation cannot reach Microsoft',
    description: '8198/8200 or slmgr /ato show a network error (0x80072EE7, 0x80072EFD, 0x80072F8F, 0x8007274C …): the machine cannot reach the activation servers.',
    kb: ['event/8198', 'event/8200', 'procedure/vamt-proxy-activation', 'procedure/activation-alternate-url'],
    facts: ['online-activation-failure', 'license', 'slmgr-error'],
    seed: 'Table 3 row 2',
  },
  ({ view }) => {
    const sightings = ownedSightings(view, ID, 'mak');
    if (!sightings.length) return [];
    const codes = distinctCodes(sightings);
    return [
      {
        detail: `${codes.map(explainCode).join(' ')} Online activation needs outbound HTTPS/HTTP to Microsoft's activation servers, through the proxy if there is one.`,
        evidence: sightingEvidence(sightings),
        remedy: [
          'Open the outbound ports online activation uses (HTTPS 443, HTTP 80) to the Microsoft activation endpoints, and check the proxy (netsh winhttp show proxy).',
          `Retry: ${CMD.ato}`,
          'Without Internet access: activate by phone (slui.exe 4) or by proxy activation through VAMT.',
        ],
        kb: codeArticles(codes),
      },
    ];
  },
);
