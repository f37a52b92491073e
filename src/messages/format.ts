// Turns a message (id + data) into text in one language. Templates name their placeholders: `{name}`
// inserts a value, `{name|one|other}` picks the English singular or plural form by the value (`#` stands
// for the number). Values are inserted as text, never parsed as templates or markup: escaping for
// Markdown, HTML and terminals stays with the renderers.
import { CATALOG } from './catalog/index.js';
import type { Lang, MessageArg, MessageRef, MessageText } from './types.js';

// How codes are named and explained: the layers that hold the tables plug in (decode: labels and English
// meanings; the knowledge base: Japanese meanings), so this floor imports none of them.
type CodeLabel = (code: string) => string;
type CodeMeaning = (code: string) => string | undefined;
let codeLabel: CodeLabel = (code) => code;
const codeMeanings: Partial<Record<Lang, CodeMeaning>> = {};

export function setCodeLabels(label: CodeLabel): void {
  codeLabel = label;
}

export function setCodeMeanings(lang: Lang, meaning: CodeMeaning): void {
  codeMeanings[lang] = meaning;
}

const catalog: ReadonlyMap<string, MessageText> = new Map(Object.entries(CATALOG));

// Templates, parsed once: text, and placeholders in braces —
//   {name}            the value (strings and numbers as they are; tagged values formatted per language)
//   {name:code}       the string value as an HRESULT label; also :explain, :count, :time, :duration
//   {name|one|other}  English singular or plural by the number (# is the number)
//   {name?…}          the template … only when the value is given (not undefined, not '')
type Piece =
  | string
  | { name: string; format?: Format }
  | { name: string; one: string; other: string }
  | { name: string; optional: Piece[] };
type Format = 'code' | 'explain' | 'count' | 'time' | 'duration';
const FORMATS: ReadonlySet<string> = new Set<Format>(['code', 'explain', 'count', 'time', 'duration']);

function parseTemplate(template: string): Piece[] {
  let at = 0;
  const parse = (inner: boolean): Piece[] => {
    const out: Piece[] = [];
    let text = '';
    while (at < template.length) {
      const ch = template[at];
      if (ch === '}' && inner) break;
      if (ch !== '{') {
        text += ch;
        at++;
        continue;
      }
      const head = /^\{([A-Za-z][A-Za-z0-9_]*)(?::([a-z]+)|\|([^|{}]*)\|([^|{}]*)|(\?))?/.exec(template.slice(at));
      if (!head) throw new Error(`template ${JSON.stringify(template)}: a "{" at ${at} that starts no placeholder`);
      if (text) out.push(text);
      text = '';
      at += head[0].length;
      const [, name, format, one, other, optional] = head;
      if (optional) {
        out.push({ name, optional: parse(true) });
      } else if (one !== undefined) out.push({ name, one, other: other! });
      else {
        if (format !== undefined && !FORMATS.has(format)) throw new Error(`template ${JSON.stringify(template)}: unknown format :${format}`);
        out.push(format ? { name, format: format as Format } : { name });
      }
      if (template[at] !== '}') throw new Error(`template ${JSON.stringify(template)}: "}" expected at ${at}`);
      at++;
    }
    if (text) out.push(text);
    return out;
  };
  const pieces = parse(false);
  if (at !== template.length) throw new Error(`template ${JSON.stringify(template)}: unmatched "}" at ${at}`);
  return pieces;
}

const parsed = new Map<string, Piece[]>();
function piecesOf(template: string): Piece[] {
  let pieces = parsed.get(template);
  if (!pieces) parsed.set(template, (pieces = parseTemplate(template)));
  return pieces;
}

/** The placeholder names a template uses, sorted (the catalog test compares them across languages). */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  const walk = (pieces: Piece[]): void => {
    for (const p of pieces) {
      if (typeof p === 'string') continue;
      names.add(p.name);
      if ('optional' in p) walk(p.optional);
    }
  };
  walk(piecesOf(template));
  return [...names].sort();
}

/** True when the catalog has a message with this id. */
export function hasMessage(id: string): boolean {
  return catalog.has(id);
}

export function render(ref: MessageRef, lang: Lang): string {
  const entry = catalog.get(ref.id);
  if (!entry) throw new Error(`message ${JSON.stringify(ref.id)} is not in the catalog`);
  return fill(piecesOf(entry[lang]), ref, lang);
}

function fill(pieces: Piece[], ref: MessageRef, lang: Lang): string {
  const data = ref.data ?? {};
  let out = '';
  for (const p of pieces) {
    if (typeof p === 'string') {
      out += p;
      continue;
    }
    const value = data[p.name];
    if ('optional' in p) {
      if (value !== undefined && value !== '') out += fill(p.optional, ref, lang);
      continue;
    }
    if (value === undefined) throw new Error(`message ${ref.id}: no value for {${p.name}}`);
    if ('one' in p) out += (numberOf(value) === 1 ? p.one : p.other).replace(/#/g, formatArg(value, lang));
    else out += p.format ? formatAs(value, p.format, lang) : formatArg(value, lang);
  }
  return out;
}

function formatAs(value: MessageArg, format: Format, lang: Lang): string {
  if (typeof value === 'object') return formatArg(value, lang);
  switch (format) {
    case 'code':
      return codeLabel(String(value));
    case 'explain':
      return explainCode(String(value), lang);
    case 'count':
      return typeof value === 'number' ? formatCount(value, lang) : value;
    case 'time':
      return formatTime(value, lang);
    case 'duration':
      return typeof value === 'number' ? formatDuration(value, lang) : value;
  }
}

/** English text of a message: what the `title`/`detail`/… strings of findings and steps hold. */
export function english(ref: MessageRef): string {
  return render(ref, 'en');
}

function numberOf(value: MessageArg): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && 'count' in value) return value.count;
  return undefined;
}

