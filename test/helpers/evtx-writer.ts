// A small EVTX writer for tests: builds files with exactly the events a scenario needs, in the
// Windows "template" form (what libevtx reads) or the template-less "plain" form (forwarded-event
// logs), with correct CRC32s. It shares no code with the reader, so a round trip checks both.
import { crc32 } from 'node:zlib';

const CHUNK = 65536;
const HEADER_BLOCK = 4096;

/** A typed substitution value: the BinXML value type and its stored bytes. */
export interface WValue {
  type: number;
  bytes: Buffer;
  /** Only for the plain form, which stores text: how the value reads. */
  text: string;
  /** Nested BinXML value (type 0x21): written in place, because it holds chunk offsets. */
  nested?: PayloadSpec;
}

const u = (n: number, size: 1 | 2 | 4): Buffer => {
  const b = Buffer.alloc(size);
  if (size === 1) b.writeUInt8(n);
  else if (size === 2) b.writeUInt16LE(n);
  else b.writeUInt32LE(n);
  return b;
};

function guidBytes(g: string): Buffer {
  const h = g.replace(/[{}-]/g, '');
  const b = Buffer.from(h, 'hex');
  b.writeUInt32LE(parseInt(h.slice(0, 8), 16), 0);
  b.writeUInt16LE(parseInt(h.slice(8, 12), 16), 4);
  b.writeUInt16LE(parseInt(h.slice(12, 16), 16), 6);
  return b;
}

function sidBytes(sid: string): Buffer {
  const [, rev, auth, ...subs] = sid.split('-');
  const b = Buffer.alloc(8 + 4 * subs.length);
  b[0] = Number(rev);
  b[1] = subs.length;
  b.writeUIntBE(Number(auth), 2, 6);
  subs.forEach((s, i) => b.writeUInt32LE(Number(s), 8 + 4 * i));
  return b;
}

/** FILETIME ticks (100 ns since 1601) of an ISO-8601 UTC time with up to 7 fractional digits. */
export function fileTime(iso: string): bigint {
  const m = /^(.*?)(?:\.(\d+))?Z$/.exec(iso);
  if (!m) throw new Error(`bad time ${iso}`);
  const ms = BigInt(Date.parse(m[1] + 'Z'));
  const frac = BigInt((m[2] ?? '').padEnd(7, '0').slice(0, 7));
  return (ms / 1000n + 11644473600n) * 10000000n + frac;
}

export const v = {
  null: (size = 0): WValue => ({ type: 0x00, bytes: Buffer.alloc(size), text: '' }),
  string: (s: string): WValue => ({ type: 0x01, bytes: Buffer.from(s, 'utf16le'), text: s }),
  ansi: (s: string): WValue => ({ type: 0x02, bytes: Buffer.from(s, 'latin1'), text: s }),
  int8: (n: number): WValue => { const b = Buffer.alloc(1); b.writeInt8(n); return { type: 0x03, bytes: b, text: String(n) }; },
  uint8: (n: number): WValue => ({ type: 0x04, bytes: u(n, 1), text: String(n) }),
  int16: (n: number): WValue => { const b = Buffer.alloc(2); b.writeInt16LE(n); return { type: 0x05, bytes: b, text: String(n) }; },
  uint16: (n: number): WValue => ({ type: 0x06, bytes: u(n, 2), text: String(n) }),
  int32: (n: number): WValue => { const b = Buffer.alloc(4); b.writeInt32LE(n); return { type: 0x07, bytes: b, text: String(n) }; },
  uint32: (n: number): WValue => ({ type: 0x08, bytes: u(n, 4), text: String(n) }),
  int64: (n: bigint): WValue => { const b = Buffer.alloc(8); b.writeBigInt64LE(n); return { type: 0x09, bytes: b, text: String(n) }; },
  uint64: (n: bigint | number): WValue => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); return { type: 0x0a, bytes: b, text: String(n) }; },
  real64: (n: number): WValue => { const b = Buffer.alloc(8); b.writeDoubleLE(n); return { type: 0x0c, bytes: b, text: String(n) }; },
  bool: (x: boolean): WValue => ({ type: 0x0d, bytes: u(x ? 1 : 0, 4), text: String(x) }),
  binary: (b: Buffer): WValue => ({ type: 0x0e, bytes: b, text: b.toString('hex').toUpperCase() }),
  guid: (g: string): WValue => ({ type: 0x0f, bytes: guidBytes(g), text: g.toUpperCase() }),
  sizeT: (n: bigint): WValue => { const b = Buffer.alloc(8); b.writeBigUInt64LE(n); return { type: 0x10, bytes: b, text: '0x' + n.toString(16) }; },
  fileTime: (iso: string): WValue => { const b = Buffer.alloc(8); b.writeBigUInt64LE(fileTime(iso)); return { type: 0x11, bytes: b, text: iso }; },
  sysTime: (iso: string): WValue => {
    const d = new Date(iso);
    const b = Buffer.alloc(16);
    [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDay(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()]
      .forEach((x, i) => b.writeUInt16LE(x, 2 * i));
    return { type: 0x12, bytes: b, text: iso };
  },
  sid: (s: string): WValue => ({ type: 0x13, bytes: sidBytes(s), text: s }),
  hex32: (n: number): WValue => ({ type: 0x14, bytes: u(n, 4), text: '0x' + n.toString(16) }),
  hex64: (n: bigint): WValue => { const b = Buffer.alloc(8); b.writeBigUInt64LE(n); return { type: 0x15, bytes: b, text: '0x' + n.toString(16) }; },
  stringArray: (items: string[]): WValue => ({ type: 0x81, bytes: Buffer.from(items.map((s) => s + '\0').join(''), 'utf16le'), text: items.join(',') }),
  uint32Array: (items: number[]): WValue => ({ type: 0x88, bytes: Buffer.concat(items.map((n) => u(n, 4))), text: items.join(',') }),
  binXml: (payload: PayloadSpec): WValue => ({ type: 0x21, bytes: Buffer.alloc(0), text: '', nested: payload }),
};

