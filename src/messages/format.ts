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

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

/** The placeholder names a template uses, sorted (the catalog test compares them across languages). */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

/** True when the catalog has a message with this id. */
export function hasMessage(id: string): boolean {
  return catalog.has(id);
}

export function render(ref: MessageRef, lang: Lang): string {
  const entry = catalog.get(ref.id);
  if (!entry) throw new Error(`message ${JSON.stringify(ref.id)} is not in the catalog`);
  const data = ref.data ?? {};
  return entry[lang].replace(PLACEHOLDER, (_all, name: string, one?: string, other?: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`message ${ref.id}: no value for {${name}}`);
    if (one !== undefined && other !== undefined) {
      const n = numberOf(value);
      return (n === 1 ? one : other).replace(/#/g, formatArg(value, lang));
    }
    return formatArg(value, lang);
  });
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
  if ('list' in value) return value.list.map((v) => formatArg(v, lang)).join(LIST_SEPARATOR[lang]);
  if ('sentences' in value) return value.sentences.map((v) => formatArg(v, lang)).filter((t) => t !== '').join(' ');
  if ('code' in value) return codeLabel(value.code);
  return explainCode(value.explain, lang);
}

const LIST_SEPARATOR: Record<Lang, string> = { en: ', ', ja: '、' };

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
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: digits })));
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
