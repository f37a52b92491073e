// Entry names inside an archive are input like any other: shown escaped, never used as a path. A name may
// climb out with "..", start at a root or a drive letter, or hold control characters and bidi overrides;
// volact reads the entry's bytes all the same (nothing is written anywhere) and says what was odd.

export interface EntryName {
  /** The name as shown in places: separators as "/", controls escaped. */
  shown: string;
  /** Folder and file names below the archive root, without "", "." or ".." and without a root or drive. */
  segments: string[];
  /** What was odd about the name, for a warning on the entry (empty for ordinary names). */
  oddities: string[];
  /** The name ends with a separator: a folder entry, which holds no bytes. */
  isFolder: boolean;
}

// C0 and C1 controls, DEL, bidi embeddings/overrides/isolates, line and paragraph separators, BOM.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/g;

/** Makes every character that could move a terminal cursor or reorder text visible as \u{…}. */
export function escapeNameText(text: string): string {
  return text.replace(UNSAFE_CHARS, (c) => `\\u{${c.codePointAt(0)!.toString(16).padStart(4, '0')}}`);
}

const DRIVE = /^[A-Za-z]:$/;

export function parseEntryName(name: string): EntryName {
  const oddities: string[] = [];
  if (new RegExp(UNSAFE_CHARS.source).test(name)) oddities.push('control or bidi characters (shown escaped)');
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/')) oddities.push('an absolute path');
  const raw = slashed.split('/');
  const segments: string[] = [];
  raw.forEach((segment, i) => {
    if (segment === '' || segment === '.') return;
    if (segment === '..') {
      if (!oddities.includes('".." segments')) oddities.push('".." segments');
      return;
    }
    if (i === 0 && DRIVE.test(segment)) {
      oddities.push(`a drive letter (${segment})`);
      return;
    }
    segments.push(segment);
  });
  const isFolder = slashed.endsWith('/') && name.length > 0;
  if (segments.length === 0 && !isFolder) oddities.push('no usable name');
  // The name as given (with its "..", root and drive), only made safe to print.
  const shown = escapeNameText(slashed === '' ? '(empty name)' : slashed);
  return { shown, segments, oddities, isFolder };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const SHIFT_JIS = new TextDecoder('shift_jis', { fatal: true });

/**
 * Zip names are bytes: UTF-8 when the entry says so (bit 11), otherwise whatever the zipping machine's code
 * page was. Windows Explorer on Japanese Windows writes Shift_JIS without the flag, so that is tried after
 * UTF-8; anything else keeps its ASCII and shows other bytes as \xNN.
 */
export function decodeZipName(raw: Buffer, flaggedUtf8: boolean): string {
  if (flaggedUtf8 || raw.every((b) => b < 0x80)) return raw.toString('utf8');
  for (const decoder of [UTF8, SHIFT_JIS]) {
    try {
      return decoder.decode(raw);
    } catch {
      // not this encoding
    }
  }
  let out = '';
  for (const b of raw) out += b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return out;
}
