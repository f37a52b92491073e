// Text encodings of exported logs. Windows tools write UTF-16LE with a BOM (PowerShell 5.1 redirection,
// Event Viewer), UTF-8 with or without a BOM (wevtutil, PowerShell 7) and, in the system code page when output
// is redirected (`cscript slmgr.vbs /dlv > file`), Shift_JIS (CP932) on Japanese and GBK (CP936, read as GB18030)
// on Simplified Chinese systems. The BOM decides first; a declared XML encoding second; the bytes last — and
// between the two legacy code pages, which decoding is valid and which yields words we know, never a bias to one.
import { allLabels } from './slmgr/labels.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'gb18030';

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Bytes of BOM to skip. */
  bomLength: number;
  /** How the encoding was decided, for diagnostics. */
  by: 'bom' | 'declaration' | 'heuristic' | 'default';
}

export function detectEncoding(head: Buffer): EncodingGuess {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3, by: 'bom' };
  }
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, by: 'bom' };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, by: 'bom' };
  const utf16 = guessUtf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bomLength: 0, by: 'heuristic' };
  // A declaration readable as ASCII cannot be UTF-16 text: a file re-saved as UTF-8 often keeps
  // encoding="UTF-16" from the Event Viewer original. Only a single-byte declaration is believed.
  const declared = declaredXmlEncoding(head);
  if (declared && !declared.startsWith('utf-16')) return { encoding: declared, bomLength: 0, by: 'declaration' };
  if (!isValidUtf8(head)) {
    const legacy = legacyCodePage(head);
    if (legacy) return { encoding: legacy, bomLength: 0, by: 'heuristic' };
  }
  return { encoding: 'utf-8', bomLength: 0, by: 'default' };
}

/** ASCII text in UTF-16 without a BOM shows NUL in every other byte. */
function guessUtf16WithoutBom(head: Buffer): TextEncoding | undefined {
  const n = Math.min(head.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return 'utf-16be';
  return undefined;
}

const ENCODING_NAMES: Record<string, TextEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  unicode: 'utf-16le',
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  'windows-31j': 'shift_jis',
  cp932: 'shift_jis',
  'x-sjis': 'shift_jis',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  cp936: 'gb18030',
};

function declaredXmlEncoding(head: Buffer): TextEncoding | undefined {
  const text = head.subarray(0, 200).toString('latin1');
  const match = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.-]+)["']/.exec(text);
  if (!match) return undefined;
  return ENCODING_NAMES[match[1].toLowerCase()];
}

function isValidUtf8(bytes: Buffer): boolean {
  // A head cut in the middle of a multi-byte sequence is still UTF-8: drop an incomplete last sequence.
  let end = bytes.length;
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const b = bytes[i];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (bytes.length - i < need) end = i;
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Shift_JIS or GBK, for bytes that are not UTF-8: the decoding that is valid; when both are, the one that yields
 * more words of the slmgr, nslookup and ipconfig vocabulary in its language; then the one whose text looks like
 * its language (kana for Japanese; GBK bytes read as Shift_JIS turn into half-width katakana).
 */
function legacyCodePage(head: Buffer): TextEncoding | undefined {
  const sjis = decodeStrict(head, 'shift_jis');
  const gbk = decodeStrict(head, 'gb18030');
  if (sjis === undefined && gbk === undefined) return looksLikeShiftJis(head) ? 'shift_jis' : undefined;
  if (gbk === undefined) return 'shift_jis';
  if (sjis === undefined) return 'gb18030';
  const ja = knownWords(sjis, 'ja');
  const zh = knownWords(gbk, 'zh-CN');
  if (ja !== zh) return ja > zh ? 'shift_jis' : 'gb18030';
  return kanaScore(sjis) > 0 ? 'shift_jis' : 'gb18030';
}

/** The text when every byte sequence is valid in the encoding (a sequence cut by the end of the head is allowed). */
function decodeStrict(bytes: Buffer, encoding: 'shift_jis' | 'gb18030'): string | undefined {
  const decoder = new TextDecoder(encoding, { fatal: true });
  for (let cut = 0; cut <= 3 && cut < bytes.length; cut++) {
    try {
      return decoder.decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      // try without the last bytes
    }
  }
  return undefined;
}

/** Words these outputs print besides the slmgr labels: nslookup's server line, ipconfig's header and adapters. */
const OTHER_WORDS: Record<'ja' | 'zh-CN', string[]> = {
  ja: ['サーバー', 'アドレス', '構成', 'アダプター', 'ホスト名', 'サフィックス', '見つけられません'],
  'zh-CN': ['服务器', '配置', '适配器', '主机名', '后缀', '激活', '错误'],
};

let words: Record<'ja' | 'zh-CN', string[]> | undefined;

function knownWords(text: string, lang: 'ja' | 'zh-CN'): number {
  words ??= {
    ja: [...new Set([...allLabels().filter((l) => l.lang === 'ja').map((l) => l.folded), ...OTHER_WORDS.ja])],
    'zh-CN': [...new Set([...allLabels().filter((l) => l.lang === 'zh-CN').map((l) => l.folded), ...OTHER_WORDS['zh-CN']])],
  };
  const squeezed = text.replace(/[\s:：]/g, '').toLowerCase();
  let n = 0;
  for (const w of words[lang]) if (w.length >= 2 && squeezed.includes(w)) n++;
  return n;
}

/** Full-width kana count minus half-width katakana count. */
function kanaScore(text: string): number {
  let score = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 0x3040 && c <= 0x30ff) score++;
    else if (c >= 0xff61 && c <= 0xff9f) score--;
  }
  return score;
}

function looksLikeShiftJis(bytes: Buffer): boolean {
  let leads = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    const b = bytes[i];
    if ((b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc)) {
      const t = bytes[i + 1];
      if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfc)) {
        leads++;
        i++;
      }
    }
  }
  return leads > 0;
}

/** Decodes a byte stream to text pieces; multi-byte sequences split across chunks are handled by the decoder. */
export async function* decodeText(
  input: AsyncIterable<Buffer>,
  guess: Pick<EncodingGuess, 'encoding' | 'bomLength'>,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(guess.encoding, { fatal: false, ignoreBOM: true });
  let toSkip = guess.bomLength;
  for await (const raw of input) {
    let chunk = raw;
    if (toSkip > 0) {
      const skip = Math.min(toSkip, chunk.length);
      chunk = chunk.subarray(skip);
      toSkip -= skip;
    }
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}
