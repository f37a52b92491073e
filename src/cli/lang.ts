// Which language a command answers in: --lang when given, else the locale the shell announces
// (LC_ALL, then LC_MESSAGES, then LANG, the POSIX order of precedence), else English. The rule itself lives
// with the message catalog (src/messages/lang.ts); commands read it through parseLang (output.ts).
import { langFromEnv, LANGS, pickLang, type Lang } from '../messages/index.js';
import { expectsOneOf } from './output.js';

type Env = Readonly<Record<string, string | undefined>>;

/** `ja_JP.UTF-8`, `ja_JP`, `ja` → ja; anything else (C, POSIX, en_US.UTF-8) → en. The first variable set wins. */
export function languageFromEnv(env: Env = process.env): Lang {
  return langFromEnv(env);
}

/** The --lang value checked, or the language from the environment when the flag is absent. */
export function chooseLanguage(flag: string | undefined, env: Env = process.env): Lang {
  const lang = pickLang(flag, env);
  if (!lang) throw expectsOneOf('--lang', LANGS, flag ?? '');
  return lang;
}

export const LANG_OPTION_HELP = `language: ${LANGS.join('|')} (default: from LC_ALL, LC_MESSAGES or LANG; ja_JP.* → ja, else en)`;