export interface DataField {
  /** Name attribute of <Data>; omitted = positional data without a name. */
  name?: string;
  value: WValue;
  /** Give the element a dependency id on its own value: a NullType value then drops the element. */
  dropIfNull?: boolean;
  /** Use an optional substitution (0x0e) instead of the normal one Windows uses for <Data>. */
  optional?: boolean;
}

export interface PayloadSpec {
  eventData?: DataField[];
  /** <Binary> inside EventData. */
  binary?: Buffer;
  userData?: { element: string; xmlns: string; fields: Array<{ name: string; value: WValue }> };
  /** Literal text with entity and character references, to exercise those tokens: [text, entity, charCode]. */
  entityData?: { name: string; parts: Array<string | { entity: string } | { char: number }> };
}

export interface EventSpec extends PayloadSpec {
  recordId: number;
  provider: string;
  providerGuid?: string;
  eventSourceName?: string;
  eventId: number;
  qualifiers?: number;
  level?: number;
  task?: number;
  keywords?: bigint;
  /** ISO-8601 UTC with up to 7 fractional digits. */
  timeCreated: string;
  processId?: number;
  threadId?: number;
  channel: string;
  computer: string;
  userSid?: string;
  /** Windows style for UserData: the payload is a nested BinXML value with its own template. */
  nestedPayload?: boolean;
}

export interface WriterOptions {
  /** 'template' (Windows) or 'plain' (template-less forwarded events). */
  form?: 'template' | 'plain';
  /** Bytes kept free at the end of each chunk; 0 lets a record end exactly at the chunk end. */
  reserve?: number;
  /** Extra all-zero chunks after the last one, as pre-allocated files have. */
  zeroChunks?: number;
  fileFlags?: number;
  minorVersion?: number;
}

class ChunkFull extends Error {}

// ---- element model the templates are built from -------------------------------------------------

type Content = { text: string } | { sub: number; type: number; optional?: boolean } | { entity: string } | { char: number } | Elem;
interface Elem {
  el: string;
  attrs?: Array<[string, Content[]]>;
  children?: Content[];
  dep?: number;
}

class ValueList {
  values: WValue[] = [];
  add(val: WValue): number {
    this.values.push(val);
    return this.values.length - 1;
  }
}

function payloadElems(p: PayloadSpec, vals: ValueList): Elem[] {
  const out: Elem[] = [];
  if (p.eventData || p.binary || p.entityData) {
    const children: Content[] = [];
    for (const f of p.eventData ?? []) {
      const i = vals.add(f.value);
      children.push({
        el: 'Data',
        attrs: f.name !== undefined ? [['Name', [{ text: f.name }]]] : undefined,
        children: [{ sub: i, type: f.value.type, optional: f.optional === true || f.dropIfNull === true }],
        dep: f.dropIfNull ? i : undefined,
      });
    }
    if (p.entityData) {
      children.push({
        el: 'Data',
        attrs: [['Name', [{ text: p.entityData.name }]]],
        children: p.entityData.parts.map((x) => (typeof x === 'string' ? { text: x } : x)),
      });
    }
    if (p.binary) children.push({ el: 'Binary', children: [{ sub: vals.add(v.binary(p.binary)), type: 0x0e, optional: true }] });
    out.push({ el: 'EventData', children });
  }
  if (p.userData) {
    const ud = p.userData;
    out.push({
      el: 'UserData',
      children: [{
        el: ud.element,
        attrs: [['xmlns', [{ text: ud.xmlns }]]],
        children: ud.fields.map((f) => ({ el: f.name, children: [{ sub: vals.add(f.value), type: f.value.type, optional: true }] })),
      }],
    });
  }
  return out;
}

