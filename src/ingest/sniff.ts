// Decides what an input is from its first bytes, never from its name: a `.txt` can hold XML, a `.evtx` can
// be garbage. The answer picks the reader; `kind` is finer than `format` so one format can have several readers.
import { detectEncoding, type EncodingGuess } from './encoding.js';
import type { InputFormat } from '../types.js';
import { guessForeignLanguage, LANGUAGES_READ } from './text/language.js';
import { isJsonPrefix } from './text/json-prefix.js';
import { pasteFamily, pasteKinds } from './text/paste/evidence.js';
import { matchOsppLine } from './ospp/labels.js';
import { looksLikeOspp } from './ospp/looks-like-ospp.js';
import { looksLikeSlmgr } from './slmgr/looks-like-slmgr.js';
import { looksLikeWmiCsv, looksLikeWmiJson, looksLikeWmiList, looksLikeWmiTable, withoutWmiListLines } from './wmi/looks-like-wmi.js';

export type InputKind =
  | 'evtx'
  | 'xml-events'
  | 'csv-eventviewer'
  | 'tsv-eventviewer'
  | 'csv-powershell'
  | 'text-wevtutil'
  | 'text-eventviewer'
  | 'text-powershell-list'
  | 'json-powershell'
  | 'jsonl-events'
  | 'slmgr'
  | 'ospp'
  | 'wmi-list'
  | 'wmi-table'
  | 'wmi-csv'
  | 'wmi-json'
  | 'text-network'
  | 'text-paste'
  | 'unknown';

export interface Sniffed {
  kind: InputKind;
  format: InputFormat;
  encoding: EncodingGuess;
  /** Why the input was classified so (or, for 'unknown', what was found instead). */
  reason: string;
  /** For 'unknown': the reason says what the input is and what to send instead, so it is not "unknown format". */
  recognised?: true;
}

/** How many bytes of a file the sniffer wants to see. */
export const SNIFF_BYTES = 8192;

const EVTX_MAGIC = Buffer.from('ElfFile\0', 'latin1');

/** Binary files people send instead of exports: say what they are and what to do, rather than "unknown". */
const KNOWN_BINARIES: Array<{ magic: Buffer; at: number; what: string; recognised?: true }> = [
  { magic: Buffer.from('PK\x03\x04', 'latin1'), at: 0, what: 'a ZIP archive: extract it and pass the folder' },
  { magic: Buffer.from([0x1f, 0x8b]), at: 0, what: 'gzip-compressed data: decompress it first' },
  { magic: Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), at: 0, what: 'a 7-Zip archive: extract it first' },
  { magic: Buffer.from('MSCF', 'latin1'), at: 0, what: 'a cabinet (.cab) archive: extract it first' },
  {
    magic: Buffer.from('LfLe', 'latin1'),
    at: 4,
    what: 'a legacy .evt event log (Windows XP / Server 2003), which volact does not read: export the log as XML or .evtx on a newer Windows',
  },
  // What else a customer's zip holds: screenshots and documents, named with what to send instead.
  image('a PNG image', Buffer.from('\x89PNG\r\n\x1a\n', 'latin1')),
  image('a JPEG image', Buffer.from([0xff, 0xd8, 0xff])),
  image('a GIF image', Buffer.from('GIF8', 'latin1')),
  image('a WebP image', Buffer.from('WEBP', 'latin1'), 8),
  image('a TIFF image', Buffer.from('II*\0', 'latin1')),
  image('a TIFF image', Buffer.from('MM\0*', 'latin1')),
  { magic: Buffer.from('%PDF-', 'latin1'), at: 0, recognised: true, what: 'a PDF document, which volact does not read: paste its text into a .txt file, or send the outputs it quotes as text' },
  { magic: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), at: 0, recognised: true, what: 'an old Office document (.doc, .xls) or an Outlook message (.msg), which volact does not read: paste its text into a .txt file' },
  { magic: Buffer.from('{\\rtf', 'latin1'), at: 0, recognised: true, what: 'an RTF document (WordPad, Word), which volact does not read: save or paste its text as a .txt file' },
];

function image(what: string, magic: Buffer, at = 0): { magic: Buffer; at: number; what: string; recognised: true } {
  return { magic, at, recognised: true, what: `${what} (a screenshot?), which volact cannot read: paste the text it shows into a .txt file, or send the command's output or the event logs` };
}

/** A BMP starts "BM", its file size, then four reserved zero bytes. */
function isBmp(head: Buffer): boolean {
  return head.length >= 14 && head[0] === 0x42 && head[1] === 0x4d && head.readUInt32LE(6) === 0;
}

interface TextSignature {
  kind: InputKind;
  format: InputFormat;
  test: (head: string, firstLine: string) => boolean;
  reason: string;
}

