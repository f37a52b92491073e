// Reads one input (a file, or each export inside an archive) into its account of records and the facts it
// holds (accounts/). This is the floor below both analyze.ts and read/parallel/: worker threads run it, and
// analyze() merges what it returns, so neither of those two needs the other's types.
import { readFileSync, statSync } from 'node:fs';
import { decodeEvent, decodeWmiObject, parseDocument, ACTIVATION_EVENT_IDS } from '../decode/index.js';
import { FactCompactor, machineFromPath, RecordLedger, type FactWithOwner, type LedgerEntry } from '../evidence/index.js';
import { machinesForEntries, openInput, openInputs, type ArchivedFile, type InputFile, type OpenedInput } from '../ingest/index.js';
import type { FileResult, InputAccount } from '../accounts/index.js';
import type { InputFormat, RawEvent, ReaderItem, Rejection, UnknownLine } from '../types.js';

/** What reading one input needs from the caller's options. */
export interface ReadOptions {
  /** Machine name for slmgr text given on stdin or in files that do not say. */
  machine?: string;
  /** Time zone for text exports with local times (IANA name or ±HH:MM). */
  tz?: string;
  stdin?: NodeJS.ReadableStream;
  /**
   * False in a worker thread: its facts reach the parent as copies (structured clone), which own their characters
   * and are shared again there (analyze.ts), so compacting them here first would be work done twice.
   */
  compact?: boolean;
  /** One pool of shared strings for every file this thread reads (default: one per file). */
  compactor?: FactCompactor;
}

/** Reads, decodes and accounts for one plain input file (an archive is one rejection here: see analyzeInput). */
export async function analyzeFile(file: InputFile, options: ReadOptions = {}): Promise<FileResult> {
  const opened = await openInput(file, { filter: { eventIds: ACTIVATION_EVENT_IDS }, ...(options.tz ? { tz: options.tz } : {}) }, options.stdin);
  return accountFor(file, opened, options);
}

/**
 * Reads one input as the files it holds: a plain file gives one result, an archive one per entry (and one per
 * entry it could not read). Entries are read one after another; raw records are not kept, only facts leave.
 */
export async function analyzeInput(file: InputFile, options: ReadOptions = {}): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const archived: Array<{ result: FileResult; file: ArchivedFile }> = [];
  const bytes = smallFileBytes(file);
  for await (const opened of openInputs(file, { filter: { eventIds: ACTIVATION_EVENT_IDS }, ...(options.tz ? { tz: options.tz } : {}) }, options.stdin, bytes ? { bytes } : {})) {
    const result = await accountFor(opened.file, opened, options);
    results.push(result);
    const { entryPath, archiveRoot, folderMachine } = opened.file;
    if (entryPath && archiveRoot !== undefined) archived.push({ result, file: { entryPath, archiveRoot, ...(folderMachine !== undefined ? { folderMachine } : {}) } });
  }
  if (archived.length > 0 && options.machine === undefined) {
    // Which folder of an archive is the machine is known only once the archive is listed (see machinesForEntries).
    const machines = machinesForEntries(archived.map((e) => e.file));
    archived.forEach(({ result }, i) => {
      const fallbackMachine = machineFromPath(machines[i].namePath, machines[i].folderMachine);
      for (const f of result.facts) f.fallbackMachine = fallbackMachine;
      setMachine(result.account, fallbackMachine, machines[i].folderMachine !== undefined);
    });
  }
  return results;
}

/** Files up to this size are read in one call: a stream costs more than the reading for the many small files of a fleet. */
const SMALL_FILE_BYTES = 1024 * 1024;

/** The bytes of a small plain file, or undefined (large, not a plain file, unreadable: the stream says why). */
function smallFileBytes(file: InputFile): Buffer | undefined {
  if (file.path === '-' || file.entryPath) return undefined;
  try {
    const st = statSync(file.path);
    return st.isFile() && st.size <= SMALL_FILE_BYTES ? readFileSync(file.path) : undefined;
  } catch {
    return undefined;
  }
}

async function accountFor(file: InputFile, opened: OpenedInput, options: ReadOptions): Promise<FileResult> {
  const read = await readItems(file, opened.format, opened.items, options);
  if (read.localTimes > 0) localTimesWarning(read.account, read.localTimes);
  return { account: read.account, facts: read.facts, records: read.ledger.result() };
}

/** What reading one input's items adds up to, before the file-level notes (see accountFor and ranges). */
export interface ItemsRead {
  account: InputAccount;
  facts: FactWithOwner[];
  ledger: RecordLedger;
  /** Records whose time had no zone (read as UTC): one warning for the whole file says so. */
  localTimes: number;
}

