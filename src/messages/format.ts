// Turns a message (id + data) into text in one language. Templates name their placeholders: `{name}`
// inserts a value, `{name|one|other}` picks the English singular or plural form by the value (`#` stands
// for the number). Values are inserted as text, never parsed as templates or markup: escaping for
// Markdown, HTML and terminals stays with the renderers.
import { CATALOG } from './catalog/index.js';
import { formatCount, formatDuration, formatTime, formatWindow } from './intl.js';
import { piecesOf, type Format, type Piece } from './template.js';
import type { CodeNames, Lang, MessageArg, MessageRef, MessageText } from './types.js';

/** Codes as they are, unexplained: what a catalog without the code tables says. */
export const PLAIN_CODES: CodeNames = { label: (code) => code, meaning: () => undefined };

/**
 * A catalog with the code tables its `{code}` and `{explain}` values are named from: it renders any of its
 * messages in any language. The layers above build the whole one (every rule's words, the decode tables);
 * this floor only holds the machinery and its own part.
 */
export class MessageCatalog {
  private readonly entries: ReadonlyMap<string, MessageText>;

  constructor(
    entries: Readonly<Record<string, MessageText>>,
    private readonly codes: CodeNames = PLAIN_CODES,
  ) {
    this.entries = new Map(Object.entries(entries));
  }

  /** True when the catalog has a message with this id. */
  has(id: string): boolean {
    return this.entries.has(id);
  }

  ids(): IterableIterator<string> {
    return this.entries.keys();
  }

  get(id: string): MessageText | undefined {
    return this.entries.get(id);
  }

  render(ref: MessageRef, lang: Lang): string {
    return this.parts(ref, lang)
      .map((p) => p.text)
      .join('');
  }

  /**
   * The message as text in pieces: a placeholder named `cmd…` (a command) is a piece of its own marked `command`,
   * so a renderer can set it apart (Markdown code spans) and a copied command works as it was written.
   */
  parts(ref: MessageRef, lang: Lang): TextPart[] {
    const entry = this.entries.get(ref.id);
    if (!entry) throw new Error(`message ${JSON.stringify(ref.id)} is not in the catalog`);
    const out: TextPart[] = [];
    this.fill(piecesOf(entry[lang]), ref, lang, out);
    return out;
  }

  private fill(pieces: Piece[], ref: MessageRef, lang: Lang, out: TextPart[]): void {
    const data = ref.data ?? {};
    for (const p of pieces) {
      if (typeof p === 'string') {
        push(out, p);
        continue;
      }
      const value = data[p.name];
      if ('optional' in p) {
        if (value !== undefined && value !== '') this.fill(p.optional, ref, lang, out);
        continue;
      }
      if (value === undefined) throw new Error(`message ${ref.id}: no value for {${p.name}}`);
      if ('one' in p) push(out, (numberOf(value) === 1 ? p.one : p.other).replace(/#/g, this.arg(value, lang)));
      else if (p.format) push(out, this.formatAs(value, p.format, lang));
      else if (COMMAND_PLACEHOLDER.test(p.name)) this.commands(value, lang, out);
      else if (typeof value === 'object' && 'id' in value) this.fill(piecesOf(this.entryOf(value.id)[lang]), value, lang, out);
      else push(out, this.arg(value, lang));
    }
  }

  /** A command, or a list of commands: each its own piece, the list's separators text between them. */
  private commands(value: MessageArg, lang: Lang, out: TextPart[]): void {
    if (typeof value !== 'object' || !('list' in value)) {
      out.push({ text: this.arg(value, lang), command: true });
      return;
    }
    const separator = (value.by === 'semicolon' ? SEMICOLON_SEPARATOR : LIST_SEPARATOR)[lang];
    value.list.forEach((item, i) => {
      if (i > 0) push(out, separator);
      out.push({ text: this.arg(item, lang), command: true });
    });
  }

  private entryOf(id: string): MessageText {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`message ${JSON.stringify(id)} is not in the catalog`);
    return entry;
  }

  private formatAs(value: MessageArg, format: Format, lang: Lang): string {
    if (typeof value === 'object') return this.arg(value, lang);
    switch (format) {
      case 'code':
        return this.codes.label(String(value));
      case 'explain':
        return this.explainCode(String(value), lang);
      case 'count':
        return typeof value === 'number' ? formatCount(value, lang) : value;
      case 'time':
        return formatTime(value, lang);
      case 'duration':
        return typeof value === 'number' ? formatDuration(value, lang) : value;
    }
  }

  /** One placeholder's value as text in `lang`. */
  arg(value: MessageArg, lang: Lang): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    if ('id' in value) return this.render(value, lang);
    if ('count' in value) return formatCount(value.count, lang);
    if ('duration' in value) return formatDuration(value.duration, lang);
    if ('time' in value) return formatTime(value.time, lang);
    if ('window' in value) return formatWindow(value.window[0], value.window[1], lang);
    if ('list' in value) return value.list.map((v) => this.arg(v, lang)).join((value.by === 'semicolon' ? SEMICOLON_SEPARATOR : LIST_SEPARATOR)[lang]);
    if ('and' in value) return conjunction(lang).format(value.and.map((v) => this.arg(v, lang)));
    if ('sentences' in value) return value.sentences.map((v) => this.arg(v, lang)).filter((t) => t !== '').join(' ');
    if ('code' in value) return this.codes.label(value.code);
    return this.explainCode(value.explain, lang);
  }

  /** "0xC004F074 (SYMBOL): meaning". Without a meaning in `lang` but with an English one, the label alone (`explain` has the rest). */
  private explainCode(code: string, lang: Lang): string {
    const label = this.codes.label(code);
    const meaning = this.codes.meaning(code, lang);
    if (meaning) return this.render({ id: 'common.code-explained', data: { label, meaning } }, lang);
    if (this.codes.meaning(code, 'en')) return this.render({ id: 'common.code-see-explain', data: { label, code } }, lang);
    return this.render({ id: 'common.code-explained', data: { label, meaning: { id: 'common.no-code-description' } } }, lang);
  }
}

/** A piece of rendered text; `command` marks a command the renderers keep apart (a code span in Markdown). */
export interface TextPart {
  text: string;
  command?: true;
}

/** Placeholders that hold a command: `{cmd}`, `{cmdSrv}`, and the commands remedies name by what they do. */
const COMMAND_PLACEHOLDER = /^(?:cmd(?:[A-Z]\w*)?|ato|ipk|rearm|sysprep)$/;

/** Appends text, joining it to the text before it. */
function push(out: TextPart[], text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && !last.command) last.text += text;
  else out.push({ text });
}

function numberOf(value: MessageArg): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && 'count' in value) return value.count;
  return undefined;
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

/** This floor's own part of the catalog (no rule's words, codes unexplained): for errors and the CLI's lines. */
export const BASE_CATALOG = new MessageCatalog(CATALOG);

/** A message of this floor's catalog in `lang`. Reports render through the whole catalog (src/report/speaker.ts). */
export function render(ref: MessageRef, lang: Lang): string {
  return BASE_CATALOG.render(ref, lang);
}

/** English text of a message of this floor's catalog: an Error's `message` (never what a person is shown; that is `ref`). */
export function english(ref: MessageRef): string {
  return render(ref, 'en');
}

/** The same message with the same data gives the same key: to tell messages apart without rendering them. */
export function messageKey(ref: MessageRef): string {
  return JSON.stringify(ref);
}
