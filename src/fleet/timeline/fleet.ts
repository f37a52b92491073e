// The fleet's activation history per hour or day: requests, activations, failures, what the hosts logged, and
// licenses changing state. Each machine's records are read once; counts go into a map of hours, folded into days.
import type { Fleet } from '../../evidence/index.js';
import { utcIsoMs } from '../../base/index.js';
import { ownEntries } from './machine.js';
import type { Bucket, FleetTimeline, FleetTimelineBucket, TimelineEntry } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Without `by`, hours when the records span at most this long, else days. */
const HOURS_UP_TO = 3 * DAY;
/** Buckets with nothing in them are filled in (so a chart shows the quiet hours) up to this many. */
const MAX_FILLED = 5000;
/** A client retries every 2 hours until activated: a 12289 later than that answers another request. */
const ANSWER_WITHIN = 2 * HOUR;

export function fleetTimeline(fleet: Fleet, by?: Bucket): FleetTimeline {
  const hours = new Map<number, FleetTimelineBucket>();
  let counted = 0;
  const bucketOf = (t: number): FleetTimelineBucket => {
    const start = Math.floor(t / HOUR) * HOUR;
    let b = hours.get(start);
    if (!b) hours.set(start, (b = empty(start)));
    return b;
  };
  for (const machine of fleet.machines) {
    let any = false;
    const exchanges: Array<{ t: number; e: TimelineEntry }> = [];
    for (const e of ownEntries(machine)) {
      const t = e.time ? (utcIsoMs(e.time) ?? Date.parse(e.time)) : NaN;
      if (!Number.isFinite(t)) continue;
      any = true;
      const b = bucketOf(t);
      if (e.kind === 'request' || e.kind === 'response') exchanges.push({ t, e });
      if (e.kind === 'request') b.requests++;
      if (e.kind === 'response' && !e.result) b.activated++;
      if (e.kind === 'host-logged') b.hostLogged++;
      else if (e.result || e.kind === 'error') b.failed++;
      if (e.kind === 'state' && e.from && e.state) b.states[e.state] = (b.states[e.state] ?? 0) + 1;
    }
    for (const t of unanswered(exchanges)) bucketOf(t).unanswered++;
    if (any) counted++;
  }
  const starts = [...hours.keys()].sort((a, b) => a - b);
  const span = starts.length ? starts[starts.length - 1] - starts[0] : 0;
  const chosen: Bucket = by ?? (span <= HOURS_UP_TO ? 'hour' : 'day');
  const size = chosen === 'hour' ? HOUR : DAY;
  const buckets = new Map<number, FleetTimelineBucket>();
  for (const start of starts) {
    const at = Math.floor(start / size) * size;
    let b = buckets.get(at);
    if (!b) buckets.set(at, (b = empty(at)));
    add(b, hours.get(start)!);
  }
  return { by: chosen, machines: counted, buckets: filled(buckets, size) };
}

/** Times of the requests no 12289 followed before the next request (and within the retry interval). */
function unanswered(exchanges: Array<{ t: number; e: TimelineEntry }>): number[] {
  exchanges.sort((a, b) => a.t - b.t);
  const out: number[] = [];
  for (let i = 0; i < exchanges.length; i++) {
    const { t, e } = exchanges[i];
    if (e.kind !== 'request') continue;
    const next = exchanges[i + 1];
    if (!next || next.e.kind !== 'response' || next.t - t > ANSWER_WITHIN) out.push(t);
  }
  return out;
}

function empty(start: number): FleetTimelineBucket {
  return { start: new Date(start).toISOString(), requests: 0, unanswered: 0, activated: 0, failed: 0, hostLogged: 0, states: {} };
}

function add(into: FleetTimelineBucket, b: FleetTimelineBucket): void {
  into.requests += b.requests;
  into.unanswered += b.unanswered;
  into.activated += b.activated;
  into.failed += b.failed;
  into.hostLogged += b.hostLogged;
  for (const [state, n] of Object.entries(b.states)) into.states[state] = (into.states[state] ?? 0) + n;
}

/** Buckets oldest first, the empty ones between included when there are not too many. */
function filled(buckets: Map<number, FleetTimelineBucket>, size: number): FleetTimelineBucket[] {
  const starts = [...buckets.keys()].sort((a, b) => a - b);
  if (starts.length === 0) return [];
  const first = starts[0];
  const last = starts[starts.length - 1];
  if ((last - first) / size + 1 > MAX_FILLED) return starts.map((s) => buckets.get(s)!);
  const out: FleetTimelineBucket[] = [];
  for (let t = first; t <= last; t += size) out.push(buckets.get(t) ?? empty(t));
  return out;
}
