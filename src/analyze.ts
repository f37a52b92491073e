// The library entry: inputs in, diagnosis out. The CLI only wraps this.
import { decodeEvent, parseDocument, ACTIVATION_EVENT_IDS, type Fact } from './decode/index.js';
import { diagnose, type DiagnoseOptions } from './diagnose/index.js';
import { buildFleet, FactCompactor, machineFromPath, RecordLedger, type FactWithOwner, type Fleet, type LedgerEntry, type RecordSpan } from './evidence/index.js';
import { computeFleetViews, type FleetViews } from './fleet/index.js';
import { expandInputs, machinesForEntries, openInput, openInputs, type ArchivedFile, type InputFile, type OpenedInput } from './ingest/index.js';
import { readFiles } from './parallel/index.js';
import type { Finding, InputFormat, RawEvent, Rejection, WalkStep } from './types.js';

export interface UnknownLine {
  line: number;
  text: string;
}

/** Per input: records read = decoded + ignored + rejectedCount(account). */
export interface InputAccount {
  file: string;
  format: InputFormat;
  records: number;
  decoded: number;
  ignored: number;
  /** The first MAX_KEPT_REJECTIONS rejections, with place and reason. */
  rejected: Rejection[];
  /** Rejections counted beyond those kept: a file of junk can hold millions of bad records. */
  rejectedOmitted?: number;
  /** Damage that cost no record (e.g. an EVTX checksum mismatch where every record still decoded). */
  warnings?: Rejection[];
  /** slmgr lines no parser rule understood: kept and shown, never dropped. */
  unknownLines?: UnknownLine[];
}

export interface AnalyzeOptions {
  /** ISO time that pins "now" (reports become reproducible). */
  now?: string;
  /** Machine name for slmgr text given on stdin or in files that do not say. */
  machine?: string;
  /** Time zone for text exports with local times (IANA name or ±HH:MM). */
  tz?: string;
  diagnose?: Partial<Omit<DiagnoseOptions, 'now'>>;
  stdin?: NodeJS.ReadableStream;
  /** Worker threads reading files; 0 or 1 reads in this thread (default: one per core). */
  threads?: number;
  /** Called after each input file is read. */
  onProgress?: (done: number, total: number) => void;
}

export interface Analysis {
  generatedAt: string;
  now: string;
  inputs: InputAccount[];
  fleet: Fleet;
  findings: Finding[];
  walks: Map<string, WalkStep[]>;
  /** The SCCM-style fleet views (license status, expiry, products, KMS hosts). */
  views: FleetViews;
}

export interface FileResult {
  account: InputAccount;
  facts: FactWithOwner[];
  /** Every record of the file, decoded or not, as compact id runs per channel and computer. */
  records?: RecordSpan[];
  /** Set when the facts crossed from a worker thread (as fresh copies, their repeated strings unshared). */
  fromWorker?: true;
}

type ReadOptions = Pick<AnalyzeOptions, 'machine' | 'tz' | 'stdin'>;

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
  for await (const opened of openInputs(file, { filter: { eventIds: ACTIVATION_EVENT_IDS }, ...(options.tz ? { tz: options.tz } : {}) }, options.stdin)) {
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
    });
  }
  return results;
}

async function accountFor(file: InputFile, opened: OpenedInput, options: ReadOptions): Promise<FileResult> {
  const account: InputAccount = { file: file.display, format: opened.format, records: 0, decoded: 0, ignored: 0, rejected: [] };
  const facts: FactWithOwner[] = [];
  const fallbackMachine = options.machine ?? machineFromPath(file.display, file.folderMachine);
  const compactor = new FactCompactor();
  const ledger = new RecordLedger(file.display);
  let localTimes = 0;
  for await (const item of opened.items) {
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
          for (const fact of result.facts) facts.push({ fact: compactor.compact(fact), fallbackMachine });
        } else if (result.status === 'ignored') {
          account.ignored++;
        } else {
          reject(account, { ...placeOf(item.event), reason: result.reason });
        }
        break;
      }
      case 'document': {
        account.records++;
        const parsed = parseDocument(item.document, options.tz !== undefined ? { tz: options.tz } : {});
        if (parsed.unknownLines.length > 0) account.unknownLines = parsed.unknownLines;
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
  if (localTimes > 0) {
    // Times compared across machines (a client's 12288 with the host's 12290) would be off by the zone.
    (account.warnings ??= []).push({
      where: 'whole file',
      reason: `${localTimes} record${localTimes > 1 ? 's have' : ' has'} a local time without a time zone, read as UTC; pass --tz (e.g. --tz Asia/Tokyo or --tz +09:00) to convert`,
    });
  }
  return { account, facts, records: ledger.result() };
}

