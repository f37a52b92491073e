// Decides what an input is from its first bytes, never from its name: a `.txt` can hold XML, a `.evtx` can
// be garbage. The answer picks the reader; `kind` is finer than `format` so one format can have several readers.
import { detectEncoding, type EncodingGuess } from './encoding.js';
import type { InputFormat } from '../types.js';
import { looksLikeSlmgr } from './slmgr/looks-like-slmgr.js';
import { looksLikeOspp } from './ospp/looks-like-ospp.js';
import { looksLikeWmiCsv, looksLikeWmiJson, looksLikeWmiList, looksLikeWmiTable } from './wmi/looks-like-wmi.js';

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
  | 'unknown';

export interface Sniffed {
  kind: InputKind;
  format: InputFormat;
  encoding: EncodingGuess;
  /** Why the input was classified so (or, for 'unknown', what was found instead). */
  reason: string;
}

/** How many bytes of a file the sniffer wants to see. */
export const SNIFF_BYTES = 8192;

const EVTX_MAGIC = Buffer.from('ElfFile\0', 'latin1');

/** Binary files people send instead of exports: say what they are and what to do, rather than "unknown". */
const KNOWN_BINARIES: Array<{ magic: Buffer; at: number; what: string }> = [
  { magic: Buffer.from('PK\x03\x04', 'latin1'), at: 0, what: 'a ZIP archive: extract it and pass the folder' },
  { magic: Buffer.from([0x1f, 0x8b]), at: 0, what: 'gzip-compressed data: decompress it first' },
  { magic: Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), at: 0, what: 'a 7-Zip archive: extract it first' },
  { magic: Buffer.from('MSCF', 'latin1'), at: 0, what: 'a cabinet (.cab) archive: extract it first' },
  {
    magic: Buffer.from('LfLe', 'latin1'),
    at: 4,
    what: 'a legacy .evt event log (Windows XP / Server 2003), which volact does not read: export the log as XML or .evtx on a newer Windows',
  },
];

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
  // SoftwareLicensingProduct is not an event export (and is never slmgr text either).
  { kind: 'wmi-json', format: 'wmi', test: (h) => looksLikeWmiJson(h), reason: 'ConvertTo-Json of the WMI licensing classes' },
  {
    kind: 'jsonl-events',
    format: 'jsonl',
    test: (h, first) => first.startsWith('{') && /\n\s*\{/.test(h) && safeJsonObject(first),
    reason: 'one JSON object per line',
  },
  { kind: 'json-powershell', format: 'json', test: (h) => /^[[{]/.test(h), reason: 'starts with a JSON array or object' },
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
  { kind: 'wmi-list', format: 'wmi', test: (h) => looksLikeWmiList(h), reason: 'Format-List of the WMI licensing classes' },
  { kind: 'wmi-table', format: 'wmi', test: (h) => looksLikeWmiTable(h), reason: 'Format-Table of the WMI licensing classes' },
  {
    kind: 'text-powershell-list',
    format: 'text',
    // Get-WinEvent / Get-EventLog objects; Select-Object may put any of these properties first.
    test: (h) => opensWithin(h, /^(TimeCreated|Message|ProviderName|Id|LogName|MachineName|RecordId|LevelDisplayName|Index|EntryType|EventID|TimeGenerated)\s*:/),
    reason: 'PowerShell Format-List output',
  },
  { kind: 'text-network', format: 'network', test: looksLikeNetworkCheck, reason: 'nslookup, Resolve-DnsName or Test-NetConnection output' },
  // Before slmgr: an ospp paste often opens with the same cscript banner.
  { kind: 'ospp', format: 'ospp', test: (h) => looksLikeOspp(h), reason: 'ospp.vbs lines (the parser\'s own label table)' },
  {
    kind: 'slmgr',
    format: 'slmgr',
    test: (h) => looksLikeSlmgr(h),
    reason: 'slmgr.vbs labels (the parser\'s own label table)',
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

/** Lines only nslookup, Resolve-DnsName or Test-NetConnection print (or the prompt line that ran them). */
const NETWORK_LINES = [
  // [ \t], not \s: with the m flag, \s* at a line start runs across blank lines (quadratic on blank runs).
  /^[ \t]*(?:PS(?:[ \t]+[^>\r\n]*)?>|[A-Za-z]:\\[^>\r\n]*>)[ \t]*(?:nslookup|Resolve-DnsName|Test-NetConnection|tnc)\b/im,
  // A pair of lines that may have a stray line between them (a paste's note, a wrapped prompt).
  /^(?:Server|Default Server|サーバー|既定のサーバー)[ \t]*[:：][^\n]*(?:\n[^\n]*){0,3}\n(?:Address|アドレス)[ \t]*[:：]/m,
  /\sSRV service location\s*[:：]?\s*$/m,
  /^\*\*\*.*(?:can't find|を見つけられません)/m,
  /^(?:DNS request timed out|DNS 要求がタイムアウトしました)/m,
  /^Name\s+Type\s+TTL\s+Section\b/m,
  /^Resolve-DnsName\s*:/m,
  /^NameTarget\s*:/m,
  /^ComputerName[ \t]*:[^\n]*(?:\n[^\n]*){0,3}\n(?:RemoteAddress|InterfaceAlias|RemotePort|TcpTestSucceeded)[ \t]*:/m,
  /^(?:WARNING|警告)\s*[:：]\s*(?:TCP connect to|Name resolution of)/m,
];

function looksLikeNetworkCheck(head: string): boolean {
  return NETWORK_LINES.some((re) => re.test(head));
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
  if (known) return { kind: 'unknown', format: 'unknown', encoding, reason: known.what };
  const text = decodeHead(head, encoding);
  if (looksBinary(text)) {
    return { kind: 'unknown', format: 'unknown', encoding, reason: `binary data that is not EVTX (first bytes ${hexPreview(head)})` };
  }
  const trimmed = text.replace(/^[\s\u0000]+/, '');
  const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
  for (const sig of TEXT_SIGNATURES) {
    if (sig.test(trimmed, firstLine)) return { kind: sig.kind, format: sig.format, encoding, reason: sig.reason };
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
