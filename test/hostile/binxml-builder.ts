// Hand-built EVTX records for hostile cases the test writer cannot express (it only writes sane templates):
// template bodies with nested elements, raw substitution tokens and arbitrary value descriptors.
import { fixEvtxCrcs } from '../fuzz/lib/index.js';
import { writeEvtx, type EventSpec } from '../helpers/evtx-writer.js';

const CHUNK = 65536;
const HEADER_BLOCK = 4096;

/** Bytes of a BinXML fragment being built at a known chunk offset (names are written inline). */
export class FragmentBuilder {
  private parts: Buffer[] = [];
  private length = 0;
  constructor(private readonly base: number) {}

  get pos(): number {
    return this.base + this.length;
  }

  raw(...bytes: Array<number | Buffer>): this {
    for (const b of bytes) {
      const piece = typeof b === 'number' ? Buffer.from([b]) : b;
      this.parts.push(piece);
      this.length += piece.length;
    }
    return this;
  }

  u16(n: number): this {
    const b = Buffer.alloc(2);
    b.writeUInt16LE(n);
    return this.raw(b);
  }

  u32(n: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n >>> 0);
    return this.raw(b);
  }

  /** An inline name: the offset points right behind itself. */
  name(text: string): this {
    this.u32(this.pos + 4);
    this.u32(0).u16(0).u16(text.length).raw(Buffer.from(text, 'utf16le')).u16(0);
    return this;
  }

  /** Open tag of a template element (with its dependency id), closed with '>'. */
  open(name: string): this {
    return this.raw(0x01).u16(0xffff).u32(0).name(name).raw(0x02);
  }

  close(): this {
    return this.raw(0x04);
  }

  /** Optional substitution of value `index` with `type`. */
  sub(index: number, type: number): this {
    return this.raw(0x0e).u16(index).raw(type);
  }

  /** An instance of the template whose body this builder writes: the template nests into itself. */
  selfInstance(): this {
    return this.raw(0x0c, 0x01).u32(0).u32(this.base - 24).u32(0);
  }

  text(s: string): this {
    return this.raw(0x05, 0x01).u16(s.length).raw(Buffer.from(s, 'utf16le'));
  }

  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/**
 * One record whose body is a template instance with a resident definition written by `template`, followed by
 * the given values. Returns the record bytes for chunk offset `at`.
 */
export function templateRecord(at: number, recordId: number, template: (f: FragmentBuilder) => void, values: Array<{ type: number; bytes: Buffer }>): Buffer {
  const f = new FragmentBuilder(at + 24);
  f.raw(0x0f, 0x01, 0x01, 0x00);
  f.raw(0x0c, 0x01).u32(1);
  const defOff = f.pos + 4;
  f.u32(defOff);
  const body = new FragmentBuilder(defOff + 24);
  body.raw(0x0f, 0x01, 0x01, 0x00);
  template(body);
  body.raw(0x00);
  const bodyBytes = body.bytes();
  f.u32(0).raw(Buffer.alloc(16)).u32(bodyBytes.length).raw(bodyBytes);
  f.u32(values.length);
  for (const v of values) f.u16(v.bytes.length).raw(v.type, 0x00);
  for (const v of values) f.raw(v.bytes);
  const payload = f.bytes();
  const size = 24 + payload.length + 4;
  const rec = Buffer.alloc(size);
  rec.writeUInt32LE(0x2a2a, 0);
  rec.writeUInt32LE(size, 4);
  rec.writeBigUInt64LE(BigInt(recordId), 8);
  rec.writeBigUInt64LE(133000000000000000n, 16);
  payload.copy(rec, 24);
  rec.writeUInt32LE(size, size - 4);
  return rec;
}

/** A file image: the writer's file header and one chunk holding `records` (built for their offsets). */
export function fileWithRecords(build: (at: number) => Buffer[], firstRecordId = 1): Buffer {
  const template = writeEvtx([sample(1)]);
  const header = Buffer.from(template.subarray(0, HEADER_BLOCK));
  const chunk = Buffer.alloc(CHUNK);
  template.copy(chunk, 0, HEADER_BLOCK, HEADER_BLOCK + 512);
  chunk.fill(0, 128, 512); // no string or template tables: every name and template is inline
  let at = 512;
  let n = 0;
  let last = 512;
  for (const rec of build(at)) {
    rec.copy(chunk, at);
    last = at;
    at += rec.length;
    n++;
  }
  chunk.writeBigUInt64LE(BigInt(firstRecordId), 8);
  chunk.writeBigUInt64LE(BigInt(firstRecordId + n - 1), 16);
  chunk.writeBigUInt64LE(BigInt(firstRecordId), 24);
  chunk.writeBigUInt64LE(BigInt(firstRecordId + n - 1), 32);
  chunk.writeUInt32LE(last, 44);
  chunk.writeUInt32LE(at, 48);
  const file = Buffer.concat([header, chunk]);
  fixEvtxCrcs(file);
  return file;
}

export function sample(recordId: number): EventSpec {
  return {
    provider: 'Microsoft-Windows-Security-SPP', channel: 'Application', computer: 'PC1', recordId, eventId: 12288,
    timeCreated: '2024-03-01T10:00:00Z', eventData: [],
  };
}

/** UTF-16 string array value (type 0x81): NUL-terminated items. */
export function stringArray(items: string[]): { type: number; bytes: Buffer } {
  return { type: 0x81, bytes: Buffer.from(items.map((s) => s + '\0').join(''), 'utf16le') };
}

export function utf16(s: string): { type: number; bytes: Buffer } {
  return { type: 0x01, bytes: Buffer.from(s, 'utf16le') };
}
