// A pasted text (a console window copied whole, several commands' output, a dialog's text) → facts. The
// splitter (ingest/text/paste) cuts it into blocks at prompts, banners and the first lines of known outputs;
// each block goes to its reader here, with the whole file's line numbers. Every line ends up used by a reader,
// listed as not understood, or is the console's own (a prompt, a banner, a message box's frame).
import { guessForeignLanguage, kindSpec, LANGUAGES_READ, splitPaste, type BlockContext, type BlockKind, type BlockReader, type PasteLine, type ReaderFactory } from '../../ingest/index.js';
import type { SourceRef } from '../../types.js';
import { SettingsReader } from '../activation-text/settings.js';
import { SluiReader } from '../activation-text/slui.js';
import type { Fact } from '../facts.js';
import { IpconfigReader, NslookupReader, ResolveDnsNameReader, TestNetConnectionReader } from '../network/index.js';
import { parseCommand } from '../network/lines.js';
import { OsppReader } from '../ospp-block.js';
import { SlmgrReader, type SlmgrParseOptions, type UnknownLine } from '../slmgr/index.js';
import { WmiListBlockReader } from '../wmi-block.js';

export interface PasteParse {
  facts: Fact[];
  unknownLines: UnknownLine[];
  /** Why blocks that were read hold nothing to decide on, and which outputs are recognised but not read yet. */
  notes: string[];
  /**
   * Where the lines with text went (overlong lines count as listed): owned by a reader, handed over to be listed,
   * or the console's own. owned + listed + console = lines; the fuzz checks it, and that every line handed over
   * to be listed is in unknownLines.
   */
  accounting: { lines: number; owned: number; listed: number; console: number };
}

/** What every block gives back, whatever its reader. */
interface BlockOutcome {
  facts: Fact[];
  unknown: PasteLine[];
  notes: string[];
}

/** Longer than any line these tools print: listed (shortened) without running any pattern over it. */
export const MAX_PASTE_LINE_CHARS = 4096;

/** A reader whose result is mapped to the common outcome. */
function adapt<R>(reader: BlockReader<R>, outcome: (r: R) => BlockOutcome): BlockReader<BlockOutcome> {
  return { read: (l) => reader.read(l), unknown: (l) => reader.unknown(l), end: () => outcome(reader.end()) };
}

/** The network tools' own arguments (query, server, host, port) from the prompt line. */
const networkArgs = (ctx: BlockContext) => (ctx.command ? parseCommand(ctx.command.text) : {});

function readersFor(source: SourceRef, options: SlmgrParseOptions): Partial<Record<BlockKind, ReaderFactory<BlockOutcome>>> {
  return {
    slmgr: (ctx) =>
      adapt(new SlmgrReader(source, options, ctx), (r) => ({ facts: r.facts, unknown: r.unknownLines.map((u) => ({ no: u.line, text: u.text })), notes: [] })),
    nslookup: (ctx) => adapt(new NslookupReader(source, networkArgs(ctx)), (r) => ({ facts: r.facts, unknown: r.unknown, notes: [] })),
    'resolve-dnsname': (ctx) => adapt(new ResolveDnsNameReader(source, networkArgs(ctx)), (r) => ({ facts: r.facts, unknown: r.unknown, notes: [] })),
    'test-netconnection': (ctx) => adapt(new TestNetConnectionReader(source, networkArgs(ctx)), (r) => ({ facts: r.checks, unknown: r.unknown, notes: r.notes })),
    ipconfig: () => adapt(new IpconfigReader(source), (r) => ({ facts: r.facts, unknown: r.unknown, notes: [] })),
    slui: (ctx) => adapt(new SluiReader(source, ctx.startsBlock), (r) => ({ facts: r.facts, unknown: r.unknown, notes: [] })),
    settings: (ctx) => adapt(new SettingsReader(source, ctx.startsBlock), (r) => ({ facts: r.facts, unknown: r.unknown, notes: [] })),
    ospp: (ctx) =>
      adapt(new OsppReader(source, options, ctx.command?.action ? `/${ctx.command.action}` : undefined, ctx.startsBlock), (r) => ({ facts: r.facts, unknown: r.unknown, notes: r.notes })),
    'wmi-license': () => adapt(new WmiListBlockReader(source, options), (r) => ({ facts: r.facts, unknown: r.unknown, notes: r.notes })),
  };
}

export function parsePaste(text: string, source: SourceRef, options: SlmgrParseOptions = {}): PasteParse {
  const unknownLines: UnknownLine[] = [];
  const notes: string[] = [];
  const lines: PasteLine[] = [];
  let tooLong = 0;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      // trimEnd, not a /\s+$/ regex: that one is quadratic on long blank runs.
      const line = raw.trimEnd();
      if (line.length > MAX_PASTE_LINE_CHARS) {
        tooLong++;
        unknownLines.push({ line: i + 1, text: `${line.slice(0, 200)}… (${line.length} characters)` });
      }
      else lines.push({ no: i + 1, text: line });
    });
  const split = splitPaste(lines, readersFor(source, options));
  const facts: Fact[] = [];
  for (const block of split.blocks) {
    // Loops, not push(...xs): a paste of 4 MiB can hold more facts than a call takes arguments.
    for (const f of block.result.facts) facts.push(f);
    for (const n of block.result.notes) notes.push(n);
    for (const u of block.result.unknown) unknownLines.push({ line: u.no, text: u.text });
  }
  for (const o of split.orphans) unknownLines.push({ line: o.no, text: o.text });
  for (const u of split.unread) {
    notes.push(`line ${u.line}: ${kindSpec(u.kind).title}, not read yet (its ${u.lines.length} line${u.lines.length === 1 ? ' is' : 's are'} listed as not understood)`);
    for (const l of u.lines) unknownLines.push({ line: l.no, text: l.text });
  }
  unknownLines.sort((a, b) => a.line - b.line);
  facts.sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0));
  const { owned, listed, console, lines: counted } = split.accounting;
  return { facts, unknownLines, notes, accounting: { lines: counted + tooLong, owned, listed: listed + tooLong, console } };
}

/** Why a paste gave no facts, in the words the report shows: the language when it is one volact does not read. */
export function emptyPasteReason(parse: PasteParse, format: SourceRef['format']): string {
  const language = guessForeignLanguage(parse.unknownLines.map((l) => l.text).join('\n'));
  if (language) return `the text is in ${language.name}, a language not read yet (output is read in ${LANGUAGES_READ})`;
  const why = parse.notes.length ? `: ${parse.notes.join('; ')}` : '';
  if (format === 'network') return `DNS / port-check text without an SRV lookup for _vlmcs._tcp or a TCP port test${why}`;
  if (format === 'slmgr') return `slmgr text without any product block or result line${why}`;
  if (format === 'ospp') return `ospp.vbs text without any product block or result line${why}`;
  return `console text without any output that is read here${why}`;
}

/** DNS and port-check text: a paste like any other. */
export function parseNetworkText(text: string, source: SourceRef): PasteParse {
  return parsePaste(text, source);
}
