// The words slmgr.vbs prints, one table per display language (data/slmgr/<lang>.tsv): labels, whole-line
// statements and license status values. This is the one home of the slmgr vocabulary: the sniffer, the paste
// splitter and the slmgr reader all read it from here. Matching ignores spacing and colon style: Japanese
// blogs and consoles drop or add spaces ("残りのWindows猶予期限リセット可能回数:1001"), Chinese text copied from a
// message box loses them all, and both use full-width colons or none.
import { loadTsv } from '../data-files.js';

/** The display languages whose slmgr output volact reads. */
export const SLMGR_LANGUAGES = ['en', 'ja', 'zh-CN'] as const;
export type SlmgrLanguage = (typeof SLMGR_LANGUAGES)[number];

export interface Label {
  key: string;
  lang: SlmgrLanguage;
  exact: boolean;
  text: string;
  /** The label without spaces and colons, lower-case: what is compared. */
  folded: string;
  /** Whether a value may follow the label with no separator (a label ending in a CJK character). */
  runOn: boolean;
}

export interface StatusWord {
  status: string;
  lang: SlmgrLanguage;
  text: string;
  folded: string;
}

const SKIP = /[\s:：]/;

/** A label or value without spaces and colons, lower-case: what is compared. */
export function fold(s: string): string {
  return [...s].filter((c) => !SKIP.test(c)).join('').toLowerCase();
}

interface Vocabulary {
  labels: Label[];
  statuses: StatusWord[];
}

let vocabulary: Vocabulary | undefined;

function load(): Vocabulary {
  if (vocabulary) return vocabulary;
  const labels: Label[] = [];
  const statuses: StatusWord[] = [];
  for (const lang of SLMGR_LANGUAGES) {
    for (const r of loadTsv(`slmgr/${lang}.tsv`)) {
      const folded = fold(r.text);
      if (r.mode === 'status') statuses.push({ status: r.key, lang, text: r.text, folded: folded.replace(/[.。]$/, '') });
      else labels.push({ key: r.key, lang, exact: r.mode === 'exact', text: r.text, folded, runOn: !/[a-z0-9)]$/.test(folded) });
    }
  }
  // Longest first, so 'Error: Product activation failed.' wins over 'Error:'.
  labels.sort((a, b) => b.folded.length - a.folded.length);
  statuses.sort((a, b) => b.folded.length - a.folded.length);
  return (vocabulary = { labels, statuses });
}

export function allLabels(): Label[] {
  return load().labels;
}

/** The words of one label key in every language ("Error", "エラー", "错误" for errorLine), without their colon. */
export function labelWords(key: string): string[] {
  return load().labels.filter((l) => l.key === key).map((l) => l.text.replace(/[\s:：]+$/, ''));
}

export function allStatusWords(): StatusWord[] {
  return load().statuses;
}

/**
 * If `line` starts with `label` (ignoring spaces and colons on both sides, case-insensitive),
 * the text after it; otherwise undefined. A prefix label ending in a letter or digit must end at a boundary
 * (space, colon, digit, '.', ',' or end of line) so 'Name:' does not match 'Names'; one ending in a CJK
 * character may run straight into its value ("正在激活Windows（R)…").
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
  if (tail !== '' && !label.runOn && !/^[\s:：\d.,]/.test(tail)) return undefined;
  return tail.replace(/^\s*[:：]?\s*/, '').trim();
}

export interface LabelMatch {
  label: Label;
  rest: string;
}

/**
 * The labels a line can match, longest first: those whose folded text begins with the line's first character
 * that is not a space or colon, lower-cased (afterLabel compares that character first). Trying all ~190 labels
 * on every line was a tenth of reading a fleet's small slmgr files.
 */
function candidates(line: string): readonly Label[] {
  const index = (labelIndex ??= indexByFirst(allLabels()));
  let i = 0;
  while (i < line.length && SKIP.test(line[i])) i++;
  if (i >= line.length) return index.anyLine;
  return index.byFirst.get(String.fromCodePoint(line.codePointAt(i)!).toLowerCase()) ?? index.anyLine;
}

interface LabelIndex {
  /** By the first character of the folded label; each list in the longest-first order, labels folding to nothing last. */
  byFirst: Map<string, Label[]>;
  /** Labels that fold to nothing (none in the tables today): shortest, so last in every list, and tried on every line. */
  anyLine: Label[];
}

let labelIndex: LabelIndex | undefined;

function indexByFirst(labels: readonly Label[]): LabelIndex {
  const byFirst = new Map<string, Label[]>();
  const anyLine = labels.filter((l) => l.folded === '');
  for (const label of labels) {
    if (label.folded === '') continue;
    const first = String.fromCodePoint(label.folded.codePointAt(0)!);
    const list = byFirst.get(first);
    if (list) list.push(label);
    else byFirst.set(first, [label]);
  }
  for (const list of byFirst.values()) for (const label of anyLine) list.push(label);
  return { byFirst, anyLine };
}

export function matchLabel(line: string): LabelMatch | undefined {
  const trimmed = line.trim();
  if (trimmed === '') return undefined;
  for (const label of candidates(trimmed)) {
    const rest = afterLabel(trimmed, label);
    if (rest !== undefined) return { label, rest };
  }
  return undefined;
}

/** 'Licensed', 'ライセンスされています', '已授权', 'Additional grace period (KMS license expired …)' → the status name. */
export function statusFromText(text: string): string | undefined {
  const f = fold(text).replace(/[.。]$/, '');
  if (f === '') return undefined;
  const words = allStatusWords();
  const exact = words.find((s) => s.folded === f);
  if (exact) return exact.status;
  // Longer printed forms start with the short name ('Additional grace period (…)').
  return words.find((s) => f.startsWith(s.folded) && s.folded.length >= 4)?.status;
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
