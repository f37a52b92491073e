// "Which of a forwarded log's computers is this machine?" is asked once per machine of a span holding every
// machine's records: a scan each time is machines × computers (25 million machineKey calls for 5,000
// clients). The span's computers are indexed by machine key once, on first use.
import { machineKey } from './machine-name.js';
import type { ComputerEnd, RecordSpan } from './record-ledger.js';

interface SpanIndex {
  /** span.computers.length when indexed: a span that grew since is indexed again. */
  length: number;
  /** Computers the records name (entries with an empty name left out), in the span's order. */
  named: number;
  /** Per machine key, the first named computer with that key. */
  first: Map<string, ComputerEnd>;
}

const indexes = new WeakMap<RecordSpan, SpanIndex>();

/**
 * The first computer of `span` (by the span's order, unnamed ones skipped) whose machine key is `key`, and
 * how many named computers the span has.
 */
export function computerEndOf(span: RecordSpan, key: string): { end: ComputerEnd | undefined; named: number } {
  let index = indexes.get(span);
  if (!index || index.length !== span.computers.length) index = indexSpan(span);
  return { end: index.first.get(key), named: index.named };
}

function indexSpan(span: RecordSpan): SpanIndex {
  const index: SpanIndex = { length: span.computers.length, named: 0, first: new Map() };
  for (const c of span.computers) {
    if (!c.computer) continue;
    index.named++;
    const key = machineKey(c.computer);
    if (!index.first.has(key)) index.first.set(key, c);
  }
  indexes.set(span, index);
  return index;
}
