// Whether a text is slmgr.vbs output, decided from the same vocabulary the reader reads (data/slmgr/<lang>.tsv),
// so the sniffer never turns away what the reader understands.
import { codeAtStart } from '../text/paste/kinds.js';
import { matchLabel } from './labels.js';

/** Labels that only slmgr prints (/dli, /dlv, /ato); two of them in the first lines make a document slmgr output. */
const TELLING_KEYS = new Set([
  'name',
  'description',
  'partialKey',
  'licenseStatus',
  'activationId',
  'applicationId',
  'kmsClientHeader',
  'kmsHostHeader',
  'cmid',
  'volumeExpiry',
  'activating',
  'activated',
  'activationFailed',
  'productKeyNotFound',
  'serviceVersion',
  'currentCount',
]);

/** /ato, /ipk and /skms lines no other program prints. */
const DECISIVE_KEYS = new Set(['activating', 'activated', 'keyInstalled', 'kmsNameSet', 'kmsNameCleared']);

const LINES_LOOKED_AT = 60;

/**
 * slmgr output, including the shortest pastes customers send: a lone `/xpr` status line ("Initial grace
 * period ends …", "Windows is in Notification mode") or a lone `/ato` error ("Error: 0xC004F042 …",
 * "エラー: 0xC004F074 …", "错误：0xC004F074软件授权…"), possibly wrapped.
 */
export function looksLikeSlmgr(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, LINES_LOOKED_AT);
  const seen = new Set<string>();
  let firstLine = true;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const m = matchLabel(line);
    const opening = firstLine;
    firstLine = false;
    if (!m) continue;
    const key = m.label.key;
    if (TELLING_KEYS.has(key)) seen.add(key);
    // /xpr prints one status line per product, /ato "Activating <product> (<id>) ..." and its result line:
    // each of these sentences is slmgr's own, so one of them is enough.
    if (key.startsWith('xpr') || DECISIVE_KEYS.has(key)) return true;
    if (key === 'errorLine') {
      const code = codeAtStart(m.rest);
      // "Error: 0xC004F042 …" opening a paste, or any licensing code or mention of slui: slmgr speaking.
      if (code && (opening || /^0x[4C]004/i.test(code) || /slui|Software Licensing|软件授权/i.test(m.rest))) return true;
    }
    if (seen.size >= 2) return true;
  }
  return false;
}