export function formatArg(value: MessageArg, lang: Lang): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if ('id' in value) return render(value, lang);
  if ('count' in value) return formatCount(value.count, lang);
  if ('duration' in value) return formatDuration(value.duration, lang);
  if ('time' in value) return formatTime(value.time, lang);
  if ('window' in value) return formatWindow(value.window[0], value.window[1], lang);
  if ('list' in value) return value.list.map((v) => formatArg(v, lang)).join((value.by === 'semicolon' ? SEMICOLON_SEPARATOR : LIST_SEPARATOR)[lang]);
  if ('and' in value) return conjunction(lang).format(value.and.map((v) => formatArg(v, lang)));
  if ('sentences' in value) return value.sentences.map((v) => formatArg(v, lang)).filter((t) => t !== '').join(' ');
  if ('code' in value) return codeLabel(value.code);
  return explainCode(value.explain, lang);
}

const LIST_SEPARATOR: Record<Lang, string> = { en: ', ', ja: '、' };
const SEMICOLON_SEPARATOR: Record<Lang, string> = { en: '; ', ja: ' / ' };

const conjunctions = new Map<Lang, Intl.ListFormat>();
/** "1 and 2", "1、2": Intl's own way of listing alternatives that all hold. */
function conjunction(lang: Lang): Intl.ListFormat {
  let f = conjunctions.get(lang);
  if (!f) conjunctions.set(lang, (f = new Intl.ListFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { type: 'conjunction' })));
  return f;
}

/** "0xC004F074 (SYMBOL): meaning". Without a meaning in `lang` but with an English one, the label alone (`explain` has the rest). */
function explainCode(code: string, lang: Lang): string {
  const label = codeLabel(code);
  const meaning = codeMeanings[lang]?.(code);
  if (meaning) return render({ id: 'common.code-explained', data: { label, meaning } }, lang);
  if (codeMeanings.en?.(code)) return render({ id: 'common.code-see-explain', data: { label, code } }, lang);
  return render({ id: 'common.code-explained', data: { label, meaning: { id: 'common.no-code-description' } } }, lang);
}

// Formatting with Intl, per language. English keeps the forms support engineers type into filters
// ("2024-03-01 10:00 UTC", "4.5 h"); Japanese uses its own units. Times are always shown in UTC and say so.

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}${digits}`;
  let f = numberFormats.get(key);
  // English reports print counts without separators, as they always have (scripts and filters match them).
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: digits, useGrouping: lang === 'ja' })));
  return f;
}

export function formatCount(n: number, lang: Lang): string {
  return numberFormat(lang, 0).format(n);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNITS: Record<Lang, { day: string; hour: string; minute: string }> = {
  en: { day: ' days', hour: ' h', minute: ' min' },
  ja: { day: ' 日', hour: ' 時間', minute: ' 分' },
};

/** A length of time, sign dropped: "4.5 h" / "4.5 時間". */
export function formatDuration(ms: number, lang: Lang): string {
  const abs = Math.abs(ms);
  const u = UNITS[lang];
  if (abs >= 2 * DAY) return `${numberFormat(lang, 1).format(abs / DAY)}${u.day}`;
  if (abs >= HOUR) return `${numberFormat(lang, 1).format(abs / HOUR)}${u.hour}`;
  return `${numberFormat(lang, 0).format(Math.round(abs / MINUTE))}${u.minute}`;
}

const timeFormats = new Map<Lang, Intl.DateTimeFormat>();
function timeParts(ms: number, lang: Lang): Record<string, string> {
  let f = timeFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-CA', {
      timeZone: 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    timeFormats.set(lang, f);
  }
  return Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
}

function dayOf(p: Record<string, string>, lang: Lang): string {
  return lang === 'ja' ? `${p.year}/${p.month}/${p.day}` : `${p.year}-${p.month}-${p.day}`;
}

/** A moment in UTC at minute precision: "2024-03-01 10:00 UTC" / "2024/03/01 10:00 UTC". ISO strings that do not parse stay as they are. */
export function formatTime(time: number | string, lang: Lang): string {
  const ms = typeof time === 'number' ? time : Date.parse(time);
  if (Number.isNaN(ms)) return String(time);
  const p = timeParts(ms, lang);
  return `${dayOf(p, lang)} ${p.hour}:${p.minute} UTC`;
}

/** "2024-03-01 10:00–14:00 UTC", or two full stamps when the days differ. */
export function formatWindow(from: number, to: number, lang: Lang): string {
  const a = timeParts(from, lang);
  const b = timeParts(to, lang);
  if (dayOf(a, lang) === dayOf(b, lang)) return `${dayOf(a, lang)} ${a.hour}:${a.minute}–${b.hour}:${b.minute} UTC`;
  return `${formatTime(from, lang)} – ${formatTime(to, lang)}`;
}
