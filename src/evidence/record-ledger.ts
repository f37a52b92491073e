// Every record a file held, decoded or not, kept compact: per channel its record ids as runs ([first, last]
// of consecutive ids), per computer its newest time. Holes in a log and the end of a machine's evidence
// are questions about all records, not only the activation events volact decodes. A whole log is one run;
// memory grows with holes, not with records.

/** The records of one channel in one file: record ids are numbered per log, so holes are a channel question. */
export interface RecordSpan {
  file: string;
  /** '' when the reader could not tell without decoding (EVTX records skipped by the event-id pre-filter). */
  channel: string;
  records: number;
  /** ISO-8601 UTC of the newest record ('' when none had a time). */
  newest: string;
  /** Per computer named by the records ('' = not named): how many and the newest time. Forwarded logs hold several. */
  computers: ComputerEnd[];
  /** Record ids as sorted, disjoint [first, last] runs. */
  idRuns: Array<[number, number]>;
}

export interface ComputerEnd {
  computer: string;
  records: number;
  newest: string;
}

export interface LedgerEntry {
  recordIds?: readonly number[] | undefined;
  time?: string | undefined;
  channel?: string | undefined;
  computer?: string | undefined;
}

interface Held {
  span: RecordSpan;
  computers: Map<string, ComputerEnd>;
  ids: RunSet;
}

export class RecordLedger {
  private readonly spans = new Map<string, Held>();
  private last?: { channel: string; computer: string; held: Held; end: ComputerEnd };

  constructor(private readonly file: string) {}

  /** Adds `count` records (one per id when ids are given). */
  add(entry: LedgerEntry, count = 1): void {
    const channel = entry.channel ?? '';
    const computer = entry.computer ?? '';
    // Consecutive records almost always share channel and computer: skip the lookups then.
    let end: ComputerEnd | undefined;
    let held: Held | undefined;
    if (this.last && this.last.channel === channel && this.last.computer === computer) {
      ({ held, end } = this.last);
    } else {
      held = this.spans.get(channel);
      if (!held) {
        held = { span: { file: this.file, channel, records: 0, newest: '', computers: [], idRuns: [] }, computers: new Map(), ids: new RunSet() };
        this.spans.set(channel, held);
      }
      const key = computer.toLowerCase();
      end = held.computers.get(key);
      if (!end) {
        end = { computer, records: 0, newest: '' };
        held.computers.set(key, end);
        held.span.computers.push(end);
      }
      this.last = { channel, computer, held, end };
    }
    const { span } = held;
    span.records += count;
    end.records += count;
    if (entry.time && laterThan(entry.time, end.newest)) {
      end.newest = entry.time;
      if (laterThan(entry.time, span.newest)) span.newest = entry.time;
    }
    if (entry.recordIds) for (const id of entry.recordIds) held.ids.add(id);
  }

  /**
   * The spans as counted so far, before result() folds the records of unknown channel in: what one byte range of
   * a file read on its own hands to the reader of the whole file (see absorb).
   */
  parts(): RecordSpan[] {
    for (const h of this.spans.values()) h.span.idRuns = h.ids.runs().map(([a, b]) => [a, b]);
    return [...this.spans.values()].map((h) => h.span);
  }

  /**
   * Adds the parts() of a later stretch of the same file, as if its records had been added here one by one:
   * channels and computers keep the order they were first seen in, ids merge into runs.
   */
  absorb(parts: readonly RecordSpan[]): void {
    this.last = undefined;
    for (const part of parts) {
      let held = this.spans.get(part.channel);
      if (!held) {
        held = { span: { file: this.file, channel: part.channel, records: 0, newest: '', computers: [], idRuns: [] }, computers: new Map(), ids: new RunSet() };
        this.spans.set(part.channel, held);
      }
      const span = held.span;
      span.records += part.records;
      if (laterThan(part.newest, span.newest)) span.newest = part.newest;
      for (const c of part.computers) {
        const key = c.computer.toLowerCase();
        let end = held.computers.get(key);
        if (!end) {
          end = { computer: c.computer, records: 0, newest: '' };
          held.computers.set(key, end);
          span.computers.push(end);
        }
        end.records += c.records;
        if (laterThan(c.newest, end.newest)) end.newest = c.newest;
      }
      held.ids.addRuns(part.idRuns);
    }
  }

