// Decodes one 64 KiB chunk into reader items. A chunk is self-contained (its names and templates
// are addressed chunk-relative), so this runs unchanged in the main thread or in a worker.
//
// Damage policy, chosen to agree with libevtx where libevtx is right:
//  - all-zero chunk: pre-allocated space, skipped silently;
//  - bad chunk signature: the chunk is rejected and skipped;
//  - chunk header CRC mismatch: reported; records are still read (the CRC covers the string and
//    template hash tables, which this reader does not use);
//  - event records CRC mismatch: reported; records are then checked one by one;
//  - a record whose framing is broken (signature, size, trailing size copy): rejected, and the rest
//    of the chunk is skipped, because without a trustworthy size there is no next record to find
//    (what follows is typically the stale remainder of an earlier use of the chunk);
//  - a record whose framing is sound but whose BinXML does not decode: rejected, reading goes on.
import type { ReaderItem } from '../../types.js';
import { BinXmlChunk, BinXmlError, type Node, type TemplateDef } from './binxml.js';
import { EventShapeError } from './event.js';
import { EventExtractor } from './extract.js';
import {
  CHUNK_HEADER_SIZE, CHUNK_SIGNATURE, CHUNK_SIZE, FLAG_NO_CRC32, MIN_RECORD_SIZE, RECORD_HEADER_SIZE,
  RECORD_SIGNATURE, chunkHeaderCrc, hex, hex8, isAllZero, parseChunkHeader, startsWith,
} from './layout.js';
import { crc32 } from './crc32.js';
import { Resolver } from './resolve.js';
import { fileTimeIso, renderScalar, ValueError } from './values.js';

export interface ChunkJob {
  /** Exactly CHUNK_SIZE bytes, or fewer for a truncated last chunk. */
  bytes: Buffer;
  index: number;
  fileOffset: number;
  file: string;
  /** False when the file header says checksums were never written. */
  verifyCrc: boolean;
  eventIds?: ReadonlyArray<number>;
}

export function chunkWhere(job: Pick<ChunkJob, 'index' | 'fileOffset'>): string {
  return `chunk ${job.index} at offset ${hex(job.fileOffset)}`;
}

export function decodeChunk(job: ChunkJob): ReaderItem[] {
  const items: ReaderItem[] = [];
  const { bytes, fileOffset } = job;
  const where = chunkWhere(job);
  const reject = (w: string, reason: string, offset: number): void => {
    items.push({ kind: 'rejected', rejection: { where: w, reason, offset } });
  };
  // Damage that costs no record by itself: the records are still read (and rejected one by one if bad).
  const warn = (w: string, reason: string, offset: number): void => {
    items.push({ kind: 'warning', warning: { where: w, reason, offset } });
  };

  if (bytes.length < CHUNK_HEADER_SIZE || !startsWith(bytes, CHUNK_SIGNATURE)) {
    if (isAllZero(bytes)) return items;
    const found = bytes.subarray(0, 8).toString('hex');
    reject(where, `bad chunk signature: expected ${CHUNK_SIGNATURE.toString('hex')} ("ElfChnk"), found ${found}; chunk skipped`, fileOffset);
    return items;
  }

  // A truncated last chunk is read as far as it goes: pad it so offsets stay valid, and stop at the cut.
  const available = bytes.length;
  const buf = available === CHUNK_SIZE ? bytes : Buffer.concat([bytes, Buffer.alloc(CHUNK_SIZE - available)]);
  const h = parseChunkHeader(buf);
  const verify = job.verifyCrc && (h.flags & FLAG_NO_CRC32) === 0;

  if (verify && available === CHUNK_SIZE) {
    const computed = chunkHeaderCrc(buf);
    if (computed !== h.storedHeaderCrc) {
      warn(where, `chunk header checksum mismatch: header says ${hex8(h.storedHeaderCrc)}, computed ${hex8(computed)}; records read anyway`, fileOffset);
    }
  }

  let end = h.freeSpaceOffset;
  if (end < CHUNK_HEADER_SIZE || end > CHUNK_SIZE) {
    warn(where, `free space offset ${hex(end)} outside [0x200, 0x10000]; records read up to the first invalid one`, fileOffset);
    end = CHUNK_SIZE;
  } else if (verify && end <= available) {
    const computed = crc32(buf.subarray(CHUNK_HEADER_SIZE, end));
    if (computed !== h.storedDataCrc) {
      warn(where, `event records checksum mismatch: header says ${hex8(h.storedDataCrc)}, computed ${hex8(computed)}; records checked one by one`, fileOffset);
    }
  }
  end = Math.min(end, available);

  const bx = new BinXmlChunk(buf);
  const extractor = new EventExtractor(new Resolver(bx));
  const wanted = job.eventIds ? new Set(job.eventIds) : undefined;
  let ignored = 0;
  // Ids and newest written time of the skipped records: a log's holes and its end need every record.
  const ignoredIds: number[] = [];
  let ignoredNewest = '';
  const skip = (rid: bigint, pos: number): void => {
    ignored++;
    ignoredIds.push(Number(rid));
    try {
      const written = fileTimeIso(buf, pos + 16);
      if (written > ignoredNewest) ignoredNewest = written;
    } catch {
      // A written time beyond what a Date holds says nothing about the log's end; the record still counts.
    }
  };

  let pos = CHUNK_HEADER_SIZE;
  let cut = false;
  for (; pos + RECORD_HEADER_SIZE <= end; ) {
    const recOffset = fileOffset + pos;
    const recWhere = `record at offset ${hex(recOffset)} (${where})`;
    const sig = buf.readUInt32LE(pos);
    if (sig !== RECORD_SIGNATURE) {
      // Windows leaves zeros behind the last record; only non-zero bytes mean damage.
      if (!isAllZero(buf, pos, end)) {
        reject(recWhere, `bad record signature: expected 2a2a0000, found ${buf.toString('hex', pos, pos + 4)}; rest of chunk skipped (${end - pos} bytes)`, recOffset);
      }
      break;
    }
    const size = buf.readUInt32LE(pos + 4);
    const rid = buf.readBigUInt64LE(pos + 8);
    const ridWhere = `record ${rid} at offset ${hex(recOffset)} (${where})`;
    if (size < MIN_RECORD_SIZE || pos + size > CHUNK_SIZE) {
      reject(ridWhere, `record size ${size} does not fit the chunk (${CHUNK_SIZE - pos} bytes left, minimum ${MIN_RECORD_SIZE}); rest of chunk skipped`, recOffset);
      break;
    }
    if (pos + size > available) {
      // The file ends inside this record: the record is lost, and says so (nothing is dropped silently).
      reject(ridWhere, `the file ends inside this record (${available - pos} of ${size} bytes): truncated file`, recOffset);
      cut = true;
      break;
    }
    const copy = buf.readUInt32LE(pos + size - 4);
    if (copy !== size) {
      reject(ridWhere, `record size copy mismatch: header says ${size}, trailer says ${copy}; rest of chunk skipped`, recOffset);
      break;
    }
    try {
      const nodes = bx.parseFragment(pos + RECORD_HEADER_SIZE, pos + size - 4);
      if (wanted && !wantedByPrefilter(nodes, buf, wanted)) {
        skip(rid, pos);
      } else {
        const event = extractor.extract(nodes, { file: job.file, format: 'evtx', record: Number(rid), offset: recOffset });
        if (wanted && !wanted.has(event.eventId)) skip(rid, pos);
        else items.push({ kind: 'event', event });
      }
    } catch (e) {
      if (!(e instanceof BinXmlError || e instanceof ValueError || e instanceof EventShapeError || e instanceof RangeError)) throw e;
      reject(ridWhere, `undecodable record: ${e.message}`, recOffset);
    }
    pos += size;
  }
  // The file ends inside a record header, or before records the chunk header says it holds.
  if (!cut && available < CHUNK_SIZE && pos < Math.min(h.freeSpaceOffset, CHUNK_SIZE) && !isAllZero(buf, pos, available)) {
    reject(where, `the file ends at offset ${hex(fileOffset + available)}, inside this chunk's records (truncated file): the records after offset ${hex(fileOffset + pos)} are lost`, fileOffset + pos);
  }
  if (ignored > 0) items.push({ kind: 'ignored', count: ignored, seen: { recordIds: ignoredIds, ...(ignoredNewest ? { newest: ignoredNewest } : {}) } });
  return items;
}

