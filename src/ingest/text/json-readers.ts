// Readers for JSON exports: a JSON document of one or many events (PowerShell ConvertTo-Json) and JSON Lines
// (evtx_dump -o jsonl, Winlogbeat / Elasticsearch exports). Both map each object with json-events.ts.
import type { Reader, ReaderContext, ReaderItem } from '../../types.js';
import { decodeText, type EncodingGuess } from '../encoding.js';
import { buildEvent, itemFor, rejectedAt } from './build-event.js';
import { JsonElementSplitter, type JsonPiece } from './json-elements.js';
import { looseFromJson } from './json-events.js';
import { splitLines } from './lines.js';
import type { TimeZone } from './local-time.js';
import { zoneFor } from './zone.js';

function itemFromJsonText(text: string, line: number, ctx: ReaderContext, zone: TimeZone | undefined, format: 'json' | 'jsonl'): ReaderItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return rejectedAt(line, `malformed JSON: ${(error as Error).message}`);
  }
  const loose = looseFromJson(value);
  if (typeof loose === 'string') return rejectedAt(line, loose);
  return itemFor(buildEvent(loose, { file: ctx.file, format, line }, zone), line, ctx);
}

export function makeJsonDocumentReader(encoding: Pick<EncodingGuess, 'encoding' | 'bomLength'>): Reader {
  return async function* readJsonDocument(input, ctx): AsyncGenerator<ReaderItem> {
    const { zone, problem } = zoneFor(ctx);
    if (problem) yield problem;
    const splitter = new JsonElementSplitter();
    const handle = (piece: JsonPiece): ReaderItem =>
      piece.kind === 'junk' ? rejectedAt(piece.line, piece.reason) : itemFromJsonText(piece.text, piece.line, ctx, zone, 'json');
    for await (const text of decodeText(input, encoding)) {
      for (const piece of splitter.push(text)) yield handle(piece);
    }
    for (const piece of splitter.end()) yield handle(piece);
  };
}

export function makeJsonLinesReader(encoding: Pick<EncodingGuess, 'encoding' | 'bomLength'>): Reader {
  return async function* readJsonLines(input, ctx): AsyncGenerator<ReaderItem> {
    const { zone, problem } = zoneFor(ctx);
    if (problem) yield problem;
    for await (const batch of splitLines(decodeText(input, encoding))) {
      for (const l of batch) {
        if (l.tooLong) yield rejectedAt(l.line, 'a line longer than 4 MiB characters; skipped');
        else if (l.text.trim() !== '') yield itemFromJsonText(l.text, l.line, ctx, zone, 'jsonl');
      }
    }
  };
}
