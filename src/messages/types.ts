// The shapes of a message: what rules, walks and the CLI emit instead of sentences. A message is an id
// from the catalog plus data; a renderer turns it into text in one language. Imports nothing.

export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];

/** One catalog entry: a template per language with the same named placeholders (`{name}`). */
export interface MessageText {
  en: string;
  ja: string;
}

/**
 * A value for a placeholder. Strings and plain numbers are inserted as they are (values from input,
 * codes, commands, ids: never translated). The tagged forms are formatted for the language.
 */
export type MessageArg =
  | string
  | number
  | MessageRef
  | { count: number }
  | { duration: number }
  | { time: number | string }
  | { window: [number, number] }
  /** Items joined the way the language lists them (", " / "、"); `by: 'semicolon'` for items that hold commas themselves. */
  | { list: MessageArg[]; by?: 'semicolon' }
  /** A list read as "a, b and c" (Intl.ListFormat, conjunction). */
  | { and: MessageArg[] }
  /** Sentences one after another (joined by a space). */
  | { sentences: MessageArg[] }
  /** An HRESULT by its label: "0xC004F074 (SL_E_VL_BINDING_SERVICE_UNAVAILABLE)". */
  | { code: string }
  /** An HRESULT with what it means, in the language when we have that. */
  | { explain: string };

export interface MessageRef {
  id: string;
  /** Values by placeholder name; undefined (or '') leaves an optional `{name?…}` section out. */
  data?: Record<string, MessageArg | undefined>;
}

/**
 * How HRESULTs are named and explained in messages (`{name:code}`, `{name:explain}`). The tables live in
 * decode/, above this floor: whoever renders for a person passes them in.
 */
export interface CodeNames {
  /** "0xC004F074 (SL_E_VL_BINDING_SERVICE_UNAVAILABLE)". */
  label(code: string): string;
  /** What the code means in `lang`, when the tables say. */
  meaning(code: string, lang: Lang): string | undefined;
}
