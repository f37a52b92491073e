// Whether a text is ospp.vbs output, from the same label table the parser reads (data/ospp-labels.tsv).
import { matchOsppLine } from './labels.js';

/** Lines only ospp prints: two different ones in the first lines make a document ospp output. */
const TELLING = new Set([
  'processing', 'exiting', 'actAttempt', 'tokenActAttempt', 'productId', 'skuId', 'licenseName', 'licenseDescription',
  'betaExpiration', 'licenseStatus', 'errorCode', 'errorDescription', 'remainingGrace', 'partialKey', 'kmsRegistryOverride',
  'actSuccess', 'keyInstalled', 'keyUninstalled', 'uninstallingKey', 'historyHint', 'kbNotice', 'historyKms', 'historyActErr',
]);

/** ospp's frame line, or the first line of a product block, decide alone. */
const DECISIVE = new Set(['processing', 'exiting', 'actAttempt', 'licenseName', 'historyKms', 'historyActErr']);

const LINES_LOOKED_AT = 60;

export function looksLikeOspp(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, LINES_LOOKED_AT);
  const seen = new Set<string>();
  for (const line of lines) {
    const m = matchOsppLine(line);
    if (!m || !TELLING.has(m.key)) continue;
    if (DECISIVE.has(m.key)) return true;
    seen.add(m.key);
    if (seen.size >= 2) return true;
  }
  return false;
}