export async function readItems(file: InputFile, format: InputFormat, items: AsyncIterable<ReaderItem>, options: ReadOptions): Promise<ItemsRead> {
  const account: InputAccount = { file: file.display, format, records: 0, decoded: 0, ignored: 0, rejected: [] };
  const facts: FactWithOwner[] = [];
  const fallbackMachine = options.machine ?? machineFromPath(file.display, file.folderMachine);
  setMachine(account, fallbackMachine, options.machine !== undefined || file.folderMachine !== undefined);
  const compactor = options.compact === false ? undefined : (options.compactor ?? new FactCompactor());
  const ledger = new RecordLedger(file.display);
  let localTimes = 0;
  for await (const item of items) {
    switch (item.kind) {
      case 'ignored': {
        account.records += item.count;
        account.ignored += item.count;
        ledger.add(item.seen ? { recordIds: item.seen.recordIds, time: item.seen.newest, channel: item.seen.channel, computer: item.seen.computer } : {}, item.count);
        break;
      }
      case 'rejected':
        account.records++;
        reject(account, item.rejection);
        break;
      case 'warning':
        if ((account.warnings ??= []).length < MAX_KEPT_REJECTIONS) account.warnings.push(item.warning);
        break;
      case 'event': {
        account.records++;
        ledger.add(ledgerEntryOf(item.event));
        if (item.event.timeIsLocal) localTimes++;
        const result = decodeEvent(item.event);
        if (result.status === 'decoded') {
          account.decoded++;
          for (const fact of result.facts) facts.push({ fact: compactor ? compactor.compact(fact) : fact, fallbackMachine });
        } else if (result.status === 'ignored') {
          account.ignored++;
        } else {
          reject(account, { ...placeOf(item.event), reason: result.reason });
        }
        break;
      }
      case 'object': {
        account.records++;
        const result = decodeWmiObject(item.object, options.tz !== undefined ? { tz: options.tz } : {});
        if (result.status === 'decoded') {
          account.decoded++;
          for (const fact of result.facts) facts.push({ fact, fallbackMachine });
        } else if (result.status === 'ignored') {
          account.ignored++;
        } else {
          reject(account, { where: `line ${item.object.source.line ?? 0}`, ...(item.object.source.line !== undefined ? { line: item.object.source.line } : {}), reason: result.reason });
        }
        break;
      }
      case 'unknown-line':
        keepUnknown(account, item.line);
        break;
      case 'document': {
        account.records++;
        const parsed = parseDocument(item.document, options.tz !== undefined ? { tz: options.tz } : {});
        for (const line of parsed.unknownLines) keepUnknown(account, line);
        if (parsed.facts.length > 0) {
          account.decoded++;
          for (const fact of parsed.facts) facts.push({ fact, fallbackMachine });
          for (const note of parsed.notes) (account.warnings ??= []).push({ where: 'whole file', reason: note });
        } else {
          reject(account, { where: 'whole file', reason: parsed.emptyReason });
        }
        break;
      }
    }
  }
  return { account, facts, ledger, localTimes };
}

/** Times compared across machines (a client's 12288 with the host's 12290) would be off by the zone. */
export function localTimesWarning(account: InputAccount, localTimes: number): void {
  (account.warnings ??= []).push({
    where: 'whole file',
    reason: `${localTimes} record${localTimes > 1 ? 's have' : ' has'} a local time without a time zone, read as UTC; pass --tz (e.g. --tz Asia/Tokyo or --tz +09:00) to convert`,
  });
}

function setMachine(account: InputAccount, machine: string, named: boolean): void {
  account.machine = machine;
  if (named) account.machineNamed = true;
  else delete account.machineNamed;
}

function ledgerEntryOf(event: RawEvent): LedgerEntry {
  return { channel: event.channel, computer: event.computer, recordIds: event.recordId !== undefined ? [event.recordId] : undefined, time: event.timeCreated };
}

export const MAX_KEPT_REJECTIONS = 1000;

export function reject(account: InputAccount, rejection: Rejection): void {
  if (account.rejected.length < MAX_KEPT_REJECTIONS) account.rejected.push(rejection);
  else account.rejectedOmitted = (account.rejectedOmitted ?? 0) + 1;
}

function keepUnknown(account: InputAccount, line: UnknownLine): void {
  if ((account.unknownLines ??= []).length < MAX_KEPT_REJECTIONS) account.unknownLines.push(line);
  else account.unknownLinesOmitted = (account.unknownLinesOmitted ?? 0) + 1;
}

export function placeOf(event: RawEvent): Pick<Rejection, 'where' | 'line' | 'offset'> {
  const { record, line, offset } = event.source;
  if (record !== undefined) return { where: `record ${record}`, ...(line !== undefined ? { line } : {}) };
  if (line !== undefined) return { where: `line ${line}`, line };
  if (offset !== undefined) return { where: `offset 0x${offset.toString(16)}`, offset };
  return { where: 'unknown place' };
}

