// Format-blind damage: what a broken disk, a half-finished copy or a careless paste does to a file.
// Every mutator returns a new Buffer and never changes its input (seeds are reused for every input).
import type { Rng } from './rng.js';

export interface MutationContext {
  /** Other seeds of the same family, for crossover. */
  others: readonly Buffer[];
  /** Tokens that mean something to the format (tags, labels, delimiters). */
  dictionary: readonly string[];
}

export interface Mutator {
  name: string;
  apply: (input: Buffer, rng: Rng, ctx: MutationContext) => Buffer;
}

/** Bytes that end or start something in one format or another. */
const INTERESTING_BYTES = [0x00, 0xff, 0x7f, 0x80, 0x3c, 0x3e, 0x22, 0x2c, 0x0a, 0x0d, 0x26, 0x1b, 0x3b, 0x3a, 0x5b, 0x7b, 0x09, 0xfe, 0xef];
/** Values a corrupted length or offset field tends to take. */
const INTERESTING_U32 = [0, 1, 0x7f, 0x80, 0xff, 0x100, 0x1ff, 0x200, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
/** Terminal and bidi control sequences an attacker would put into a name. */
const CONTROL_TEXT = ['\u001b[2J', '\u001b]0;pwned\u0007', '\u001b[31m', '\u202e', '\u2066', '\u200f', '\u0000', '\r', '\u0085', '\u061c'];

function randomRegion(rng: Rng, length: number): [number, number] {
  const start = rng.int(length + 1);
  const size = rng.skewedSize(Math.max(1, length - start));
  return [start, Math.min(length, start + size)];
}

function insertAt(input: Buffer, at: number, piece: Buffer): Buffer {
  return Buffer.concat([input.subarray(0, at), piece, input.subarray(at)]);
}

export const flipBits: Mutator = {
  name: 'flip-bits',
  apply(input, rng) {
    if (input.length === 0) return input;
    const out = Buffer.from(input);
    for (let n = rng.range(1, 8); n > 0; n--) out[rng.int(out.length)] ^= 1 << rng.int(8);
    return out;
  },
};

export const setBytes: Mutator = {
  name: 'set-bytes',
  apply(input, rng) {
    if (input.length === 0) return input;
    const out = Buffer.from(input);
    for (let n = rng.range(1, 6); n > 0; n--) out[rng.int(out.length)] = rng.chance(0.7) ? rng.pick(INTERESTING_BYTES) : rng.int(256);
    return out;
  },
};

export const truncate: Mutator = {
  name: 'truncate',
  apply(input, rng) {
    const at = rng.int(input.length + 1);
    // Mostly the tail is lost (copy stopped); sometimes the head (log rotated, piece of a file).
    return rng.chance(0.8) ? input.subarray(0, at) : input.subarray(at);
  },
};

export const deleteRegion: Mutator = {
  name: 'delete-region',
  apply(input, rng) {
    const [a, b] = randomRegion(rng, input.length);
    return Buffer.concat([input.subarray(0, a), input.subarray(b)]);
  },
};

export const duplicateRegion: Mutator = {
  name: 'duplicate-region',
  apply(input, rng) {
    const [a, b] = randomRegion(rng, input.length);
    const piece = input.subarray(a, b);
    const times = rng.chance(0.9) ? 1 : rng.range(2, 64);
    const repeated = Buffer.concat(Array.from({ length: times }, () => piece));
    return insertAt(input, rng.int(input.length + 1), repeated);
  },
};

export const shuffleRegions: Mutator = {
  name: 'shuffle-regions',
  apply(input, rng) {
    const cuts = Array.from({ length: rng.range(1, 6) }, () => rng.int(input.length + 1)).sort((x, y) => x - y);
    const pieces: Buffer[] = [];
    let from = 0;
    for (const c of cuts) {
      pieces.push(input.subarray(from, c));
      from = c;
    }
    pieces.push(input.subarray(from));
    for (let i = pieces.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [pieces[i], pieces[j]] = [pieces[j], pieces[i]];
    }
    return Buffer.concat(pieces);
  },
};

export const insertJunk: Mutator = {
  name: 'insert-junk',
  apply(input, rng, ctx) {
    let piece: Buffer;
    const r = rng.int(4);
    if (r === 0) piece = Buffer.from(Array.from({ length: rng.skewedSize(256) }, () => rng.int(256)));
    else if (r === 1 && ctx.dictionary.length > 0) piece = Buffer.from(rng.pick(ctx.dictionary));
    else if (r === 2) piece = Buffer.from(rng.pick(CONTROL_TEXT));
    else piece = Buffer.from([rng.pick(INTERESTING_BYTES)]);
    return insertAt(input, rng.int(input.length + 1), piece);
  },
};

/** A long run of one byte: runaway lines, unclosed quotes and tags, zero-filled holes. */
export const insertRun: Mutator = {
  name: 'insert-run',
  apply(input, rng) {
    const byte = rng.pick([0x00, 0x41, 0x3c, 0x22, 0x0a, 0x26, 0x20, 0xff, 0x2c]);
    const run = Buffer.alloc(rng.skewedSize(96 * 1024), byte);
    return insertAt(input, rng.int(input.length + 1), run);
  },
};

/** Overwrites a 16- or 32-bit little-endian field with a value lengths and offsets must not take. */
export const oversizeField: Mutator = {
  name: 'oversize-field',
  apply(input, rng) {
    if (input.length < 4) return input;
    const out = Buffer.from(input);
    const wide = rng.chance(0.7);
    const at = rng.int(out.length - (wide ? 3 : 1)) & (rng.chance(0.6) ? ~3 : ~0);
    const value = rng.chance(0.8) ? rng.pick(INTERESTING_U32) : rng.int(0x100000000);
    if (wide) out.writeUInt32LE(value >>> 0, at);
    else out.writeUInt16LE(value & 0xffff, at);
    return out;
  },
};

export const crossover: Mutator = {
  name: 'crossover',
  apply(input, rng, ctx) {
    if (ctx.others.length === 0) return input;
    const other = rng.pick(ctx.others);
    const [a, b] = randomRegion(rng, other.length);
    const at = rng.int(input.length + 1);
    return rng.chance(0.5) ? insertAt(input, at, other.subarray(a, b)) : Buffer.concat([input.subarray(0, at), other.subarray(a)]);
  },
};

/** The same text in the wrong encoding, with the wrong BOM, or with invalid sequences in it. */
export const wrongEncoding: Mutator = {
  name: 'wrong-encoding',
  apply(input, rng) {
    switch (rng.int(7)) {
      case 0: {
        const text = input.toString('utf8');
        const body = Buffer.from(text, 'utf16le');
        return rng.chance(0.5) ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
      }
      case 1: {
        const body = Buffer.from(input.toString('utf8'), 'utf16le').swap16();
        return rng.chance(0.5) ? Buffer.concat([Buffer.from([0xfe, 0xff]), body]) : body;
      }
      case 2:
        // UTF-16 read as if it were 8-bit text, or 8-bit text given a UTF-16 BOM.
        return rng.chance(0.5) ? Buffer.from(input.toString('latin1'), 'utf8') : Buffer.concat([Buffer.from([0xff, 0xfe]), input]);
      case 3:
        // Odd length: the last UTF-16 code unit is cut in half.
        return Buffer.concat([input, Buffer.from([rng.int(256)])]);
      case 4: {
        const bad = rng.pick([[0xc3], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x82, 0xa0], [0xe3, 0x81], [0xfe, 0xff], [0xef, 0xbb, 0xbf]]);
        return insertAt(input, rng.int(input.length + 1), Buffer.from(bad));
      }
      case 5:
        return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), input]);
      default:
        // Lone surrogates in UTF-16 text.
        return insertAt(input, rng.int(input.length + 1) & ~1, Buffer.from([0x00, 0xd8, 0x41, 0x00]));
    }
  },
};

export const BYTE_MUTATORS: readonly Mutator[] = [
  flipBits, setBytes, truncate, deleteRegion, duplicateRegion, shuffleRegions, insertJunk, insertRun, oversizeField, crossover,
  wrongEncoding,
];