function eventElem(e: EventSpec, vals: ValueList): Elem {
  const sub = (val: WValue, optional = true): Content => ({ sub: vals.add(val), type: val.type, optional });
  const providerAttrs: Array<[string, Content[]]> = [['Name', [{ text: e.provider }]]];
  if (e.providerGuid) providerAttrs.push(['Guid', [{ text: e.providerGuid }]]);
  if (e.eventSourceName) providerAttrs.push(['EventSourceName', [{ text: e.eventSourceName }]]);
  const system: Elem = {
    el: 'System',
    children: [
      { el: 'Provider', attrs: providerAttrs },
      { el: 'EventID', attrs: [['Qualifiers', [sub(e.qualifiers === undefined ? v.null() : v.uint16(e.qualifiers))]]], children: [sub(v.uint16(e.eventId))] },
      { el: 'Version', children: [sub(v.uint8(0))] },
      { el: 'Level', children: [sub(v.uint8(e.level ?? 4))] },
      { el: 'Task', children: [sub(v.uint16(e.task ?? 0))] },
      { el: 'Opcode', children: [sub(v.uint8(0))] },
      { el: 'Keywords', children: [sub(v.hex64(e.keywords ?? 0x8000000000000000n))] },
      { el: 'TimeCreated', attrs: [['SystemTime', [sub(v.fileTime(e.timeCreated))]]] },
      { el: 'EventRecordID', children: [sub(v.uint64(e.recordId))] },
      { el: 'Correlation' },
      { el: 'Execution', attrs: [['ProcessID', [sub(v.uint32(e.processId ?? 4))]], ['ThreadID', [sub(v.uint32(e.threadId ?? 8))]]] },
      { el: 'Channel', children: [sub(v.string(e.channel))] },
      { el: 'Computer', children: [sub(v.string(e.computer))] },
      { el: 'Security', attrs: [['UserID', [sub(e.userSid ? v.sid(e.userSid) : v.null())]]] },
    ],
  };
  const children: Content[] = [system];
  if (e.nestedPayload) children.push(sub(v.binXml(e), false));
  else children.push(...payloadElems(e, vals));
  return { el: 'Event', attrs: [['xmlns', [{ text: 'http://schemas.microsoft.com/win/2004/08/events/event' }]]], children };
}

/** Shape of a template: everything except the substituted values. */
function templateKey(x: Elem): string {
  return JSON.stringify(x, (k, val: unknown) => (k === 'values' ? undefined : val));
}

function nameHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 65599) + name.charCodeAt(i)) >>> 0;
  return h & 0xffff;
}

// ---- chunk writer ---------------------------------------------------------------------------------

class ChunkWriter {
  readonly buf = Buffer.alloc(CHUNK);
  pos = 512;
  names = new Map<string, number>();
  templates = new Map<string, number>();
  firstId = -1;
  lastId = -1;
  lastRecordOffset = 0;
  count = 0;

  constructor(private readonly limit: number, private readonly form: 'template' | 'plain') {}

  private room(n: number): void {
    if (this.pos + n > this.limit) throw new ChunkFull();
  }
  private bytes(b: Buffer): void {
    this.room(b.length);
    b.copy(this.buf, this.pos);
    this.pos += b.length;
  }
  private u8(n: number): void { this.bytes(u(n, 1)); }
  private u16(n: number): void { this.bytes(u(n, 2)); }
  private u32(n: number): void { this.bytes(u(n, 4)); }

  private name(n: string): void {
    const known = this.names.get(n);
    if (known !== undefined) return this.u32(known);
    const at = this.pos + 4;
    this.u32(at);
    const bucket = 128 + (nameHash(n) % 64) * 4;
    this.u32(this.buf.readUInt32LE(bucket));
    this.u16(nameHash(n));
    this.u16(n.length);
    this.bytes(Buffer.from(n + '\0', 'utf16le'));
    this.buf.writeUInt32LE(at, bucket);
    this.names.set(n, at);
  }

  private text(s: string): void {
    this.u8(0x05);
    this.u8(0x01);
    this.u16(s.length);
    this.bytes(Buffer.from(s, 'utf16le'));
  }

