// Public face of the message catalog: the lowest floor beside src/types.ts. Every layer emits message
// ids with data (`msg`); reporters render them once, in the chosen language, through the whole catalog
// (src/report/speaker.ts). Nothing here imports another layer.
import type { MessageId } from './catalog/index.js';
import type { MessageArg, MessageRef } from './types.js';

export { CATALOG, CATALOG_PARTS, type MessageId } from './catalog/index.js';
export { BASE_CATALOG, english, messageKey, MessageCatalog, PLAIN_CODES, type TextPart } from './format.js';
export { placeholders } from './template.js';
export { formatCount, formatDuration, formatTime, formatWindow } from './intl.js';
export { langFromEnv, pickLang } from './lang.js';
export { LANGS, type CodeNames, type Lang, type MessageArg, type MessageRef, type MessageText } from './types.js';

/** A message from the catalog with its data. */
export function msg(id: MessageId, data?: Record<string, MessageArg | undefined>): MessageRef {
  return data ? { id, data } : { id };
}

/** A command or other value shown as it is (a remedy step that is only a command). */
export const command = (cmd: string): MessageRef => ({ id: 'common.command', data: { cmd } });

/** A list of values, joined the way the language joins lists. */
export const list = (items: readonly MessageArg[]): MessageArg => ({ list: [...items] });
/** A list of items that hold commas themselves: "a, b; c, d". */
export const semicolonList = (items: readonly MessageArg[]): MessageArg => ({ list: [...items], by: 'semicolon' });
/** How many things a finding names before it only counts the rest (clones of a CMID, clients, hosts). */
export const LIST_EXAMPLES = 10;
/**
 * The first `LIST_EXAMPLES` of `total` things, then "and N more". `examples` may hold just those first few, so
 * a caller that counts can stop collecting names early.
 */
export function cappedList(examples: readonly MessageArg[], total = examples.length, by?: 'semicolon'): MessageArg {
  const shown = examples.slice(0, LIST_EXAMPLES);
  const items: MessageArg = by ? { list: shown, by } : { list: shown };
  return total > shown.length ? { id: 'common.list-more', data: { items, n: total - shown.length } } : items;
}
/** Messages one after another. */
export const sentences = (items: readonly MessageArg[]): MessageArg => ({ sentences: [...items] });
export const count = (n: number): MessageArg => ({ count: n });
export const duration = (ms: number): MessageArg => ({ duration: ms });
export const time = (t: number | string): MessageArg => ({ time: t });
export const window = (from: number, to: number): MessageArg => ({ window: [from, to] });
/** An HRESULT by its label (code and symbol). */
export const code = (c: string): MessageArg => ({ code: c });
/** An HRESULT with its meaning in the language when we have one: "0xC004F074 (SYMBOL): meaning". */
export const explain = (c: string): MessageArg => ({ explain: c });
/** Nothing: for an optional part of a template. */
export const NONE = '';
