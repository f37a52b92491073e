// WMI Format-List lines inside a console paste (`Get-CimInstance SoftwareLicensingProduct | fl` between other
// commands), read line by line as a splitter offers them: `read` takes "Name : value" lines, their indented
// continuations and the blank lines between objects; `end` decodes the objects into facts.
import type { SourceRef } from '../types.js';
import type { Fact } from './facts.js';
import type { NumberedLine } from './network/lines.js';
import { decodeWmiObject, type WmiDecodeOptions } from './wmi.js';
import { PropertyListReader, type ListParse } from '../ingest/index.js';

export interface WmiBlockParse {
  facts: Fact[];
  unknown: NumberedLine[];
  /** Objects that were not licenses (SKUs without a key) or could not be read, said why. */
  notes: string[];
}

const PROPERTY_OR_CONTINUATION = /^\s*[A-Za-z_][A-Za-z0-9_]*\s+:(?:\s|$)|^\s+\S/;

export class WmiListBlockReader {
  private readonly reader: PropertyListReader;
  private readonly out: ListParse = { objects: [], unknown: [] };
  private readonly listed: NumberedLine[] = [];

  constructor(
    private readonly source: SourceRef,
    private readonly options: WmiDecodeOptions = {},
  ) {
    this.reader = new PropertyListReader({ file: source.file, format: source.format });
  }

  read(line: NumberedLine): boolean {
    if (line.text.trim() !== '' && !PROPERTY_OR_CONTINUATION.test(line.text)) return false;
    this.reader.line({ line: line.no, text: line.text }, this.out);
    return true;
  }

  unknown(line: NumberedLine): void {
    this.listed.push(line);
  }

  end(): WmiBlockParse {
    this.reader.end(this.out);
    const result: WmiBlockParse = { facts: [], unknown: [...this.listed], notes: [] };
    for (const u of this.out.unknown) result.unknown.push({ no: u.line, text: u.text });
    let skus = 0;
    for (const object of this.out.objects) {
      const r = decodeWmiObject({ ...object, source: { ...this.source, line: object.source.line } }, this.options);
      if (r.status === 'decoded') for (const f of r.facts) result.facts.push(f);
      else if (r.status === 'ignored') skus++;
      else result.notes.push(`line ${object.source.line}: ${r.reason}`);
    }
    if (skus > 0) result.notes.push(`${skus} WMI object${skus === 1 ? '' : 's'} without an installed product key (SKUs the machine knows) not taken as licenses`);
    result.unknown.sort((a, b) => a.no - b.no);
    return result;
  }
}