/** False only when the record is a template instance whose EventID can be read cheaply and is not wanted. */
function wantedByPrefilter(nodes: Node[], buf: Buffer, wanted: ReadonlySet<number>): boolean {
  // The usual record is one template instance; anything else is read in full.
  const inst = nodes.length === 1 && nodes[0].kind === 'inst' ? nodes[0] : undefined;
  if (!inst) return true;
  const loc = eventIdLocation(inst.template);
  if (!loc) return true;
  let id: number;
  if ('literal' in loc) id = loc.literal;
  else {
    // Windows templates make <Event>, <System> and <EventID> depend on values: a NullType there drops the element,
    // which the full read reports, so such a record is never skipped here.
    for (const d of loc.deps) {
      const v = inst.values[d];
      if (!v || v.type === 0) return true;
    }
    const v = inst.values[loc.index];
    if (!v || v.type === 0 || v.type & 0x80 || v.type > 0x0a) return true;
    id = Number(renderScalar(buf, v.type, v.off, v.size));
    // An id the full read would reject (negative, past 65535) is left to it.
    if (!Number.isInteger(id) || id < 0 || id > 0xffff) return true;
  }
  return wanted.has(id);
}

function eventIdLocation(t: TemplateDef): TemplateDef['eventId'] {
  if (t.eventId !== undefined) return t.eventId;
  t.eventId = null;
  const ev = t.nodes.find((n) => n.kind === 'el' && n.name === 'Event');
  const sys = ev?.kind === 'el' ? ev.children.find((n) => n.kind === 'el' && n.name === 'System') : undefined;
  const eid = sys?.kind === 'el' ? sys.children.find((n) => n.kind === 'el' && n.name === 'EventID') : undefined;
  if (ev?.kind !== 'el' || sys?.kind !== 'el' || eid?.kind !== 'el' || eid.children.length !== 1) return null;
  const deps = [ev.dep, sys.dep, eid.dep].filter((d) => d >= 0);
  const only = eid.children[0];
  if (only.kind === 'sub') t.eventId = { index: only.index, deps };
  else if (deps.length === 0 && only.kind === 'text' && /^\d+$/.test(only.text)) t.eventId = { literal: Number(only.text) };
  return t.eventId;
}
