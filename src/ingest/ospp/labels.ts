// The lines ospp.vbs prints (data/ospp-labels.tsv): the same English on every Windows language; only the
// cscript banner follows the system language. Matched on the trimmed line, any case, so the tab ospp puts
// before its KMS lines and the spaces people add or lose when pasting do not matter.
import { loadTsv } from '../data-files.js';

export interface OsppLabel {
  key: string;
  exact: boolean;
  /** As printed, without the trailing colon of prefix labels. */
  text: string;
  lower: string;
}

export interface OsppMatch {
  key: string;
  /** The value after the label (prefix labels), trimmed; '' for exact lines. */
  rest: string;
}

let labels: OsppLabel[] | undefined;

function table(): OsppLabel[] {
  if (labels) return labels;
  labels = loadTsv('ospp-labels.tsv')
    .map((r) => {
      const exact = r.mode === 'exact';
      const text = exact ? r.text : r.text.replace(/:\s*$/, '');
      return { key: r.key, exact, text, lower: text.toLowerCase() };
    })
    // Longest first, so a longer label wins over one it starts with.
    .sort((a, b) => b.text.length - a.text.length);
  return labels;
}

/** The frame lines: "---Processing-----", "---Exiting-----" and the separator, whatever number of dashes a paste kept. */
const FRAME = /^-{3}(processing|exiting)-{3,}$|^-{12,}$/i;

/** ospp's label on this line, if any. Prefix labels must be followed by a colon. */
export function matchOsppLine(line: string): OsppMatch | undefined {
  const t = line.trim();
  if (t === '' || t.length > 4096) return undefined;
  const frame = FRAME.exec(t);
  if (frame) return { key: frame[1] ? (frame[1].toLowerCase() === 'processing' ? 'processing' : 'exiting') : 'separator', rest: '' };
  const lower = t.toLowerCase();
  for (const label of table()) {
    if (!lower.startsWith(label.lower)) continue;
    const tail = t.slice(label.text.length);
    if (label.exact) {
      if (tail.trim() === '') return { key: label.key, rest: '' };
      continue;
    }
    if (label.key === 'banner') return { key: 'banner', rest: tail.trim() };
    const colon = /^\s*[:：]\s?/.exec(tail);
    if (colon) return { key: label.key, rest: tail.slice(colon[0].length).trim() };
  }
  return undefined;
}

/** The license status words inside LICENSE STATUS (data/ospp-status.tsv): "---OOB_GRACE---" → 'OOBGrace'. */
let statuses: Map<string, string> | undefined;
export function osppStatus(value: string): string | undefined {
  statuses ??= new Map(loadTsv('ospp-status.tsv').map((r) => [r.token.replace(/[\s_]/g, '').toUpperCase(), r.status]));
  // Pasted text sometimes gains a space after an underscore ("---OOB_ GRACE---"): compare without either.
  const token = value.replace(/^[\s-]+|[\s-]+$/g, '').replace(/[\s_]/g, '').toUpperCase();
  return statuses.get(token);
}
