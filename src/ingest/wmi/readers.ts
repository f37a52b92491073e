// Readers for inventories of the WMI licensing classes (SoftwareLicensingProduct, SoftwareLicensingService) as
// PowerShell writes them: Format-List and Format-Table text, Export-Csv, ConvertTo-Json. Each yields one
// `object` item per object (decoded in decode/wmi.ts) and lists the lines it did not understand. A fleet
// inventory can hold thousands of machines × every SKU each knows: everything streams, one object at a time.
import type { PropertyObject, Reader, ReaderItem } from '../../types.js';
import { decodeText, type EncodingGuess } from '../encoding.js';
import { rejectedAt } from '../text/build-event.js';
import { csvRows } from '../text/csv-head.js';
import { JsonElementSplitter, type JsonPiece } from '../text/json-elements.js';
import { splitLines } from '../text/lines.js';
import { classFromTypeName } from './properties.js';
import { PropertyListReader, type ListParse } from './property-list.js';
import { PropertyTableReader, type TableParse } from './property-table.js';

type Encoding = Pick<EncodingGuess, 'encoding' | 'bomLength'>;

/**
 * Objects, unknown lines and refused rows in the order of their lines, so how the input was cut into pieces
 * never changes what comes out: items at or after `before` (the first line of an object still being read)
 * wait until that object is complete.
 */
function* itemsOf(out: ListParse | TableParse, before = Infinity): Generator<ReaderItem> {
  const objects = out.objects;
  const unknown = out.unknown;
  const rejected = 'rejected' in out ? out.rejected : [];
  let o = 0;
  let u = 0;
  let r = 0;
  for (;;) {
    const lo = objects[o]?.source.line ?? Infinity;
    const lu = unknown[u]?.line ?? Infinity;
    const lr = rejected[r]?.line ?? Infinity;
    const next = Math.min(lo, lu, lr);
    if (next === Infinity || next >= before) break;
    if (lo === next) yield objectItem(objects[o++]);
    else if (lu === next) yield { kind: 'unknown-line', line: unknown[u++] };
    else {
      const x = rejected[r++];
      yield rejectedAt(x.line, x.reason);
    }
  }
  objects.splice(0, o);
  unknown.splice(0, u);
  rejected.splice(0, r);
}

function objectItem(object: PropertyObject): ReaderItem {
  const className = classFromTypeName(object.properties.__CLASS ?? '') ?? object.className;
  return { kind: 'object', object: className ? { ...object, className } : object };
}

/** Format-List text (console copy, or `> file` from Windows PowerShell: UTF-16LE). */
export function makeWmiListReader(encoding: Encoding): Reader {
  return async function* readWmiList(input, ctx): AsyncGenerator<ReaderItem> {
    const reader = new PropertyListReader({ file: ctx.file, format: 'wmi' });
    const out: ListParse = { objects: [], unknown: [] };
    for await (const batch of splitLines(decodeText(input, encoding))) {
      for (const l of batch) {
        if (l.tooLong) out.unknown.push({ line: l.line, text: '(a line longer than 4 MiB characters, not shown)' });
        else reader.line(l, out);
      }
      yield* itemsOf(out, reader.openLine());
    }
    reader.end(out);
    yield* itemsOf(out);
  };
}

/** Format-Table text, read where the columns are unambiguous. */
export function makeWmiTableReader(encoding: Encoding): Reader {
  return async function* readWmiTable(input, ctx): AsyncGenerator<ReaderItem> {
    const reader = new PropertyTableReader({ file: ctx.file, format: 'wmi' });
    const out: TableParse = { objects: [], unknown: [], rejected: [] };
    for await (const batch of splitLines(decodeText(input, encoding))) {
      for (const l of batch) {
        if (l.tooLong) out.rejected.push({ line: l.line, reason: 'a line longer than 4 MiB characters; skipped' });
        else reader.line(l, out);
      }
      yield* itemsOf(out);
    }
    reader.end(out);
    yield* itemsOf(out);
  };
}

/** Export-Csv / ConvertTo-Csv, with or without the #TYPE line; the delimiter is read from the header. */
export function makeWmiCsvReader(encoding: Encoding): Reader {
  return async function* readWmiCsv(input, ctx): AsyncGenerator<ReaderItem> {
    let className: string | undefined;
    let header: string[] | undefined;
    for await (const batch of csvRows(decodeText(input, encoding))) {
      className ??= batch.typeName ? classFromTypeName(batch.typeName) : undefined;
      for (const row of batch.rows) {
        if (row.kind === 'bad') {
          yield rejectedAt(row.line, row.reason);
          continue;
        }
        if (!header) {
          header = row.fields.map((f) => f.trim());
          continue;
        }
        if (row.fields.length !== header.length) {
          yield rejectedAt(row.line, `a row of ${row.fields.length} field(s) where the header names ${header.length}`);
          continue;
        }
        const properties: Record<string, string> = {};
        header.forEach((name, i) => {
          if (name !== '' && properties[name] === undefined) properties[name] = row.fields[i];
        });
        const object: PropertyObject = { source: { file: ctx.file, format: 'wmi', line: row.line }, properties };
        if (className) object.className = className;
        yield objectItem(object);
      }
    }
  };
}

/** ConvertTo-Json of one object or an array of them (Windows PowerShell 5.1 and 7). */
export function makeWmiJsonReader(encoding: Encoding): Reader {
  return async function* readWmiJson(input, ctx): AsyncGenerator<ReaderItem> {
    const splitter = new JsonElementSplitter();
    const handle = (piece: JsonPiece): ReaderItem => {
      if (piece.kind === 'junk') return rejectedAt(piece.line, piece.reason);
      const properties = jsonProperties(piece.text);
      if (typeof properties === 'string') return rejectedAt(piece.line, properties);
      return objectItem({ source: { file: ctx.file, format: 'wmi', line: piece.line }, properties });
    };
    for await (const text of decodeText(input, encoding)) for (const piece of splitter.push(text)) yield handle(piece);
    for (const piece of splitter.end()) yield handle(piece);
  };
}

/**
 * The scalar properties of one JSON object, as text. Nested values (CimClass, CimInstanceProperties, …) are
 * what PowerShell adds around the properties; `__CLASS` or `CimClass.CimClassName` names the class.
 */
function jsonProperties(text: string): Record<string, string> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `malformed JSON: ${(error as Error).message}`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'a JSON value that is not an object';
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null) out[name] = '';
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[name] = String(v);
    else if (name === 'CimClass' && typeof v === 'object' && typeof (v as { CimClassName?: unknown }).CimClassName === 'string') {
      out.__CLASS ??= (v as { CimClassName: string }).CimClassName;
    }
  }
  return out;
}
