// The one place a message becomes text for a person: the whole catalog (ours and every rule's own words) with
// the code tables for `{code}` and `{explain}`. Reporters and the CLI render through it, once, at the edge, in
// the run's language; nothing below them renders.
import { CODE_NAMES } from '../decode/index.js';
import { RULE_MESSAGES } from '../diagnose/index.js';
import { CATALOG, MessageCatalog, msg, type Lang, type MessageArg, type MessageId, type MessageRef, type MessageText, type TextPart } from '../messages/index.js';

/** Our catalog and every rule's words: an id in both is a bug, found at load. */
function wholeCatalog(): Record<string, MessageText> {
  const clash = Object.keys(RULE_MESSAGES).filter((id) => id in CATALOG);
  if (clash.length) throw new Error(`message ids both in the catalog and in a rule: ${clash.join(', ')}`);
  return { ...CATALOG, ...RULE_MESSAGES };
}

export const MESSAGES = new MessageCatalog(wholeCatalog(), CODE_NAMES);

/** Renders messages in one language. */
export interface Speaker {
  readonly lang: Lang;
  /** A message (id + data) as text. */
  say(ref: MessageRef): string;
  /** A message of our own catalog by id: `t('report.title')`. */
  t(id: MessageId, data?: Record<string, MessageArg | undefined>): string;
  /** A message as text in pieces, commands apart (Markdown sets them in code spans). */
  parts(ref: MessageRef): TextPart[];
}

const speakers = new Map<Lang, Speaker>();

export function speaker(lang: Lang = 'en'): Speaker {
  let s = speakers.get(lang);
  if (!s) {
    const say = (ref: MessageRef): string => MESSAGES.render(ref, lang);
    speakers.set(lang, (s = { lang, say, t: (id, data) => say(msg(id, data)), parts: (ref) => MESSAGES.parts(ref, lang) }));
  }
  return s;
}

/** A message as text in `lang`, through the whole catalog (the library's `renderMessage`). */
export function renderMessage(ref: MessageRef, lang: Lang): string {
  return MESSAGES.render(ref, lang);
}
