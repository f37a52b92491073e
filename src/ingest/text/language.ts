// Which display language a text that volact cannot read is in, so that turning it away names the language
// and says what volact reads, rather than "unknown format". Strings Windows prints in languages volact does not
// read yet are in data/languages.tsv (seen in scripts or pastes); the writing system decides the rest.
import { loadTsv } from '../data-files.js';

export interface LanguageGuess {
  /** BCP 47 tag, or a script name when only the script is known ('Cyrl'). */
  lang: string;
  /** English name, for the rejection reason. */
  name: string;
}

/** What volact reads, for the rejection reason. */
export const LANGUAGES_READ = 'English, Japanese and Simplified Chinese';

let markers: Array<{ lang: string; name: string; text: string }> | undefined;

function markerRows(): Array<{ lang: string; name: string; text: string }> {
  return (markers ??= loadTsv('languages.tsv').map((r) => ({ lang: r.lang, name: r.name, text: r.text.toLowerCase() })));
}

// Characters whose form differs between Traditional and Simplified Chinese, pairwise (啟/启 …), among those
// activation and network output prints: which set a text uses tells the two apart.
const TRADITIONAL = '啟權態產據識體碼號證錯誤資訊務電腦網路設變機關連線請應稱檢測與時間區軟認無條執狀';
const SIMPLIFIED = '启权态产据识体码号证错误资讯务电脑网路设变机关连线请应称检测与时间区软认无条执状';

const SCRIPTS: Array<{ lang: string; name: string; test: RegExp }> = [
  { lang: 'ko', name: 'Korean', test: /[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]/g },
  { lang: 'Cyrl', name: 'Russian or another Cyrillic-script language', test: /[\u0400-\u04ff]/g },
  { lang: 'el', name: 'Greek', test: /[\u0370-\u03ff]/g },
  { lang: 'Arab', name: 'Arabic or another Arabic-script language', test: /[\u0600-\u06ff]/g },
  { lang: 'he', name: 'Hebrew', test: /[\u0590-\u05ff]/g },
  { lang: 'th', name: 'Thai', test: /[\u0e00-\u0e7f]/g },
];

/**
 * Words frequent in those languages' Windows output and not English words, and the letters they use that
 * English does not: three words and one such letter name the language (an English text never does).
 */
const LATIN: Array<{ lang: string; name: string; words: RegExp; letters: RegExp }> = [
  { lang: 'de', name: 'German', words: /\b(?:der|die|das|und|nicht|wurde|Lizenz\w*|Aktivierung\w*|Fehler|Schlüssel)\b/gi, letters: /[äöüß]/i },
  { lang: 'fr', name: 'French', words: /\b(?:le|la|les|des|du|une|est|pas|erreur|clé)\b/gi, letters: /[éèêàç]/i },
  { lang: 'es', name: 'Spanish', words: /\b(?:el|los|las|del|una|está|licencia|activación|clave)\b/gi, letters: /[ñáíóú¿¡]/i },
  { lang: 'pt', name: 'Portuguese', words: /\b(?:os|da|das|não|licença|ativação|chave)\b/gi, letters: /[ãõç]/i },
  { lang: 'it', name: 'Italian', words: /\b(?:il|gli|della|non|licenza|attivazione|chiave)\b/gi, letters: /[àèìòù]/i },
];

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null && n < 1000) n++;
  return n;
}

function countOf(text: string, set: string): number {
  let n = 0;
  for (const ch of text) if (set.includes(ch)) n++;
  return n;
}

/**
 * The language a text looks like when it is not one volact reads, or undefined (English, Japanese, Simplified
 * Chinese, or nothing to tell by). Only the beginning is looked at: a bounded prefix decides, as for encodings.
 */
export function guessForeignLanguage(text: string): LanguageGuess | undefined {
  const head = text.slice(0, 16384);
  const lower = head.toLowerCase();
  const marker = markerRows().find((m) => lower.includes(m.text));
  if (marker) return { lang: marker.lang, name: marker.name };
  for (const s of SCRIPTS) if (count(head, s.test) >= 3) return { lang: s.lang, name: s.name };
  // Kana means Japanese, which volact reads; Han without kana is Chinese, one form or the other.
  if (!/[\u3040-\u30ff]/.test(head)) {
    const traditional = countOf(head, TRADITIONAL);
    if (traditional >= 2 && traditional > countOf(head, SIMPLIFIED)) return { lang: 'zh-TW', name: 'Traditional Chinese' };
  }
  let best: { lang: string; name: string; n: number } | undefined;
  for (const l of LATIN) {
    if (!l.letters.test(head)) continue;
    const n = count(head, l.words);
    if (n >= 3 && (!best || n > best.n)) best = { lang: l.lang, name: l.name, n };
  }
  return best ? { lang: best.lang, name: best.name } : undefined;
}
