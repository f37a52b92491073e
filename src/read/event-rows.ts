// The records `volact events` prints: each record read, decoded where it is an activation event. Shared by the
// command (events.ts) and the worker threads that read byte ranges of one large file; report/events/ writes them.
import type { EventStreamItem } from '../accounts/index.js';
import { decodeEvent } from '../decode/index.js';
import type { ReaderItem } from '../types.js';

/** The items of one input as rows (activation events; every event with `all`), rejections and warnings. */
export async function* rowsOf(file: string, items: AsyncIterable<ReaderItem>, options: { all?: boolean }): AsyncGenerator<EventStreamItem> {
  for await (const item of items) {
    if (item.kind === 'rejected') yield { kind: 'rejected', file, rejection: item.rejection };
    if (item.kind === 'warning') yield { kind: 'warning', file, warning: item.warning };
    if (item.kind !== 'event') continue;
    const result = decodeEvent(item.event);
    if (result.status === 'decoded') yield { kind: 'row', row: { event: item.event, decoded: result.facts } };
    else if (result.status === 'rejected') yield { kind: 'row', row: { event: item.event, decodeError: result.reason } };
    else if (options.all) yield { kind: 'row', row: { event: item.event } };
  }
}