function ledgerEntryOf(event: RawEvent): LedgerEntry {
  return { channel: event.channel, computer: event.computer, recordIds: event.recordId !== undefined ? [event.recordId] : undefined, time: event.timeCreated };
}

export const MAX_KEPT_REJECTIONS = 1000;

function reject(account: InputAccount, rejection: Rejection): void {
  if (account.rejected.length < MAX_KEPT_REJECTIONS) account.rejected.push(rejection);
  else account.rejectedOmitted = (account.rejectedOmitted ?? 0) + 1;
}

/** Every rejection of an input, kept or only counted. */
export function rejectedCount(account: Pick<InputAccount, 'rejected' | 'rejectedOmitted'>): number {
  return account.rejected.length + (account.rejectedOmitted ?? 0);
}

export function placeOf(event: RawEvent): Pick<Rejection, 'where' | 'line' | 'offset'> {
  const { record, line, offset } = event.source;
  if (record !== undefined) return { where: `record ${record}`, ...(line !== undefined ? { line } : {}) };
  if (line !== undefined) return { where: `line ${line}`, line };
  if (offset !== undefined) return { where: `offset 0x${offset.toString(16)}`, offset };
  return { where: 'unknown place' };
}

export async function analyze(paths: string[], options: AnalyzeOptions = {}): Promise<Analysis> {
  const { files, problems } = await expandInputs(paths);
  const inputs: InputAccount[] = problems.map((p) => ({
    file: p.path,
    format: 'unknown' as const,
    records: 0,
    decoded: 0,
    ignored: 0,
    rejected: [{ where: 'path', reason: p.reason }],
  }));
  const results = await readFiles(files, analyzeInput, {
    ...(options.machine !== undefined ? { machine: options.machine } : {}),
    ...(options.tz !== undefined ? { tz: options.tz } : {}),
    ...(options.stdin ? { stdin: options.stdin } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  // Merge in input order: the cross-machine rules see the facts exactly as a one-thread read would give them.
  const facts: FactWithOwner[] = [];
  const records: RecordSpan[] = [];
  // Facts from worker threads arrive as fresh copies: their repeated strings are shared again here.
  // Facts read in this thread were compacted by analyzeFile already.
  const compactor = new FactCompactor();
  for (const result of results) {
    inputs.push(result.account);
    if (result.records) records.push(...result.records);
    if (!result.fromWorker) for (const f of result.facts) facts.push(f);
    else for (const f of result.facts) facts.push({ fact: compactor.shareStrings(f.fact), fallbackMachine: f.fallbackMachine });
  }
  return diagnoseFacts(inputs, facts, options, records);
}

/**
 * The cross-machine half: runs after every file is read (and after worker results are merged). `records`
 * (every record read, as id runs) tells each machine's evidence end and the holes in its logs.
 */
export function diagnoseFacts(inputs: InputAccount[], facts: FactWithOwner[], options: AnalyzeOptions = {}, records: readonly RecordSpan[] = []): Analysis {
  const fleet = buildFleet(facts, { ...(options.now ? { now: options.now } : {}), records });
  // Without --now, each machine is judged as of its own evidence end (fleet.nowPinned is false).
  const { findings, walks } = diagnose(fleet, { ...options.diagnose, ...(options.now ? { now: options.now } : {}) });
  const views = computeFleetViews(fleet, fleet.now);
  return { generatedAt: new Date().toISOString(), now: fleet.now, inputs, fleet, findings, walks, views };
}

/** True when no input yielded a single record: the run had nothing to work with. */
export function nothingReadable(inputs: InputAccount[]): boolean {
  return inputs.every((i) => i.records - rejectedCount(i) <= 0);
}

export type { Fact };