const CSV_HEADERS = [
  /^"?Level"?,"?Date and Time"?,"?Source"?,"?Event ID"?,"?Task Category"?/i,
  /^"?Keywords"?,"?Date and Time"?,"?Source"?,"?Event ID"?,"?Task Category"?/i,
  /^"?レベル"?,"?日付と時刻"?,"?ソース"?,"?イベント ID"?,"?タスクのカテゴリ"?/,
  /^"?キーワード"?,"?日付と時刻"?,"?ソース"?,"?イベント ID"?/,
];

/** Ordered: the first signature that matches wins. */
const TEXT_SIGNATURES: TextSignature[] = [
  {
    kind: 'xml-events',
    format: 'xml',
    test: (h) => /^(<\?xml|<Events[\s>]|<Event[\s>]|<!--|<!DOCTYPE)/.test(h) || (/^<[A-Za-z_]/.test(h) && /<Event[\s>]/.test(h)),
    reason: 'starts with an XML declaration, an <Events>/<Event> element, or a root element around <Event> elements',
  },
  // The licensing classes before the event forms they share a syntax with: a JSON, CSV or Format-List export of
  // SoftwareLicensingProduct is not an event export (and never slmgr text either).
  { kind: 'wmi-json', format: 'wmi', test: (h) => looksLikeWmiJson(h), reason: 'ConvertTo-Json of the WMI licensing classes' },
  {
    kind: 'jsonl-events',
    format: 'jsonl',
    test: (h, first) => first.startsWith('{') && /\n\s*\{/.test(h) && safeJsonObject(first),
    reason: 'one JSON object per line',
  },
  // "[C:\work]$ ipconfig" and "[01]: KB…" also start with a bracket: JSON only when it parses as JSON.
  { kind: 'json-powershell', format: 'json', test: (h) => /^[[{]/.test(h) && isJsonPrefix(h), reason: 'starts with a JSON array or object' },
  {
    kind: 'csv-eventviewer',
    format: 'csv',
    test: (_h, first) => CSV_HEADERS.some((re) => re.test(first)),
    reason: 'Event Viewer CSV header',
  },
  {
    kind: 'tsv-eventviewer',
    format: 'csv',
    test: (_h, first) => /^(Level|Keywords|レベル|キーワード)\t(Date and Time|日付と時刻)\t/.test(first),
    reason: 'Event Viewer tab-delimited header',
  },
  { kind: 'wmi-csv', format: 'wmi', test: looksLikeWmiCsv, reason: 'Export-Csv of the WMI licensing classes' },
  {
    kind: 'csv-powershell',
    format: 'csv',
    test: (_h, first) => /^#TYPE\s/.test(first) || /^"?(Message|TimeCreated|Id|ProviderName)"?[,;]"?[A-Za-z]+"?/.test(first),
    reason: 'PowerShell Export-Csv header',
  },
  // Text forms are often pasted under a prompt line or a note: their first line is looked for among the first few.
  { kind: 'text-wevtutil', format: 'text', test: (h) => opensWithin(h, /^Event\[\d+\]:?/), reason: 'wevtutil /f:text "Event[N]:" block' },
  {
    kind: 'text-eventviewer',
    format: 'text',
    test: (h) => opensWithin(h, /^(Log Name|ログの名前|Název protokolu)\s*[:：]/),
    reason: 'Event Viewer "Copy details as text"',
  },
  // Alone: with slmgr, ospp or other outputs beside it, the text is a console paste (the splitter's wmi-license block).
  { kind: 'wmi-list', format: 'wmi', test: (h) => looksLikeWmiList(h) && !othersBesideWmiList(h), reason: 'Format-List of the WMI licensing classes' },
  { kind: 'wmi-table', format: 'wmi', test: (h) => looksLikeWmiTable(h), reason: 'Format-Table of the WMI licensing classes' },
  {
    kind: 'text-powershell-list',
    format: 'text',
    // Get-WinEvent / Get-EventLog objects; Select-Object may put any of these properties first.
    test: (h) => opensWithin(h, /^(TimeCreated|Message|ProviderName|Id|LogName|MachineName|RecordId|LevelDisplayName|Index|EntryType|EventID|TimeGenerated)\s*:/),
    reason: 'PowerShell Format-List output',
  },
];

/** How many non-blank lines may come before a text form's first line (a prompt, a note, a stray line). */
const OPENING_WITHIN = 5;

/** Whether one of the first non-blank lines opens the form. */
function opensWithin(head: string, opening: RegExp): boolean {
  let seen = 0;
  for (const line of head.split(/\r?\n/, 200)) {
    if (line.trim() === '') continue;
    if (opening.test(line.trimStart())) return true;
    if (++seen >= OPENING_WITHIN) return false;
  }
  return false;
}

/**
 * Console pastes: slmgr, nslookup, Resolve-DnsName, Test-NetConnection, ipconfig, the slui dialog and the Settings
 * page, alone or together, with or without prompts. One family keeps its format name (slmgr, network).
 */
function sniffPaste(head: string): Pick<Sniffed, 'kind' | 'format' | 'reason'> | undefined {
  const kinds = pasteKinds(head);
  // ospp's own label table knows more of its lines than the splitter's first-line test; and lines ospp prints too
  // ("Activation Interval: …") are no sign of slmgr output beside it.
  if (looksLikeOspp(head)) kinds.add('ospp');
  if (kinds.has('ospp') && kinds.has('slmgr') && !looksLikeSlmgr(withoutOsppLines(head))) kinds.delete('slmgr');
  // A WMI Format-List beside other outputs (alone, it is sniffed before): its "Name : Windows(R) …" is no slmgr line.
  if (looksLikeWmiList(head)) {
    kinds.add('wmi-license');
    if (kinds.has('slmgr') && !looksLikeSlmgr(withoutWmiListLines(head))) kinds.delete('slmgr');
  }
  const family = pasteFamily(kinds);
  if (!family) return undefined;
  const what = [...kinds].sort().join(', ');
  // ospp.vbs output alone keeps its own format name.
  if (kinds.size === 1 && kinds.has('ospp')) return { kind: 'ospp', format: 'ospp', reason: `ospp.vbs output (the reader's own label table)` };
  if (family === 'slmgr') return { kind: 'slmgr', format: 'slmgr', reason: `slmgr.vbs output (the reader's own vocabulary)` };
  if (family === 'network') return { kind: 'text-network', format: 'network', reason: `DNS and port-check output: ${what}` };
  return { kind: 'text-paste', format: 'paste', reason: `a console paste holding ${what}` };
}

/** Whether a text holding a WMI Format-List holds other outputs too (judged without the list's own lines). */
function othersBesideWmiList(head: string): boolean {
  const rest = withoutWmiListLines(head);
  const kinds = pasteKinds(rest);
  kinds.delete('wmi-license');
  return kinds.size > 0 || looksLikeOspp(rest);
}

/** The text without the lines ospp prints (its labels, frames and banner). */
function withoutOsppLines(head: string): string {
  return head
    .split(/\r?\n/)
    .filter((line) => matchOsppLine(line) === undefined)
    .join('\n');
}

function safeJsonObject(line: string): boolean {
  try {
    return typeof JSON.parse(line) === 'object';
  } catch {
    return false;
  }
}

export function sniffFormat(head: Buffer): Sniffed {
  const encoding = detectEncoding(head);
  if (head.length >= 8 && head.subarray(0, 8).equals(EVTX_MAGIC)) {
    return { kind: 'evtx', format: 'evtx', encoding, reason: 'ElfFile magic' };
  }
  if (head.length === 0) {
    return { kind: 'unknown', format: 'unknown', encoding, reason: 'the file is empty' };
  }
  const known = KNOWN_BINARIES.find((b) => head.length >= b.at + b.magic.length && head.subarray(b.at, b.at + b.magic.length).equals(b.magic));
  if (known) return { kind: 'unknown', format: 'unknown', encoding, reason: known.what, ...(known.recognised ? { recognised: true as const } : {}) };
  if (isBmp(head)) return { kind: 'unknown', format: 'unknown', encoding, reason: image('a BMP image', Buffer.alloc(0)).what, recognised: true };
  const text = decodeHead(head, encoding);
  if (looksBinary(text)) {
    return { kind: 'unknown', format: 'unknown', encoding, reason: `binary data that is not EVTX (first bytes ${hexPreview(head)})` };
  }
  const trimmed = text.replace(/^[\s\u0000]+/, '');
  const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
  for (const sig of TEXT_SIGNATURES) {
    if (sig.test(trimmed, firstLine)) return { kind: sig.kind, format: sig.format, encoding, reason: sig.reason };
  }
  const paste = sniffPaste(trimmed);
  if (paste) return { ...paste, encoding };
  const language = guessForeignLanguage(trimmed);
  if (language) {
    return {
      kind: 'unknown',
      format: 'unknown',
      encoding,
      recognised: true,
      reason: `text in ${language.name}, a display language not read yet: slmgr, nslookup, Resolve-DnsName, Test-NetConnection and ipconfig output is read in ${LANGUAGES_READ}, event logs in any language (send the .evtx files, or run the commands on a machine with one of those display languages)`,
    };
  }
  return {
    kind: 'unknown',
    format: 'unknown',
    encoding,
    reason: `no known export format: starts with ${JSON.stringify(firstLine.slice(0, 60))}`,
  };
}

function decodeHead(head: Buffer, encoding: EncodingGuess): string {
  // Cut to an even length for UTF-16 so the last code unit is whole.
  let bytes = head.subarray(encoding.bomLength);
  if (encoding.encoding.startsWith('utf-16')) bytes = bytes.subarray(0, bytes.length & ~1);
  return new TextDecoder(encoding.encoding).decode(bytes);
}

function looksBinary(text: string): boolean {
  let control = 0;
  const n = Math.min(text.length, 2048);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 9 || (c > 13 && c < 32)) && c !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.05;
}

function hexPreview(head: Buffer): string {
  return head.subarray(0, 8).toString('hex').replace(/(..)/g, '$1 ').trim();
}
