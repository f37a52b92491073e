// Which language to speak: --lang when given, else the POSIX locale variables in their order of
// precedence (LC_ALL, LC_MESSAGES, LANG; the first one set decides), else English.
import type { Lang } from './types.js';

/** "ja_JP.UTF-8", "ja", "ja-JP" → ja; any other set value → en; C/POSIX → en. */
function langOfLocale(value: string): Lang {
  return /^ja(?:[_\-.@]|$)/i.test(value) ? 'ja' : 'en';
}

export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return langOfLocale(value);
  }
  return 'en';
}

/** The language for this run: the flag wins; an unknown flag value is the caller's usage error. */
export function pickLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang | undefined {
  if (flag === undefined) return langFromEnv(env);
  return flag === 'en' || flag === 'ja' ? flag : undefined;
}
