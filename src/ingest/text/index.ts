// Readers for text exports of event logs, one factory per input kind the sniffer names.
import type { Reader } from '../../types.js';
import type { Sniffed } from '../sniff.js';
import { makeEventViewerDetailsReader } from './eventviewer-details.js';
import { makeEventViewerSheetReader } from './eventviewer-sheet.js';
import { makeJsonDocumentReader, makeJsonLinesReader } from './json-readers.js';
import { makePowerShellCsvReader } from './powershell-csv.js';
import { makePowerShellListReader } from './powershell-list.js';
import { makeWevtutilTextReader } from './wevtutil-text.js';

export const csvEventViewerReader = (s: Sniffed): Reader => makeEventViewerSheetReader(s.encoding, ',');
export const tsvEventViewerReader = (s: Sniffed): Reader => makeEventViewerSheetReader(s.encoding, '\t');
export const csvPowerShellReader = (s: Sniffed): Reader => makePowerShellCsvReader(s.encoding);
export const textWevtutilReader = (s: Sniffed): Reader => makeWevtutilTextReader(s.encoding);
export const textEventViewerReader = (s: Sniffed): Reader => makeEventViewerDetailsReader(s.encoding);
export const textPowerShellListReader = (s: Sniffed): Reader => makePowerShellListReader(s.encoding);
export const jsonPowerShellReader = (s: Sniffed): Reader => makeJsonDocumentReader(s.encoding);
export const jsonlEventsReader = (s: Sniffed): Reader => makeJsonLinesReader(s.encoding);

export { parseTimeZone, readExportTime, type TimeZone, type ExportTime } from './local-time.js';
export { inferChannel } from './channel.js';
