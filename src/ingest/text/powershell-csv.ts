// PowerShell `Export-Csv` / `ConvertTo-Csv` of Get-WinEvent (or Get-EventLog) objects: an optional "#TYPE …"
// line, a header of property names, one row per event. `-UseCulture` switches the delimiter to the locale's
// list separator (";" in much of Europe), so the delimiter is read from the header. Times are culture-formatted
// local times. `Properties` is normally a .NET type name (the Data are lost); when a user's Select-Object put
// the values there as a JSON array, they are kept.
import type { Reader, ReaderItem } from '../../types.js';
import { decodeText, type EncodingGuess } from '../encoding.js';
import { buildEvent, itemFor, rejectedAt, type LooseEvent } from './build-event.js';
import { csvRows } from './csv-head.js';
import type { DelimitedRow } from './delimited.js';
import { dataFromProperties } from './powershell-values.js';
import { zoneFor } from './zone.js';

type Column = keyof LooseEvent | 'properties';

const COLUMNS: Readonly<Record<string, Column>> = {
  message: 'message', id: 'eventId', qualifiers: 'qualifiers', level: 'level', recordid: 'recordId',
  providername: 'provider', providerid: 'providerGuid', logname: 'channel', machinename: 'computer',
  timecreated: 'time', leveldisplayname: 'levelName', properties: 'properties',
  // Get-EventLog objects
  eventid: 'eventId', source: 'provider', timegenerated: 'time', index: 'recordId', entrytype: 'levelName',
  replacementstrings: 'properties',
};

export function makePowerShellCsvReader(encoding: Pick<EncodingGuess, 'encoding' | 'bomLength'>): Reader {
  return async function* readPowerShellCsv(input, ctx): AsyncGenerator<ReaderItem> {
    const { zone, problem } = zoneFor(ctx);
    if (problem) yield problem;
    let columns: (Column | undefined)[] | undefined;
    let unreadableHeader = false;

    function* handle(rows: DelimitedRow[]): Generator<ReaderItem> {
      for (const row of rows) {
        const line = row.line;
        if (row.kind === 'bad') {
          yield rejectedAt(line, row.reason);
          continue;
        }
        if (!columns) {
          columns = row.fields.map((name) => COLUMNS[name.trim().toLowerCase()]);
          if (!columns.includes('eventId') || !columns.includes('provider')) {
            yield rejectedAt(line, `the header names no Id/ProviderName columns: ${JSON.stringify(row.fields.slice(0, 6).join(','))}`);
            unreadableHeader = true;
            return;
          }
          continue;
        }
        if (row.fields.length !== columns.length) {
          yield rejectedAt(line, `a row of ${row.fields.length} field(s) where the header names ${columns.length}`);
          continue;
        }
        const loose: LooseEvent = {};
        let properties: string | undefined;
        columns.forEach((column, index) => {
          const value = row.fields[index];
          if (column === 'properties') properties = value;
          else if (column && loose[column] === undefined && value !== '') (loose as Record<string, string>)[column] = value;
        });
        const data = properties === undefined ? undefined : dataFromProperties(properties);
        if (data) loose.data = data;
        yield itemFor(buildEvent(loose, { file: ctx.file, format: 'csv', line }, zone), line, ctx);
      }
    }

    for await (const { rows } of csvRows(decodeText(input, encoding))) {
      yield* handle(rows);
      if (unreadableHeader) return;
    }
  };
}
