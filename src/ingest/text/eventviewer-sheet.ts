// Event Viewer "Save All Events As…" CSV and "Text (Tab delimited)": a header of five localized column names
// (Level or, for the Security log, Keywords; Date and Time; Source; Event ID; Task Category) and rows of six
// fields, the sixth being the rendered message without a header. There is no computer, channel or Data column:
// the channel is inferred and the decode layer recovers Data from the message.
import type { Reader, ReaderContext, ReaderItem } from '../../types.js';
import { decodeText, type EncodingGuess } from '../encoding.js';
import { buildEvent, itemFor, rejectedAt } from './build-event.js';
import { DelimitedSplitter, type DelimitedRow } from './delimited.js';
import { SHEET_HEADERS, type SheetColumn } from './vocabulary.js';
import { zoneFor } from './zone.js';

const REQUIRED: readonly SheetColumn[] = ['level', 'date', 'source', 'eventId'];

type Layout = Partial<Record<SheetColumn, number>> & { columns: number };

function layoutOf(header: string[]): Layout | string {
  const layout: Layout = { columns: header.length };
  header.forEach((name, index) => {
    const column = SHEET_HEADERS[name.replace(/^\uFEFF/, '').trim().toLowerCase()];
    if (column !== undefined && layout[column] === undefined) layout[column] = index;
  });
  const missing = REQUIRED.filter((c) => layout[c] === undefined);
  if (missing.length > 0) return `the header lacks the column(s) ${missing.join(', ')}: ${JSON.stringify(header.join(' | ').slice(0, 80))}`;
  return layout;
}

export function makeEventViewerSheetReader(encoding: Pick<EncodingGuess, 'encoding' | 'bomLength'>, delimiter: ',' | '\t'): Reader {
  return async function* readEventViewerSheet(input, ctx): AsyncGenerator<ReaderItem> {
    const { zone, problem } = zoneFor(ctx);
    if (problem) yield problem;
    const splitter = new DelimitedSplitter(delimiter);
    let layout: Layout | undefined;
    let unreadableHeader = false;
    const format = 'csv';

    function* handle(rows: DelimitedRow[]): Generator<ReaderItem> {
      for (const row of rows) {
        if (row.kind === 'bad') {
          yield rejectedAt(row.line, row.reason);
          continue;
        }
        if (!layout) {
          const found = layoutOf(row.fields);
          if (typeof found === 'string') {
            yield rejectedAt(row.line, found);
            unreadableHeader = true;
            return;
          }
          layout = found;
          continue;
        }
        yield rowToItem(row.fields, row.line, layout, ctx);
      }
    }

    function rowToItem(fields: string[], line: number, l: Layout, c: ReaderContext): ReaderItem {
      if (fields.length < l.columns) {
        return rejectedAt(line, `a row of ${fields.length} field(s) where the header names ${l.columns}`);
      }
      const at = (col: SheetColumn): string => (l[col] === undefined ? '' : fields[l[col] as number]);
      // The message is everything after the named columns; an unquoted delimiter inside it splits it, so rejoin.
      const message = fields.slice(l.columns).join(delimiter);
      const built = buildEvent(
        { levelName: at('level'), time: at('date'), provider: at('source'), eventId: at('eventId').trim(), message },
        { file: c.file, format, line },
        zone,
      );
      return itemFor(built, line, c);
    }

    for await (const text of decodeText(input, encoding)) {
      yield* handle(splitter.push(text));
      // Without a header the columns mean nothing: one rejection for the file, not one per row.
      if (unreadableHeader) return;
    }
    yield* handle(splitter.end());
  };
}
