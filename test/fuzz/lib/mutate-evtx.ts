// Structural damage to EVTX files: the fields a format-blind mutator almost never hits on purpose. Offsets
// that point backwards or at themselves, templates that contain an instance of themselves, string-table
// chains that loop, record sizes past the chunk, chunks that claim 2^32 records, value descriptors that
// claim more bytes than exist. Checksums are usually fixed afterwards so the damage reaches the decoder.
import { crc32 } from '../../../src/ingest/evtx/crc32.js';
import type { Mutator } from './mutate-bytes.js';
import type { Rng } from './rng.js';

const HEADER_BLOCK = 4096;
const CHUNK = 65536;
const CHUNK_HEADER = 512;

/** Chunk start offsets in a file image (the last one may be cut short). */
export function chunkStarts(file: Buffer): number[] {
  const out: number[] = [];
  for (let o = HEADER_BLOCK; o + CHUNK_HEADER <= file.length; o += CHUNK) {
    if (file.toString('latin1', o, o + 8) === 'ElfChnk\0') out.push(o);
  }
  return out;
}

/** File offsets of the records of the chunk at `c`, as far as their framing holds. */
export function recordStarts(file: Buffer, c: number): number[] {
  const out: number[] = [];
  const end = Math.min(file.length, c + CHUNK);
  for (let p = c + CHUNK_HEADER; p + 28 <= end && out.length < 4096; ) {
    if (file.readUInt32LE(p) !== 0x2a2a) break;
    const size = file.readUInt32LE(p + 4);
    if (size < 28 || p + size > end) break;
    out.push(p);
    p += size;
  }
  return out;
}

interface Template {
  /** Chunk-relative offset of the definition. */
  defOff: number;
  bodyStart: number;
  bodyEnd: number;
}

/** Resident template definitions: first use in a chunk stores the definition right after the instance token. */
function templates(file: Buffer, c: number): Template[] {
  const out: Template[] = [];
  for (const r of recordStarts(file, c)) {
    const body = r + 24;
    if (file[body] !== 0x0f || file[body + 4] !== 0x0c || body + 14 > file.length) continue;
    const field = body + 4 + 6;
    const defOff = file.readUInt32LE(field);
    if (c + defOff !== field + 4 || c + defOff + 24 > file.length) continue;
    const size = file.readUInt32LE(c + defOff + 20);
    const bodyStart = c + defOff + 24;
    out.push({ defOff, bodyStart, bodyEnd: Math.min(file.length, bodyStart + size) });
  }
  return out;
}

/** Positions whose 32-bit value looks like a chunk-relative offset to something earlier (names, templates). */
function offsetFields(file: Buffer, c: number): number[] {
  const out: number[] = [];
  const end = Math.min(file.length - 4, c + CHUNK - 4);
  for (let p = c + CHUNK_HEADER; p < end; p++) {
    const v = file.readUInt32LE(p);
    if (v >= CHUNK_HEADER && c + v <= p + 4) out.push(p);
  }
  return out;
}

function pickChunk(file: Buffer, rng: Rng): number | undefined {
  const starts = chunkStarts(file);
  return starts.length > 0 ? rng.pick(starts) : undefined;
}

/** Recomputes the header and chunk checksums (of whole chunks) so damage is not stopped at a CRC check. */
export function fixEvtxCrcs(file: Buffer): void {
  if (file.length >= 128 && file.toString('latin1', 0, 8) === 'ElfFile\0') file.writeUInt32LE(crc32(file.subarray(0, 120)), 124);
  for (const c of chunkStarts(file)) {
    if (c + CHUNK > file.length) continue;
    const chunk = file.subarray(c, c + CHUNK);
    const free = chunk.readUInt32LE(48);
    if (free >= CHUNK_HEADER && free <= CHUNK) chunk.writeUInt32LE(crc32(chunk.subarray(CHUNK_HEADER, free)), 52);
    chunk.writeUInt32LE(crc32(chunk.subarray(128, CHUNK_HEADER), crc32(chunk.subarray(0, 120))), 124);
  }
}

