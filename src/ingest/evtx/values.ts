// Rendering of BinXML substitution values as text, the way Windows shows them in XML
// (and, where it does not err, the way libevtx prints them). Choices that differ from libevtx:
//  - FILETIME / SYSTEMTIME: ISO-8601 UTC with 7 fractional digits (100 ns, Windows 10 style);
//    libevtx prints 9 digits whose last two are always 0.
//  - HexInt32/64 and SizeT: 0x + lower-case hex without padding, as Windows does; libevtx zero-pads
//    HexInt and prints SizeT in decimal.
//  - Signed integers: two's complement (libevtx 2018 prints sign-magnitude garbage for negatives).
//  - Strings are returned as plain text (no XML escaping: RawEvent holds values, not markup).

export const VT = {
  Null: 0x00,
  String: 0x01,
  AnsiString: 0x02,
  Int8: 0x03,
  UInt8: 0x04,
  Int16: 0x05,
  UInt16: 0x06,
  Int32: 0x07,
  UInt32: 0x08,
  Int64: 0x09,
  UInt64: 0x0a,
  Real32: 0x0b,
  Real64: 0x0c,
  Bool: 0x0d,
  Binary: 0x0e,
  Guid: 0x0f,
  SizeT: 0x10,
  FileTime: 0x11,
  SysTime: 0x12,
  Sid: 0x13,
  HexInt32: 0x14,
  HexInt64: 0x15,
  EvtHandle: 0x20,
  BinXml: 0x21,
  EvtXml: 0x23,
  ArrayFlag: 0x80,
} as const;

/** Element size of fixed-width types, used to split arrays. 0 = variable width. */
const FIXED_SIZE: Readonly<Record<number, number>> = {
  [VT.Int8]: 1, [VT.UInt8]: 1, [VT.Int16]: 2, [VT.UInt16]: 2, [VT.Int32]: 4, [VT.UInt32]: 4,
  [VT.Int64]: 8, [VT.UInt64]: 8, [VT.Real32]: 4, [VT.Real64]: 8, [VT.Bool]: 4, [VT.Guid]: 16,
  [VT.FileTime]: 8, [VT.SysTime]: 16, [VT.HexInt32]: 4, [VT.HexInt64]: 8,
};

export class ValueError extends Error {}

const ansiDecoder = new TextDecoder('windows-1252');
const FILETIME_UNIX_EPOCH_S = 11644473600;
const TICKS_PER_S = 10000000n;

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** Last second rendered, since consecutive records are usually close in time. */
let cachedSecond = NaN;
let cachedPrefix = '';

/** ISO-8601 UTC with 7 fractional digits from a FILETIME (100 ns ticks since 1601). */
export function fileTimeIso(b: Buffer, off: number): string {
  const lo = b.readUInt32LE(off);
  const hi = b.readUInt32LE(off + 4);
  let secs: number;
  let frac: number;
  if (hi < 0x10000000) {
    // Exact in doubles: ticks = hi·2^32 + lo = hi·429·10^7 + (hi·4967296 + lo), the last term < 2^53.
    const rest = hi * 4967296 + lo;
    secs = hi * 429 + Math.floor(rest / 10000000);
    frac = rest % 10000000;
  } else {
    const ticks = b.readBigUInt64LE(off);
    secs = Number(ticks / TICKS_PER_S);
    frac = Number(ticks % TICKS_PER_S);
  }
  if (secs !== cachedSecond) {
    const iso = new Date((secs - FILETIME_UNIX_EPOCH_S) * 1000).toISOString(); // ends in .000Z
    cachedPrefix = iso.slice(0, iso.length - 5) + '.';
    cachedSecond = secs;
  }
  return cachedPrefix + String(frac).padStart(7, '0') + 'Z';
}

function sysTimeIso(b: Buffer, off: number): string {
  const year = b.readUInt16LE(off);
  const y = String(year).padStart(4, '0');
  const mo = pad2(b.readUInt16LE(off + 2));
  const d = pad2(b.readUInt16LE(off + 6));
  const h = pad2(b.readUInt16LE(off + 8));
  const mi = pad2(b.readUInt16LE(off + 10));
  const s = pad2(b.readUInt16LE(off + 12));
  const ms = String(b.readUInt16LE(off + 14)).padStart(3, '0');
  return `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}0000Z`;
}

function guidText(b: Buffer, off: number): string {
  const h = (from: number, to: number): string => b.toString('hex', from, to);
  const d1 = b.readUInt32LE(off).toString(16).padStart(8, '0');
  const d2 = b.readUInt16LE(off + 4).toString(16).padStart(4, '0');
  const d3 = b.readUInt16LE(off + 6).toString(16).padStart(4, '0');
  return `{${d1}-${d2}-${d3}-${h(off + 8, off + 10)}-${h(off + 10, off + 16)}}`.toUpperCase();
}

/** Byte length of the SID at off, or -1 when it does not fit in `end`. */
function sidLength(b: Buffer, off: number, end: number): number {
  if (off + 8 > end) return -1;
  const len = 8 + 4 * b[off + 1];
  return off + len <= end ? len : -1;
}

