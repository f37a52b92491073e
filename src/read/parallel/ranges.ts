// One large XML or EVTX export read by several threads at once: the file is cut into byte ranges at record
// boundaries (an `<Event` start tag; an EVTX chunk), each range is read on its own, and the results are joined
// in file order into exactly what one thread reading the whole file gives: the same records, accounting,
// rejections with the same places, facts in the same order.
//
// XML cuts are found by looking at bytes, so a cut can land where a byte scan cannot see that it is wrong (an
// `<Event` inside a comment, a CDATA section or a broken event). Each range then reports whether its reader
// ended with nothing left over (XmlRangeReport.clean); if any did not, the ranges are thrown away and the file
// is read whole, in one thread.
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { evtxVerifiesCrc, GIVE_UP_AFTER_BAD_CHUNKS } from '../../ingest/evtx/index.js';
import { noEventsRejection } from '../../ingest/xml/index.js';
import { sniffArchive, sniffFormat, SNIFF_BYTES, type InputFile } from '../../ingest/index.js';
import { RecordLedger } from '../../evidence/index.js';
import type { FileResult } from '../../accounts/index.js';
import { localTimesWarning, MAX_KEPT_REJECTIONS, reject } from '../input-file.js';
import type { ByteRange, RangeResult } from '../input-range.js';
import type { Rejection } from '../../types.js';

/** Files smaller than this are read whole: two workers cost about half a CPU-second to start (module loading, cold caches), which a smaller file does not win back. */
export const MIN_SPLIT_BYTES = 32 * 1024 * 1024;
/** Ranges about this long: small enough to share the work of a few large files evenly between threads. */
export const RANGE_BYTES = 16 * 1024 * 1024;

const EVTX_HEADER = 4096;
const EVTX_CHUNK = 65536;

/**
 * Whether large files are split into ranges, for a run over `inputs` inputs. Splitting costs CPU (a worker to
 * start, facts copied across threads) and memory (a second heap): on two cores, measured on the dense 200 MB
 * export under load, one file read in ranges took more CPU and 290 MB more, for no gain in wall time. So a single
 * input is split only with a spare core (three or more); several inputs already keep workers busy, and there
 * splitting the large ones shares the work out evenly. VOLACT_SPLIT=1 or 0 decides instead.
 */
export function splitsFiles(inputs: number): boolean {
  const env = process.env.VOLACT_SPLIT;
  if (env === '1' || env === '0') return env === '1';
  return inputs > 1 || availableParallelism() >= 3;
}

/** The ranges to read `file` in, or undefined when it is read whole (small, an archive, another format, stdin). */
export async function planRanges(file: InputFile, options: { minBytes?: number; rangeBytes?: number } = {}): Promise<ByteRange[] | undefined> {
  if (file.path === '-' || file.entryPath) return undefined;
  // The environment can make them smaller, so that tests of the built CLI see small files split.
  const minBytes = options.minBytes ?? envBytes('VOLACT_SPLIT_MIN_BYTES') ?? MIN_SPLIT_BYTES;
  const rangeBytes = options.rangeBytes ?? envBytes('VOLACT_SPLIT_RANGE_BYTES') ?? RANGE_BYTES;
  let size: number;
  try {
    const st = await stat(file.path);
    if (!st.isFile()) return undefined;
    size = st.size;
  } catch {
    return undefined;
  }
  if (size < minBytes) return undefined;
  const handle = await open(file.path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    const bytes = head.subarray(0, bytesRead);
    if (sniffArchive(bytes.subarray(0, 512))) return undefined;
    const sniffed = sniffFormat(bytes);
    const count = Math.max(2, Math.round(size / rangeBytes));
    if (sniffed.kind === 'evtx') {
      const chunks = Math.ceil((size - EVTX_HEADER) / EVTX_CHUNK);
      const cuts = nominalCuts(chunks, count).map((c) => EVTX_HEADER + c * EVTX_CHUNK);
      return toRanges(cuts, size, sniffed.format, { kind: 'evtx', verifyCrc: evtxVerifiesCrc(bytes) });
    }
    if (sniffed.kind !== 'xml-events') return undefined;
    const { encoding, bomLength } = sniffed.encoding;
    if (encoding !== 'utf-8' && encoding !== 'utf-16le') return undefined;
    const cuts: number[] = [];
    for (const nominal of nominalCuts(size, count)) {
      const cut = await findEventStart(handle, Math.max(nominal, (cuts.at(-1) ?? 0) + 1, bomLength + 1), size, encoding);
      if (cut < 0) break;
      if (cut > (cuts.at(-1) ?? 0)) cuts.push(cut);
    }
    return toRanges(cuts, size, sniffed.format, { kind: 'xml-events', encoding, bomLength });
  } finally {
    await handle.close();
  }
}

/** VOLACT_TRACE_RANGES=1 says on stderr how each split file was read (tests and benches check that it was). */
export function traceRanges(file: InputFile, ranges: number, outcome: string): void {
  if (process.env.VOLACT_TRACE_RANGES === '1') process.stderr.write(`volact: ${file.display} read in ${ranges} ranges: ${outcome}\n`);
}

function envBytes(name: string): number | undefined {
  const value = process.env[name];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** `count - 1` evenly spaced cut points in [0, total). */
function nominalCuts(total: number, count: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < count; i++) out.push(Math.floor((total * i) / count));
  return out.filter((c, i) => c > 0 && c < total && c !== out[i - 1]);
}