function structural(name: string, edit: (file: Buffer, rng: Rng) => boolean): Mutator {
  return {
    name,
    apply(input, rng) {
      const out = Buffer.from(input);
      if (!edit(out, rng)) return out;
      if (rng.chance(0.8)) fixEvtxCrcs(out);
      return out;
    },
  };
}

export const offsetAtItself = structural('offset-at-itself', (file, rng) => {
  const c = pickChunk(file, rng);
  if (c === undefined) return false;
  const fields = offsetFields(file, c);
  if (fields.length === 0) return false;
  for (let n = rng.range(1, 3); n > 0; n--) {
    const p = rng.pick(fields);
    const rel = p - c;
    const choices = [rel, rel + 4, rel - rng.range(1, 64), rng.range(0, CHUNK_HEADER - 1), file.readUInt32LE(rng.pick(fields)), CHUNK - rng.range(1, 16), 0xffffffff];
    file.writeUInt32LE(Math.max(0, rng.pick(choices)) >>> 0, p);
  }
  return true;
});

/** Writes an instance of template `target` into the body of template `host`: nested into itself, or a ring. */
function nestInstance(file: Buffer, host: Template, targetDefOff: number, rng: Rng): boolean {
  const room = host.bodyEnd - host.bodyStart - 14;
  if (room <= 0) return false;
  const at = host.bodyStart + rng.int(room);
  file[at] = 0x0c;
  file[at + 1] = 0x01;
  file.writeUInt32LE(rng.int(0x100000000), at + 2);
  file.writeUInt32LE(targetDefOff, at + 6);
  file.writeUInt32LE(0, at + 10);
  return true;
}

export const templateNestsItself = structural('template-nests-itself', (file, rng) => {
  const c = pickChunk(file, rng);
  if (c === undefined) return false;
  const ts = templates(file, c);
  if (ts.length === 0) return false;
  const host = rng.pick(ts);
  if (ts.length === 1 || rng.chance(0.5)) return nestInstance(file, host, host.defOff, rng);
  const other = rng.pick(ts.filter((t) => t !== host));
  return nestInstance(file, host, other.defOff, rng) && nestInstance(file, other, host.defOff, rng);
});

export const stringTableLoop = structural('string-table-loop', (file, rng) => {
  const c = pickChunk(file, rng);
  if (c === undefined || c + CHUNK_HEADER > file.length) return false;
  const fields = offsetFields(file, c);
  const names = fields.map((p) => file.readUInt32LE(p)).filter((v) => c + v + 8 <= file.length);
  if (names.length === 0) return false;
  const a = rng.pick(names);
  const b = rng.pick(names);
  // Bucket → a → b → a …, or a name whose next pointer is itself; sometimes an absurd character count too.
  file.writeUInt32LE(a, c + 128 + 4 * rng.int(64));
  file.writeUInt32LE(b, c + a);
  file.writeUInt32LE(rng.chance(0.5) ? a : b, c + b);
  if (rng.chance(0.3)) file.writeUInt16LE(rng.pick([0xffff, 0x8000, 0x7fff]), c + a + 6);
  return true;
});

export const recordSizePastChunk = structural('record-size-past-chunk', (file, rng) => {
  const c = pickChunk(file, rng);
  if (c === undefined) return false;
  const rs = recordStarts(file, c);
  if (rs.length === 0) return false;
  const r = rng.pick(rs);
  const rel = r - c;
  const size = rng.pick([0xffffffff, CHUNK, CHUNK - rel + 4, file.readUInt32LE(r + 4) + rng.range(1, 4096), 0, 27, 0x80000000]) >>> 0;
  file.writeUInt32LE(size, r + 4);
  // Keep the trailing copy consistent when it still lands inside the file, so only the size is wrong.
  if (rng.chance(0.5) && r + size - 4 >= 0 && r + size <= file.length && size >= 4) file.writeUInt32LE(size, r + size - 4);
  return true;
});