  private content(c: Content, inTemplate: boolean, vals: WValue[]): void {
    if ('el' in c) return this.element(c, inTemplate, vals);
    if ('text' in c) return this.text(c.text);
    if ('entity' in c) {
      this.u8(0x09);
      return this.name(c.entity);
    }
    if ('char' in c) {
      this.u8(0x08);
      return this.u16(c.char);
    }
    if (inTemplate) {
      this.u8(c.optional ? 0x0e : 0x0d);
      this.u16(c.sub);
      return this.u8(c.type);
    }
    // Plain form: the value is stored as text.
    const val = vals[c.sub];
    if (val.type === 0x21 && val.nested) {
      const inner = new ValueList();
      for (const e of payloadElems(val.nested, inner)) this.element(e, false, inner.values);
    } else if (val.type !== 0 && val.text !== '') this.text(val.text);
  }

  private element(e: Elem, inTemplate: boolean, vals: WValue[]): void {
    // The plain form has no dependency ids: an element that would be dropped is simply not written.
    if (!inTemplate && e.dep !== undefined && vals[e.dep].type === 0) return;
    const attrs = (e.attrs ?? []).filter(([, parts]) => inTemplate || parts.some((p) => !('sub' in p) || vals[p.sub].text !== ''));
    this.u8(attrs.length ? 0x41 : 0x01);
    if (inTemplate) this.u16(e.dep ?? 0xffff);
    const sizeAt = this.pos;
    this.u32(0);
    this.name(e.el);
    let listAt = -1;
    if (attrs.length) {
      listAt = this.pos;
      this.u32(0);
    }
    attrs.forEach(([n, parts], i) => {
      this.u8(i < attrs.length - 1 ? 0x46 : 0x06);
      this.name(n);
      for (const p of parts) this.content(p, inTemplate, vals);
    });
    if (listAt >= 0) this.buf.writeUInt32LE(this.pos - listAt - 4, listAt);
    if (!e.children || e.children.length === 0) this.u8(0x03);
    else {
      this.u8(0x02);
      for (const c of e.children) this.content(c, inTemplate, vals);
      this.u8(0x04);
    }
    this.buf.writeUInt32LE(this.pos - sizeAt - 4, sizeAt);
  }

  /** Fragment header + template instance (definition resident on first use in this chunk) + values. */
  private instance(root: Elem, vals: WValue[]): void {
    this.bytes(Buffer.from([0x0f, 0x01, 0x01, 0x00, 0x0c, 0x01]));
    const key = templateKey(root);
    const guid = crc32(Buffer.from(key)).toString(16).padStart(8, '0') + '1234abcd5678ef90aabbccdd';
    this.bytes(Buffer.from(guid.slice(0, 8), 'hex').reverse());
    const known = this.templates.get(key);
    if (known !== undefined) this.u32(known);
    else {
      const at = this.pos + 4;
      this.u32(at);
      this.u32(0);
      this.bytes(Buffer.from(guid, 'hex'));
      const sizeAt = this.pos;
      this.u32(0);
      this.bytes(Buffer.from([0x0f, 0x01, 0x01, 0x00]));
      this.element(root, true, vals);
      this.u8(0x00);
      this.buf.writeUInt32LE(this.pos - sizeAt - 4, sizeAt);
      this.templates.set(key, at);
    }
    this.u32(vals.length);
    const descAt = this.pos;
    for (const val of vals) {
      this.u16(val.bytes.length);
      this.u8(val.type);
      this.u8(0);
    }
    vals.forEach((val, i) => {
      const start = this.pos;
      if (val.nested) {
        const inner = new ValueList();
        const elems = payloadElems(val.nested, inner);
        for (const el of elems) this.instance(el, inner.values);
        this.u8(0x00);
      } else this.bytes(val.bytes);
      this.buf.writeUInt16LE(this.pos - start, descAt + 4 * i);
    });
  }

