// Fixed facts of the EVTX container: sizes, signatures, flags and the two headers.
// Offsets inside a chunk are chunk-relative everywhere in the format.
import { crc32 } from './crc32.js';

export const FILE_HEADER_BLOCK = 4096;
export const CHUNK_SIZE = 65536;
export const CHUNK_HEADER_SIZE = 512;
export const RECORD_HEADER_SIZE = 24;
/** Smallest possible record: header, at least a fragment header, and the trailing size copy. */
export const MIN_RECORD_SIZE = 28;

export const FILE_SIGNATURE = Buffer.from('ElfFile\0', 'latin1');
export const CHUNK_SIGNATURE = Buffer.from('ElfChnk\0', 'latin1');
export const RECORD_SIGNATURE = 0x00002a2a;

/** File and chunk flag: the writer did not compute checksums, stored CRCs are 0 and mean nothing. */
export const FLAG_NO_CRC32 = 0x4;
export const FLAG_DIRTY = 0x1;

export interface FileHeader {
  firstChunk: bigint;
  lastChunk: bigint;
  nextRecordId: bigint;
  headerSize: number;
  minorVersion: number;
  majorVersion: number;
  blockSize: number;
  chunkCount: number;
  flags: number;
  storedCrc: number;
  computedCrc: number;
}

export function parseFileHeader(b: Buffer): FileHeader {
  return {
    firstChunk: b.readBigUInt64LE(8),
    lastChunk: b.readBigUInt64LE(16),
    nextRecordId: b.readBigUInt64LE(24),
    headerSize: b.readUInt32LE(32),
    minorVersion: b.readUInt16LE(36),
    majorVersion: b.readUInt16LE(38),
    blockSize: b.readUInt16LE(40),
    chunkCount: b.readUInt16LE(42),
    flags: b.readUInt32LE(120),
    storedCrc: b.readUInt32LE(124),
    computedCrc: crc32(b.subarray(0, 120)),
  };
}

export interface ChunkHeader {
  firstRecordId: bigint;
  lastRecordId: bigint;
  headerSize: number;
  lastRecordOffset: number;
  freeSpaceOffset: number;
  storedDataCrc: number;
  flags: number;
  storedHeaderCrc: number;
}

export function parseChunkHeader(c: Buffer): ChunkHeader {
  return {
    firstRecordId: c.readBigUInt64LE(24),
    lastRecordId: c.readBigUInt64LE(32),
    headerSize: c.readUInt32LE(40),
    lastRecordOffset: c.readUInt32LE(44),
    freeSpaceOffset: c.readUInt32LE(48),
    storedDataCrc: c.readUInt32LE(52),
    flags: c.readUInt32LE(120),
    storedHeaderCrc: c.readUInt32LE(124),
  };
}

/** The chunk header CRC covers bytes 0..120 and 128..512 (the string and template tables included). */
export function chunkHeaderCrc(c: Buffer): number {
  return crc32(c.subarray(128, CHUNK_HEADER_SIZE), crc32(c.subarray(0, 120)));
}

export function startsWith(b: Buffer, sig: Buffer): boolean {
  return b.length >= sig.length && b.compare(sig, 0, sig.length, 0, sig.length) === 0;
}

export function isAllZero(b: Buffer, from = 0, to = b.length): boolean {
  for (let i = from; i < to; i++) if (b[i] !== 0) return false;
  return true;
}

export const hex = (n: number): string => '0x' + n.toString(16);
export const hex8 = (n: number): string => '0x' + (n >>> 0).toString(16).padStart(8, '0');