export const chunkClaims = structural('chunk-claims', (file, rng) => {
  const c = pickChunk(file, rng);
  if (c === undefined || c + 128 > file.length) return false;
  const first = file.readBigUInt64LE(c + 8);
  switch (rng.int(4)) {
    case 0:
      file.writeBigUInt64LE(first + 0x100000000n, c + 16); // 2^32 records, by number
      file.writeBigUInt64LE(file.readBigUInt64LE(c + 24) + 0x100000000n, c + 32);
      break;
    case 1:
      file.writeUInt32LE(rng.pick([0, 0x1ff, CHUNK, CHUNK + 1, 0xffffffff, rng.int(CHUNK)]) >>> 0, c + 48); // free space
      break;
    case 2:
      file.writeUInt32LE(rng.pick([0, 0xffffffff, rng.int(CHUNK)]) >>> 0, c + 44); // last record offset
      break;
    default:
      file.writeUInt32LE(rng.pick([0, 0xffffffff, 4, 0x10000]) >>> 0, c + 40); // header size
  }
  return true;
});

export const fileHeaderClaims = structural('file-header-claims', (file, rng) => {
  if (file.length < 128) return false;
  switch (rng.int(4)) {
    case 0:
      file.writeUInt16LE(rng.pick([0, 0xffff, 0x8000]), 42); // chunk count
      break;
    case 1:
      file.writeBigUInt64LE(rng.pick([0xffffffffffffffffn, 0x100000000n]), rng.pick([8, 16, 24]));
      break;
    case 2:
      file.writeUInt32LE(rng.pick([0, 0x4, 0x1, 0xffffffff]) >>> 0, 120); // flags
      break;
    default:
      file.writeUInt16LE(rng.pick([0, 1, 0xffff, 65536 - 1]), 40); // header block size
  }
  return true;
});

/** Substitution value descriptors (size u16, type u8, pad): sizes past the record, types that do not fit. */
export const valueDescriptors = structural('value-descriptors', (file, rng) => {
  const c = pickChunk(file, rng);
  if (c === undefined) return false;
  const rs = recordStarts(file, c);
  if (rs.length === 0) return false;
  const r = rng.pick(rs);
  const recEnd = r + file.readUInt32LE(r + 4);
  // The value count follows the instance header (and the resident definition when there is one).
  const inst = r + 24 + 4;
  if (file[inst] !== 0x0c || inst + 14 > recEnd) return false;
  let countAt = inst + 10;
  const defOff = file.readUInt32LE(inst + 6);
  if (c + defOff === inst + 10) countAt += 24 + file.readUInt32LE(c + defOff + 20);
  if (countAt + 4 > recEnd) return false;
  const count = file.readUInt32LE(countAt);
  if (rng.chance(0.2) || count === 0) {
    file.writeUInt32LE(rng.pick([0xffffffff, 0x10000, count + 1, 0x3fffffff]) >>> 0, countAt);
    return true;
  }
  const d = countAt + 4 + 4 * rng.int(Math.min(count, 64));
  if (d + 4 > recEnd) return false;
  if (rng.chance(0.5)) file.writeUInt16LE(rng.pick([0xffff, 0x8000, 1, 3, 0]), d);
  else file[d + 2] = rng.pick([0x00, 0x01, 0x0e, 0x13, 0x21, 0x22, 0x23, 0x81, 0x84, 0x8f, 0x93, 0xa1, 0xff]);
  return true;
});

export const copyRecord = structural('copy-record', (file, rng) => {
  const c = pickChunk(file, rng);
  if (c === undefined) return false;
  const rs = recordStarts(file, c);
  if (rs.length < 2) return false;
  const from = rng.pick(rs);
  const to = rng.pick(rs);
  file.copy(file, to, from, Math.min(file.length, from + file.readUInt32LE(from + 4)));
  return true;
});

export const EVTX_MUTATORS: readonly Mutator[] = [
  offsetAtItself, templateNestsItself, stringTableLoop, recordSizePastChunk, chunkClaims, fileHeaderClaims, valueDescriptors, copyRecord,
];
