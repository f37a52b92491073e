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

export class RecordLedger {
  private readonly spans = new Map<string, { span: RecordSpan; computers: Map<string, ComputerEnd> }>();
  private last?: { channel: string; computer: string; span: RecordSpan; end: ComputerEnd };

  constructor(private readonly file: string) {}

  /** Adds `count` records (one per id when ids are given). */
  add(entry: LedgerEntry, count = 1): void {
    const channel = entry.channel ?? '';
    const computer = entry.computer ?? '';
    // Consecutive records almost always share channel and computer: skip the lookups then.
    let end: ComputerEnd | undefined;
    let span: RecordSpan;
    if (this.last && this.last.channel === channel && this.last.computer === computer) {
      ({ span, end } = this.last);
    } else {
      let held = this.spans.get(channel);
      if (!held) {
        held = { span: { file: this.file, channel, records: 0, newest: '', computers: [], idRuns: [] }, computers: new Map() };
        this.spans.set(channel, held);
      }
      span = held.span;
      const key = computer.toLowerCase();
      end = held.computers.get(key);
      if (!end) {
        end = { computer, records: 0, newest: '' };
        held.computers.set(key, end);
        span.computers.push(end);
      }
      this.last = { channel, computer, span, end };
    }
    span.records += count;
    end.records += count;
    if (entry.time && laterThan(entry.time, end.newest)) {
      end.newest = entry.time;
      if (laterThan(entry.time, span.newest)) span.newest = entry.time;
    }
    if (entry.recordIds) for (const id of entry.recordIds) addId(span.idRuns, id);
  }

  /**
   * The spans as counted so far, before result() folds the records of unknown channel in: what one byte range of
   * a file read on its own hands to the reader of the whole file (see absorb).
   */
  parts(): RecordSpan[] {
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
        held = { span: { file: this.file, channel: part.channel, records: 0, newest: '', computers: [], idRuns: [] }, computers: new Map() };
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
      span.idRuns = span.idRuns.length === 0 ? part.idRuns.map(([a, b]) => [a, b]) : mergeRuns(span.idRuns, part.idRuns);
    }
  }

  /**
   * The file's spans. Records whose channel the reader could not tell join the file's only known channel,
   * which is the usual case: an EVTX file is one log.
   */
  result(): RecordSpan[] {
    const all = [...this.spans.values()].map((h) => h.span);
    const unknown = all.find((s) => s.channel === '');
    const known = all.filter((s) => s !== unknown);
    if (!unknown || known.length !== 1) return all;
    const [only] = known;
    only.records += unknown.records;
    if (laterThan(unknown.newest, only.newest)) only.newest = unknown.newest;
    only.idRuns = mergeRuns(only.idRuns, unknown.idRuns);
    for (const c of unknown.computers) {
      const same = only.computers.find((x) => x.computer.toLowerCase() === c.computer.toLowerCase());
      if (!same) only.computers.push(c);
      else {
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

/** Inserts an id into sorted disjoint runs, merging neighbours. Appending in order (the usual case) is O(1). */
export function addId(runs: Array<[number, number]>, id: number): void {
  if (!Number.isSafeInteger(id)) return;
  const last = runs[runs.length - 1];
  if (!last || id > last[1] + 1) {
    runs.push([id, id]);
    return;
  }
  if (id === last[1] + 1) {
    last[1] = id;
    return;
  }
  // Out of order: find the first run whose end + 1 >= id.
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid][1] + 1 >= id) hi = mid;
    else lo = mid + 1;
  }
  const run = runs[lo];
  if (id >= run[0] && id <= run[1]) return;
  if (id === run[1] + 1) {
    run[1] = id;
    const next = runs[lo + 1];
    if (next && next[0] === id + 1) {
      run[1] = next[1];
      runs.splice(lo + 1, 1);
    }
    return;
  }
  if (id === run[0] - 1) {
    run[0] = id;
    const prev = runs[lo - 1];
    if (prev && prev[1] === id - 1) {
      prev[1] = run[1];
      runs.splice(lo, 1);
    }
    return;
  }
  runs.splice(lo, 0, [id, id]);
}

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