  /**
   * The file's spans. Records whose channel the reader could not tell join the file's only known channel,
   * which is the usual case: an EVTX file is one log.
   */
  result(): RecordSpan[] {
    for (const h of this.spans.values()) h.span.idRuns = h.ids.runs();
    const all = [...this.spans.values()].map((h) => h.span);
    const unknown = all.find((s) => s.channel === '');
    const known = all.filter((s) => s !== unknown);
    if (!unknown || known.length !== 1) return all;
    const [only] = known;
    only.records += unknown.records;
    if (laterThan(unknown.newest, only.newest)) only.newest = unknown.newest;
    only.idRuns = mergeRuns(only.idRuns, unknown.idRuns);
    // A forwarded log can name thousands of computers: look them up, not scan.
    const byName = new Map(only.computers.map((x) => [x.computer.toLowerCase(), x]));
    for (const c of unknown.computers) {
      const same = byName.get(c.computer.toLowerCase());
      if (!same) {
        only.computers.push(c);
        byName.set(c.computer.toLowerCase(), c);
      } else {
        same.records += c.records;
        if (laterThan(c.newest, same.newest)) same.newest = c.newest;
      }
    }
    return known;
  }
}

function laterThan(a: string, b: string): boolean {
  if (!a) return false;
  if (!b) return true;
  // Readers write one ISO form per file: same length and 'Z' compare as strings (this runs once per record).
  if (a.length === b.length && a.endsWith('Z') && b.endsWith('Z')) return a > b;
  const ma = Date.parse(a);
  const mb = Date.parse(b);
  return Number.isFinite(ma) && (!Number.isFinite(mb) || ma > mb || (ma === mb && a > b));
}

/**
 * Record ids as sorted disjoint runs, built as ids arrive in any order. Ids that extend the newest run (oldest
 * first, the usual order) cost O(1). Others collect as runs in arrival order (a newest-first export makes one
 * falling run per hole) and are sorted into the rest once they outnumber it: O(log n) per id amortised, where
 * inserting each into a sorted array would move the whole array (quadratic in holes). Memory stays within
 * twice the final runs plus one batch.
 */
export class RunSet {
  private sorted: Array<[number, number]> = [];
  private pending: Array<[number, number]> = [];

  add(id: number): void {
    if (!Number.isSafeInteger(id)) return;
    const pending = this.pending;
    const open = pending[pending.length - 1];
    if (open) {
      if (id === open[1] + 1) return void (open[1] = id);
      if (id === open[0] - 1) return void (open[0] = id);
      if (id >= open[0] && id <= open[1]) return;
    } else {
      const last = this.sorted[this.sorted.length - 1];
      if (!last || id > last[1] + 1) return void this.sorted.push([id, id]);
      if (id === last[1] + 1) return void (last[1] = id);
    }
    pending.push([id, id]);
    if (pending.length > Math.max(PENDING_BATCH, this.sorted.length)) this.settle();
  }

  /** Adds sorted runs (another set's runs()). */
  addRuns(runs: ReadonlyArray<readonly [number, number]>): void {
    this.settle();
    this.sorted = mergeRuns(this.sorted, runs.map(([a, b]): [number, number] => [a, b]));
  }

  /** The runs, sorted and merged. */
  runs(): Array<[number, number]> {
    this.settle();
    return this.sorted;
  }

  private settle(): void {
    if (this.pending.length === 0) return;
    this.sorted = mergeRuns(this.sorted, this.pending);
    this.pending = [];
  }
}

const PENDING_BATCH = 4096;

/** The union of two sorted run lists. */
export function mergeRuns(a: ReadonlyArray<readonly [number, number]>, b: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [first, last] of all) {
    const tail = out[out.length - 1];
    if (tail && first <= tail[1] + 1) tail[1] = Math.max(tail[1], last);
    else out.push([first, last]);
  }
  return out;
}

/** The ids between runs: [first missing, last missing] per hole. */
export function holesOf(runs: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 1; i < runs.length; i++) out.push([runs[i - 1][1] + 1, runs[i][0] - 1]);
  return out;
}
