// The labels slmgr.vbs prints (data/slmgr-labels.tsv, English and Japanese, a few others),
// matched so that spacing and colon style do not matter: Japanese blogs and consoles drop or add
// spaces ("残りのWindows猶予期限リセット可能回数:1001"), use full-width colons, or omit the colon.
import { loadTsv } from '../data-files.js';

export interface Label {
  key: string;
  lang: string;
  exact: boolean;
  text: string;
  /** The label without spaces and colons, lower-case: what is compared. */
  folded: string;
}

const SKIP = /[\s:：]/;

/** A label or value without spaces and colons, lower-case: what is compared. */
export function fold(s: string): string {
  return [...s].filter((c) => !SKIP.test(c)).join('').toLowerCase();
}

let labels: Label[] | undefined;

export function allLabels(): Label[] {
  if (labels) return labels;
  labels = loadTsv('slmgr-labels.tsv')
    .map((r) => ({ key: r.key, lang: r.lang, exact: r.mode === 'exact', text: r.text, folded: fold(r.text) }))
    // Longest first, so 'Error: Product activation failed.' wins over 'Error:'.
    .sort((a, b) => b.folded.length - a.folded.length);
  return labels;
}

/**
 * If `line` starts with `label` (ignoring spaces and colons on both sides, case-insensitive),
 * the text after it; otherwise undefined. Prefix labels must end at a boundary (space, colon,
 * digit, '.', ',' or end of line) so 'Name:' does not match 'Names'.
 */
export function afterLabel(line: string, label: Label): string | undefined {
  // Walks the line in place: spreading it into an array of code points for every label cost seconds on a
  // megabyte-long line. Skipped characters are all single UTF-16 units.
  let i = 0;
  for (const want of label.folded) {
    while (i < line.length && SKIP.test(line[i])) i++;
    if (i >= line.length) return undefined;
    const char = String.fromCodePoint(line.codePointAt(i)!);
    if (char.toLowerCase() !== want) return undefined;
    i += char.length;
  }
  const tail = line.slice(i);
  if (label.exact) return /^[\s.:：。]*$/.test(tail) ? '' : undefined;
  if (tail !== '' && !/^[\s:：\d.,]/.test(tail)) return undefined;
  return tail.replace(/^\s*[:：]?\s*/, '').trim();
}

export interface LabelMatch {
  label: Label;
  rest: string;
}

export function matchLabel(line: string): LabelMatch | undefined {
  const trimmed = line.trim();
  if (trimmed === '') return undefined;
  for (const label of allLabels()) {
    const rest = afterLabel(trimmed, label);
    if (rest !== undefined) return { label, rest };
  }
  return undefined;
}

/** Terminal columns a line takes: East Asian wide characters count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6);
    w += wide ? 2 : 1;
  }
  return w;
}
