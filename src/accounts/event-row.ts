// The records `volact events` hands on, one by one: read/ makes them, report/events/ writes them as CSV or
// JSON lines (on worker threads too, which is why neither side may import the other).
import type { Fact } from '../decode/index.js';
import type { RawEvent, Rejection } from '../types.js';

export interface EventRow {
  event: RawEvent;
  /** Typed facts for activation events; absent for others. */
  decoded?: Fact[];
  /** Why an activation event could not be decoded. */
  decodeError?: string;
}

export type EventStreamItem =
  | { kind: 'row'; row: EventRow }
  | { kind: 'rejected'; file: string; rejection: Rejection }
  | { kind: 'warning'; file: string; warning: Rejection }
  /** Rows already written out as text (by a worker thread reading a byte range), `rows` of them. */
  | { kind: 'text'; text: string; rows: number };