  /** Appends a record; false (and nothing written) when it does not fit. */
  add(e: EventSpec): boolean {
    const saved = { pos: this.pos, names: new Map(this.names), templates: new Map(this.templates), tables: Buffer.from(this.buf.subarray(128, 512)) };
    try {
      const start = this.pos;
      this.u32(0x2a2a);
      this.u32(0);
      this.bytes(Buffer.alloc(8));
      this.buf.writeBigUInt64LE(BigInt(e.recordId), start + 8);
      this.bytes(Buffer.alloc(8));
      this.buf.writeBigUInt64LE(fileTime(e.timeCreated), start + 16);
      const vals = new ValueList();
      const root = eventElem(e, vals);
      if (this.form === 'template') {
        this.instance(root, vals.values);
        this.u8(0x00);
      } else {
        this.bytes(Buffer.from([0x0f, 0x01, 0x01, 0x00]));
        this.element(root, false, vals.values);
        this.u8(0x00);
      }
      while ((this.pos - start + 4) % 8 !== 0) this.u8(0);
      const size = this.pos - start + 4;
      this.u32(size);
      this.buf.writeUInt32LE(size, start + 4);
      if (this.firstId < 0) this.firstId = e.recordId;
      this.lastId = e.recordId;
      this.lastRecordOffset = start;
      this.count++;
      return true;
    } catch (err) {
      if (!(err instanceof ChunkFull)) throw err;
      this.buf.fill(0, saved.pos);
      saved.tables.copy(this.buf, 128);
      Object.assign(this, { pos: saved.pos, names: saved.names, templates: saved.templates });
      return false;
    }
  }

  finish(): Buffer {
    const b = this.buf;
    b.write('ElfChnk\0', 0, 'latin1');
    for (const [off, id] of [[8, this.firstId], [16, this.lastId], [24, this.firstId], [32, this.lastId]] as const) b.writeBigUInt64LE(BigInt(id), off);
    b.writeUInt32LE(128, 40);
    b.writeUInt32LE(this.lastRecordOffset, 44);
    b.writeUInt32LE(this.pos, 48);
    fixChunkCrcs(b);
    return b;
  }
}

/** Recomputes a chunk's records CRC and header CRC (after a test edits it on purpose). */
export function fixChunkCrcs(chunk: Buffer): void {
  chunk.writeUInt32LE(crc32(chunk.subarray(512, chunk.readUInt32LE(48))), 52);
  chunk.writeUInt32LE(crc32(chunk.subarray(128, 512), crc32(chunk.subarray(0, 120))), 124);
}

/** Recomputes every CRC of a whole file image. */
export function fixAllCrcs(file: Buffer): void {
  file.writeUInt32LE(crc32(file.subarray(0, 120)), 124);
  for (let o = HEADER_BLOCK; o + CHUNK <= file.length; o += CHUNK) {
    if (file.toString('latin1', o, o + 8) === 'ElfChnk\0') fixChunkCrcs(file.subarray(o, o + CHUNK));
  }
}

/** Builds a whole EVTX file image holding `events` in order. */
export function writeEvtx(events: EventSpec[], opts: WriterOptions = {}): Buffer {
  const form = opts.form ?? 'template';
  const limit = CHUNK - (opts.reserve ?? 8);
  const chunks: Buffer[] = [];
  let cw = new ChunkWriter(limit, form);
  for (const e of events) {
    if (cw.add(e)) continue;
    if (cw.count === 0) throw new Error(`record ${e.recordId} does not fit in an empty chunk`);
    chunks.push(cw.finish());
    cw = new ChunkWriter(limit, form);
    if (!cw.add(e)) throw new Error(`record ${e.recordId} does not fit in an empty chunk`);
  }
  if (cw.count > 0) chunks.push(cw.finish());
  const header = Buffer.alloc(HEADER_BLOCK);
  header.write('ElfFile\0', 0, 'latin1');
  header.writeBigUInt64LE(0n, 8);
  header.writeBigUInt64LE(BigInt(Math.max(0, chunks.length - 1)), 16);
  header.writeBigUInt64LE(BigInt((events.at(-1)?.recordId ?? 0) + 1), 24);
  header.writeUInt32LE(128, 32);
  header.writeUInt16LE(opts.minorVersion ?? 1, 36);
  header.writeUInt16LE(3, 38);
  header.writeUInt16LE(HEADER_BLOCK, 40);
  header.writeUInt16LE(chunks.length, 42);
  header.writeUInt32LE(opts.fileFlags ?? 0, 120);
  header.writeUInt32LE(crc32(header.subarray(0, 120)), 124);
  return Buffer.concat([header, ...chunks, Buffer.alloc(CHUNK * (opts.zeroChunks ?? 0))]);
}

/** Offsets of every record in a file image, for tests that damage one on purpose. */
export function recordOffsets(file: Buffer): number[] {
  const out: number[] = [];
  for (let c = HEADER_BLOCK; c + CHUNK <= file.length; c += CHUNK) {
    if (file.toString('latin1', c, c + 8) !== 'ElfChnk\0') continue;
    const free = file.readUInt32LE(c + 48);
    for (let p = c + 512; p < c + free; p += file.readUInt32LE(p + 4)) out.push(p);
  }
  return out;
}