function sidText(b: Buffer, off: number, end: number): string {
  const len = sidLength(b, off, end);
  if (len < 0) throw new ValueError(`SID at 0x${off.toString(16)} does not fit in its value`);
  const count = b[off + 1];
  // 48-bit big-endian identifier authority; Windows prints it in hex when it does not fit 32 bits.
  const authHi = b.readUInt16BE(off + 2);
  const authLo = b.readUInt32BE(off + 4);
  const auth = authHi === 0 ? String(authLo) : '0x' + b.toString('hex', off + 2, off + 8).toUpperCase();
  let s = `S-${b[off]}-${auth}`;
  for (let i = 0; i < count; i++) s += '-' + b.readUInt32LE(off + 8 + 4 * i);
  return s;
}

function hex64(b: Buffer, off: number): string {
  const hi = b.readUInt32LE(off + 4);
  const lo = b.readUInt32LE(off);
  return '0x' + (hi ? hi.toString(16) + lo.toString(16).padStart(8, '0') : lo.toString(16));
}

function utf16Text(b: Buffer, off: number, size: number): string {
  let end = off + (size & ~1);
  // Values are stored without a terminator, but a few writers add one; never show it.
  while (end > off && b[end - 1] === 0 && b[end - 2] === 0) end -= 2;
  return wellFormed(b.toString('utf16le', off, end));
}

const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Invalid UTF-16 (a surrogate without its partner) becomes U+FFFD; the characters around it stay. */
export function wellFormed(s: string): string {
  return SURROGATE.test(s) ? s.replace(LONE_SURROGATE, '\uFFFD') : s;
}

function ansiText(b: Buffer, off: number, size: number): string {
  let end = off;
  const max = off + size;
  while (end < max && b[end] !== 0) end++;
  return ansiDecoder.decode(b.subarray(off, end));
}

function real32Text(v: number): string {
  return String(Number(v.toPrecision(7)));
}

/** Renders one scalar value (not an array, not BinXML) of `type` stored at b[off, off+size). */
export function renderScalar(b: Buffer, type: number, off: number, size: number): string {
  const need = FIXED_SIZE[type];
  if (need !== undefined && size < need && type !== VT.Bool) {
    throw new ValueError(`value of type 0x${type.toString(16)} needs ${need} bytes, has ${size}`);
  }
  switch (type) {
    case VT.Null: return '';
    case VT.String: return utf16Text(b, off, size);
    case VT.AnsiString: return ansiText(b, off, size);
    case VT.Int8: return String(b.readInt8(off));
    case VT.UInt8: return String(b[off]);
    case VT.Int16: return String(b.readInt16LE(off));
    case VT.UInt16: return String(b.readUInt16LE(off));
    case VT.Int32: return String(b.readInt32LE(off));
    case VT.UInt32: return String(b.readUInt32LE(off));
    case VT.Int64: return b.readBigInt64LE(off).toString();
    case VT.UInt64: {
      const hi = b.readUInt32LE(off + 4);
      return hi < 0x200000 ? String(hi * 4294967296 + b.readUInt32LE(off)) : b.readBigUInt64LE(off).toString();
    }
    case VT.Real32: return real32Text(b.readFloatLE(off));
    case VT.Real64: return String(b.readDoubleLE(off));
    case VT.Bool: {
      if (size === 0) return '';
      let v = 0;
      for (let i = 0; i < Math.min(size, 4); i++) v |= b[off + i];
      return v ? 'true' : 'false';
    }
    case VT.Binary: return b.toString('hex', off, off + size).toUpperCase();
    case VT.Guid: return guidText(b, off);
    case VT.SizeT: {
      if (size === 4) return '0x' + b.readUInt32LE(off).toString(16);
      if (size === 8) return hex64(b, off);
      throw new ValueError(`SizeT value of ${size} bytes`);
    }
    case VT.FileTime: return fileTimeIso(b, off);
    case VT.SysTime: return sysTimeIso(b, off);
    case VT.Sid: return sidText(b, off, off + size);
    case VT.HexInt32: return '0x' + b.readUInt32LE(off).toString(16);
    case VT.HexInt64: return hex64(b, off);
    case VT.EvtHandle:
    case VT.EvtXml:
      return b.toString('hex', off, off + size).toUpperCase();
    default:
      throw new ValueError(`unknown value type 0x${type.toString(16)}`);
  }
}

/** Splits an array value (type has the 0x80 bit) into the rendered text of each item. */
export function renderArray(b: Buffer, type: number, off: number, size: number): string[] {
  const base = type & 0x7f;
  const end = off + size;
  if (base === VT.String) {
    const items = wellFormed(b.toString('utf16le', off, off + (size & ~1))).split('\0');
    // The list ends with a terminator, which leaves one empty tail item that is not a value.
    if (items.length > 0 && items[items.length - 1] === '') items.pop();
    return items;
  }
  if (base === VT.AnsiString) {
    const items = ansiDecoder.decode(b.subarray(off, end)).split('\0');
    if (items.length > 0 && items[items.length - 1] === '') items.pop();
    return items;
  }
  if (base === VT.Sid) {
    const out: string[] = [];
    for (let p = off; p < end; ) {
      const len = sidLength(b, p, end);
      if (len < 0) throw new ValueError('SID array item does not fit in its value');
      out.push(sidText(b, p, end));
      p += len;
    }
    return out;
  }
  let width = FIXED_SIZE[base];
  if (base === VT.SizeT) width = size % 8 === 0 ? 8 : 4;
  if (width === undefined) return [renderScalar(b, base, off, size)];
  if (size % width !== 0) throw new ValueError(`array of type 0x${type.toString(16)}: ${size} bytes is not a multiple of ${width}`);
  const out: string[] = [];
  for (let p = off; p < end; p += width) out.push(renderScalar(b, base, p, width));
  return out;
}
