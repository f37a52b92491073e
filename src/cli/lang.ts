// Which language a command answers in: --lang when given, else the locale the shell announces
// (LC_ALL, then LC_MESSAGES, then LANG, the POSIX order of precedence), else English.
import { KB_LANGS, type KbLang } from '../kb/index.js';
import { UsageError } from './output.js';

type Env = Readonly<Record<string, string | undefined>>;

/** `ja_JP.UTF-8`, `ja_JP`, `ja` → ja; anything else (C, POSIX, en_US.UTF-8) → en. The first variable set wins. */
export function languageFromEnv(env: Env = process.env): KbLang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    return /^ja(?:[_.@-]|$)/i.test(value) ? 'ja' : 'en';
  }
  return 'en';
}

/** The --lang value checked, or the language from the environment when the flag is absent. */
export function chooseLanguage(flag: string | undefined, env: Env = process.env): KbLang {
  if (flag === undefined) return languageFromEnv(env);
  if (!(KB_LANGS as readonly string[]).includes(flag)) {
    throw new UsageError(`--lang expects one of ${KB_LANGS.join(', ')}, found ${JSON.stringify(flag)}`);
  }
  return flag as KbLang;
}

export const LANG_OPTION_HELP = `language: ${KB_LANGS.join('|')} (default: from LC_ALL, LC_MESSAGES or LANG; ja_JP.* → ja, else en)`;