function toRanges(cuts: number[], size: number, format: ByteRange['format'], reader: ByteRange['reader']): ByteRange[] | undefined {
  const bounds = [0, ...cuts.filter((c) => c > 0 && c < size), size];
  if (bounds.length < 3) return undefined;
  const ranges: ByteRange[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    ranges.push({ start: bounds[i], end: bounds[i + 1], index: i, last: i + 2 === bounds.length, format, reader });
  }
  return ranges;
}

const TAG_ENDS = new Set([0x20, 0x3e, 0x2f, 0x0a, 0x0d, 0x09]);
const SCAN_BYTES = 256 * 1024;

/**
 * Offset of the first `<Event` start tag (followed by a space, '>', '/' or a line break) at or after `from`,
 * or -1. In UTF-16LE only code units at even offsets count. Looks at bytes only: see the file comment.
 */
export async function findEventStart(
  handle: { read: (b: Buffer, o: number, l: number, p: number) => Promise<{ bytesRead: number }> },
  from: number,
  size: number,
  encoding: 'utf-8' | 'utf-16le',
): Promise<number> {
  const wide = encoding === 'utf-16le';
  const needle = Buffer.from('<Event', wide ? 'utf16le' : 'latin1');
  const unit = wide ? 2 : 1;
  let at = wide ? from + (from & 1) : from;
  const buf = Buffer.alloc(SCAN_BYTES + needle.length + unit);
  while (at < size) {
    const { bytesRead } = await handle.read(buf, 0, buf.length, at);
    if (bytesRead === 0) break;
    const view = buf.subarray(0, bytesRead);
    for (let i = view.indexOf(needle); i >= 0; i = view.indexOf(needle, i + 1)) {
      if (wide && i % 2 === 1) continue;
      const next = i + needle.length;
      if (next + unit > view.length) break;
      if (TAG_ENDS.has(view[next]) && (!wide || view[next + 1] === 0)) return at + i;
    }
    if (at + bytesRead >= size) break;
    // Step on so that a needle straddling the end of this window is seen whole in the next one.
    at += bytesRead - needle.length - unit;
    if (wide) at -= at & 1;
  }
  return -1;
}

/**
 * Joins the results of a file's ranges (in file order) into the file's result, or returns undefined when the
 * ranges do not join up exactly and the file must be read whole.
 */
export function joinRanges(ranges: readonly ByteRange[], results: readonly RangeResult[]): FileResult | undefined {
  if (results.some((r, i) => !r.clean && !ranges[i].last)) return undefined;
  if (ranges[0].reader.kind === 'evtx' && givesUpLater(results)) return undefined;
  const first = results[0];
  const account: FileResult['account'] = { file: first.account.file, format: first.account.format, records: 0, decoded: 0, ignored: 0, rejected: [] };
  // Every range was read for the same file, so each names the same machine.
  if (first.account.machine !== undefined) account.machine = first.account.machine;
  if (first.account.machineNamed) account.machineNamed = true;
  const facts: FileResult['facts'] = [];
  const ledger = new RecordLedger(first.account.file);
  let lines = 0;
  let localTimes = 0;
  let events = 0;
  const otherRoots = new Set<string>();
  for (const r of results) {
    account.records += r.account.records;
    account.decoded += r.account.decoded;
    account.ignored += r.account.ignored;
    for (const rejection of r.account.rejected) reject(account, shifted(rejection, lines));
    if (r.account.rejectedOmitted) account.rejectedOmitted = (account.rejectedOmitted ?? 0) + r.account.rejectedOmitted;
    for (const warning of r.account.warnings ?? []) {
      if ((account.warnings ??= []).length < MAX_KEPT_REJECTIONS) account.warnings.push(shifted(warning, lines));
    }
    for (const f of r.facts) {
      const line = f.fact.source.line;
      // Each fact gets a source of its own: facts of one event share theirs, and must be shifted once.
      if (line !== undefined && lines > 0) f.fact.source = { ...f.fact.source, line: line + lines };
      facts.push(f);
    }
    ledger.absorb(r.spans);
    localTimes += r.localTimes;
    events += r.events;
    for (const name of r.otherRoots) otherRoots.add(name);
    lines += r.newlines;
    // The whole-file reader reads nothing after the place where it stopped.
    if (r.evtx.stopped) break;
  }
  if (ranges[0].reader.kind === 'xml-events' && events === 0 && otherRoots.size > 0) {
    const item = noEventsRejection(otherRoots);
    if (item.kind === 'rejected') {
      account.records++;
      reject(account, item.rejection);
    }
  }
  if (localTimes > 0) localTimesWarning(account, localTimes);
  return { account, facts, records: ledger.result() };
}

/**
 * The whole-file EVTX reader gives up on a file whose first chunks all lack the chunk signature. The first range
 * decides that by itself when the run ends inside it; a run that goes on into later ranges (which read on
 * regardless) means the ranges cannot stand in for the whole read.
 */
function givesUpLater(results: readonly RangeResult[]): boolean {
  if (results[0].evtx.stopped || results[0].evtx.sawChunk) return false;
  let run = results[0].evtx.leadingBadChunks;
  for (const r of results.slice(1)) {
    if (run + r.evtx.leadingBadChunks >= GIVE_UP_AFTER_BAD_CHUNKS) return true;
    if (r.evtx.sawChunk) return false;
    run += r.evtx.leadingBadChunks;
  }
  return false;
}

/** A rejection found `lines` lines into the file by a range that counted its own lines from 1. */
function shifted(rejection: Rejection, lines: number): Rejection {
  if (rejection.line === undefined || lines === 0) return rejection;
  const line = rejection.line + lines;
  const where = rejection.where === `line ${rejection.line}` ? `line ${line}` : rejection.where;
  return { ...rejection, where, line };
}
