// The library entry: inputs in, diagnosis out. The CLI only wraps this.
import type { Fact } from './decode/index.js';
import { diagnose, resolveOptions, type DiagnoseOptions, type InputRead } from './diagnose/index.js';
import { buildFleet, type FactWithOwner, type Fleet, type RecordSpan } from './evidence/index.js';
import { computeFleetViews, computeGroups, type FleetGroup, type FleetViews, type GroupOptions } from './fleet/index.js';
import { expandInputs } from './ingest/index.js';
import { rejectedCount, type InputAccount } from './accounts/index.js';
import { analyzeInput, readFiles } from './read/index.js';
import type { Finding, WalkStep } from './types.js';
import { english } from './messages/index.js';

export { analyzeFile, analyzeInput, MAX_KEPT_REJECTIONS, placeOf, type ReadOptions } from './read/index.js';
export { rejectedCount, type FileResult, type InputAccount, type UnknownLine } from './accounts/index.js';

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
  /** How failing machines are grouped into likely shared causes (`--group-min`, `--group-share`); false: not at all. */
  groups?: Partial<GroupOptions> | false;
}

export interface Analysis {
  generatedAt: string;
  now: string;
  inputs: InputAccount[];
  fleet: Fleet;
  findings: Finding[];
  walks: Map<string, WalkStep[]>;
  /** Each machine's likely cause, by machine key (see diagnose/causes.ts). */
  causes: Map<string, Finding>;
  /** The SCCM-style fleet views (license status, expiry, products, KMS hosts). */
  views: FleetViews;
  /** Likely shared causes: failing machines grouped by what they share. */
  groups: FleetGroup[];
}

export async function analyze(paths: string[], options: AnalyzeOptions = {}): Promise<Analysis> {
  const { inputs, facts, records } = await readInputs(paths, options);
  return diagnoseFacts(inputs, facts, options, records);
}

/** The inputs read and their machines, without the rule chain (what `volact timeline` needs). */
export async function readFleet(paths: string[], options: AnalyzeOptions = {}): Promise<{ inputs: InputAccount[]; fleet: Fleet }> {
  const { inputs, facts, records } = await readInputs(paths, options);
  return { inputs, fleet: buildFleet(facts, { ...(options.now ? { now: options.now } : {}), records }) };
}

/** Every input read (on worker threads when asked), its facts merged in input order. */
async function readInputs(paths: string[], options: AnalyzeOptions): Promise<{ inputs: InputAccount[]; facts: FactWithOwner[]; records: RecordSpan[] }> {
  const { files, problems } = await expandInputs(paths);
  const inputs: InputAccount[] = problems.map((p) => ({
    file: p.path,
    format: 'unknown' as const,
    records: 0,
    decoded: 0,
    ignored: 0,
    rejected: [{ where: 'path', reason: english(p.message), message: p.message }],
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
  for (const result of results) {
    inputs.push(result.account);
    if (result.records) for (const r of result.records) records.push(r);
    for (const f of result.facts) facts.push(f);
  }
  return { inputs, facts, records };
}

/**
 * The cross-machine half: runs after every file is read (and after worker results are merged). `records`
 * (every record read, as id runs) tells each machine's evidence end and the holes in its logs.
 */
export function diagnoseFacts(inputs: InputAccount[], facts: FactWithOwner[], options: AnalyzeOptions = {}, records: readonly RecordSpan[] = []): Analysis {
  const fleet = buildFleet(facts, { ...(options.now ? { now: options.now } : {}), records });
  // Without --now, each machine is judged as of its own evidence end (fleet.nowPinned is false).
  const settings = resolveOptions({ ...options.diagnose, ...(options.now ? { now: options.now } : {}) });
  const { findings, walks, causes } = diagnose(fleet, settings, inputReads(inputs));
  // The views ask some of the rules' questions (clients no host saw): with the rules' skew, so they agree.
  const views = computeFleetViews(fleet, fleet.now, { skewHours: settings.skewHours });
  const groups = options.groups === false ? [] : computeGroups(fleet, findings, views, options.groups ?? {}, causes);
  return { generatedAt: new Date().toISOString(), now: fleet.now, inputs, fleet, findings, walks, causes, views, groups };
}

/** What the input rules read of each account: how much of the file was read, and whose file it is. */
export function inputReads(inputs: readonly InputAccount[]): InputRead[] {
  // An archive whose entries were listed is a container: its own rejections are about the archive, not its entries.
  const containers = new Set<string>();
  for (const { file } of inputs) for (let i = file.indexOf('!'); i > 0; i = file.indexOf('!', i + 1)) containers.add(file.slice(0, i));
  return inputs.map((a) => ({
    file: a.file,
    format: a.format,
    records: a.records,
    decoded: a.decoded,
    ignored: a.ignored,
    rejected: a.rejected,
    rejectedTotal: rejectedCount(a),
    unknownLines: a.unknownLines ?? [],
    ...(a.machine !== undefined ? { machine: a.machine } : {}),
    ...(a.machineNamed ? { machineNamed: true } : {}),
    ...(isPathProblem(a) ? { notOpened: true } : {}),
    ...(containers.has(a.file) ? { container: true } : {}),
  }));
}

/** An input that is a path volact could not open (missing, unreadable, an empty folder, a glob matching nothing). */
export function isPathProblem(input: InputAccount): boolean {
  return input.records === 0 && input.rejected.length === 1 && input.rejected[0].where === 'path';
}

/** True when no input yielded a single record: the run had nothing to work with. */
export function nothingReadable(inputs: InputAccount[]): boolean {
  return inputs.every((i) => i.records - rejectedCount(i) <= 0);
}

export type { Fact };
