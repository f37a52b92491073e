// Text encodings of exported logs. Windows tools write UTF-16LE with a BOM (PowerShell 5.1 redirection,
// Event Viewer), UTF-8 with or without a BOM (wevtutil, PowerShell 7) and, on Japanese systems, Shift_JIS (CP932).
// The BOM decides first; a declared XML encoding second; a byte heuristic last.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';

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
  if (!isValidUtf8(head) && looksLikeShiftJis(head)) return { encoding: 'shift_jis', bomLength: 0, by: 'heuristic' };
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
