// BinXML token stream → a small node tree. One BinXmlChunk per 64 KiB chunk: names and template
// definitions are addressed by chunk-relative offsets, so both are cached per chunk and parsed once.
// A template definition is parsed into nodes with substitution placeholders; each record then only
// reads its value descriptors (see resolve.ts for turning the two into elements).

export interface ElementNode {
  kind: 'el';
  name: string;
  /** Index of the substitution that must be non-null for this element to exist; -1 = none. */
  dep: number;
  attrs: AttrNode[];
  children: Node[];
}
export interface AttrNode {
  name: string;
  parts: Node[];
}
export interface TextNode {
  kind: 'text';
  text: string;
}
export interface SubstNode {
  kind: 'sub';
  index: number;
  type: number;
  optional: boolean;
}
export interface InstanceNode {
  kind: 'inst';
  template: TemplateDef;
  values: ValueRef[];
}
export type Node = ElementNode | TextNode | SubstNode | InstanceNode;

/** Where one substitution value lives in the chunk buffer. */
export interface ValueRef {
  type: number;
  off: number;
  size: number;
}

export interface TemplateDef {
  offset: number;
  nodes: Node[];
  /** Cheap EventID lookup for pre-filtering: substitution index, literal, or unknown. */
  eventId?: { index: number; deps: number[] } | { literal: number } | null;
}

export class BinXmlError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at chunk offset 0x${offset.toString(16)}`);
  }
}

const MAX_DEPTH = 64;
const NO_DEP = 0xffff;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text an entity reference stands for; unknown entities stay as written. */
export function entityText(name: string): string {
  return ENTITIES[name] ?? `&${name};`;
}

import { wellFormed } from './values.js';

interface Cursor {
  pos: number;
  end: number;
}

const IN_PROGRESS: TemplateDef = { offset: -1, nodes: [] };

export class BinXmlChunk {
  private readonly names = new Map<number, string>();
  private readonly templates = new Map<number, TemplateDef>();
  private depth = 0;

  constructor(readonly buf: Buffer) {}

  /** Parses a fragment (record body or nested BinXML value) in [start, end). */
  parseFragment(start: number, end: number): Node[] {
    return this.parseTop({ pos: start, end }, false);
  }

  private fail(message: string, offset: number): never {
    throw new BinXmlError(message, offset);
  }

  private need(c: Cursor, n: number): void {
    if (c.pos + n > c.end) this.fail(`truncated BinXML (need ${n} bytes, ${c.end - c.pos} left)`, c.pos);
  }

  private u8(c: Cursor): number {
    this.need(c, 1);
    return this.buf[c.pos++];
  }
  private u16(c: Cursor): number {
    this.need(c, 2);
    const v = this.buf.readUInt16LE(c.pos);
    c.pos += 2;
    return v;
  }
  private u32(c: Cursor): number {
    this.need(c, 4);
    const v = this.buf.readUInt32LE(c.pos);
    c.pos += 4;
    return v;
  }

  private utf16(c: Cursor, chars: number): string {
    this.need(c, chars * 2);
    const s = wellFormed(this.buf.toString('utf16le', c.pos, c.pos + chars * 2));
    c.pos += chars * 2;
    return s;
  }

  private enter(c: Cursor): void {
    if (++this.depth > MAX_DEPTH) this.fail('BinXML nested too deeply', c.pos);
  }

  private parseTop(c: Cursor, inTemplate: boolean): Node[] {
    const out: Node[] = [];
    while (c.pos < c.end) {
      const tok = this.buf[c.pos];
      switch (tok) {
        case 0x00:
          c.pos++;
          return out;
        case 0x0f:
          this.need(c, 4);
          c.pos += 4;
          break;
        case 0x0c:
          out.push(this.parseInstance(c));
          break;
        case 0x01:
        case 0x41:
          out.push(this.parseElement(c, inTemplate));
          break;
        default:
          this.parseContentToken(c, inTemplate, out, tok);
      }
    }
    return out;
  }

  /** A chunk-relative name reference, with the name stored inline when it points right behind itself. */
  private parseNameRef(c: Cursor): string {
    const off = this.u32(c);
    const name = this.nameAt(off);
    if (off === c.pos) c.pos += 10 + name.length * 2;
    if (c.pos > c.end) this.fail('inline name runs past its container', off);
    return name;
  }

  private nameAt(off: number): string {
    const cached = this.names.get(off);
    if (cached !== undefined) return cached;
    if (off + 8 > this.buf.length) this.fail('name offset outside the chunk', off);
    const count = this.buf.readUInt16LE(off + 6);
    if (off + 8 + count * 2 > this.buf.length) this.fail('name runs past the chunk', off);
    const name = this.buf.toString('utf16le', off + 8, off + 8 + count * 2);
    this.names.set(off, name);
    return name;
  }

  private parseElement(c: Cursor, inTemplate: boolean): ElementNode {
    this.enter(c);
    const start = c.pos;
    const tok = this.u8(c);
    let dep = -1;
    if (inTemplate) {
      const d = this.u16(c);
      if (d !== NO_DEP) dep = d;
    }
    this.u32(c); // data size: not needed, the end token delimits the element
    const name = this.parseNameRef(c);
    const attrs: AttrNode[] = [];
    if (tok & 0x40) {
      this.u32(c); // attribute list size
      while (c.pos < c.end && (this.buf[c.pos] & 0xbf) === 0x06) {
        c.pos++;
        const aname = this.parseNameRef(c);
        const parts: Node[] = [];
        while (c.pos < c.end && isValueToken(this.buf[c.pos])) this.parseContentToken(c, inTemplate, parts, this.buf[c.pos]);
        attrs.push({ name: aname, parts });
      }
    }
    const close = this.u8(c);
    const children: Node[] = [];
    if (close === 0x02) {
      for (;;) {
        if (c.pos >= c.end) this.fail(`element <${name}> is not closed`, start);
        const t = this.buf[c.pos];
        if (t === 0x04) {
          c.pos++;
          break;
        }
        if (t === 0x01 || t === 0x41) children.push(this.parseElement(c, inTemplate));
        else if (t === 0x0c) children.push(this.parseInstance(c));
        else this.parseContentToken(c, inTemplate, children, t);
      }
    } else if (close !== 0x03) {
      this.fail(`element <${name}>: expected close token, found 0x${close.toString(16)}`, c.pos - 1);
    }
    this.depth--;
    return { kind: 'el', name, dep, attrs, children };
  }

  /** Text-like tokens allowed in element content and attribute values. */
  private parseContentToken(c: Cursor, inTemplate: boolean, out: Node[], tok: number): void {
    const at = c.pos;
    c.pos++;
    switch (tok) {
      case 0x05:
      case 0x45: {
        this.u8(c); // value type, a string in every file seen
        const n = this.u16(c);
        pushText(out, this.utf16(c, n));
        return;
      }
      case 0x07:
      case 0x47: {
        const n = this.u16(c);
        pushText(out, this.utf16(c, n));
        return;
      }
      case 0x08:
      case 0x48: {
        const cp = this.u16(c);
        pushText(out, String.fromCharCode(cp));
        return;
      }
      case 0x09:
      case 0x49:
        pushText(out, entityText(this.parseNameRef(c)));
        return;
      case 0x0a:
        // Processing instruction: target name, optionally followed by its data. Not event content.
        this.parseNameRef(c);
        if (c.pos < c.end && this.buf[c.pos] === 0x0b) {
          c.pos++;
          this.utf16(c, this.u16(c));
        }
        return;
      case 0x0b:
        this.utf16(c, this.u16(c));
        return;
      case 0x0d:
      case 0x0e: {
        const index = this.u16(c);
        const type = this.u8(c);
        out.push({ kind: 'sub', index, type, optional: tok === 0x0e });
        return;
      }
      default:
        this.fail(`unexpected BinXML token 0x${tok.toString(16)}${inTemplate ? ' in template' : ''}`, at);
    }
  }

  private parseInstance(c: Cursor): InstanceNode {
    this.enter(c);
    c.pos++; // 0x0c
    this.u8(c);
    this.u32(c); // template id; the definition offset is what identifies it inside a chunk
    const defOff = this.u32(c);
    if (defOff === c.pos) {
      // Resident definition: first use in this chunk, stored right here.
      this.need(c, 24);
      const size = this.buf.readUInt32LE(c.pos + 20);
      c.pos += 24;
      this.need(c, size);
      c.pos += size;
    }
    const template = this.templateAt(defOff);
    const count = this.u32(c);
    this.need(c, count * 4);
    const values: ValueRef[] = new Array(count);
    let off = c.pos + count * 4;
    for (let i = 0; i < count; i++) {
      const size = this.buf.readUInt16LE(c.pos);
      const type = this.buf[c.pos + 2];
      values[i] = { type, off, size };
      off += size;
      c.pos += 4;
    }
    if (off > c.end) this.fail(`template values (${count}) run past their record by ${off - c.end} bytes`, c.pos);
    c.pos = off;
    this.depth--;
    return { kind: 'inst', template, values };
  }

  templateAt(off: number): TemplateDef {
    const cached = this.templates.get(off);
    if (cached === IN_PROGRESS) this.fail('template refers to itself', off);
    if (cached) return cached;
    if (off < 0 || off + 24 > this.buf.length) this.fail('template definition offset outside the chunk', off);
    const size = this.buf.readUInt32LE(off + 20);
    const end = off + 24 + size;
    if (end > this.buf.length) this.fail(`template definition (${size} bytes) runs past the chunk`, off);
    this.templates.set(off, IN_PROGRESS);
    try {
      const nodes = this.parseTop({ pos: off + 24, end }, true);
      const def: TemplateDef = { offset: off, nodes };
      this.templates.set(off, def);
      return def;
    } catch (e) {
      this.templates.delete(off);
      throw e;
    }
  }
}

function isValueToken(t: number): boolean {
  const b = t & 0xbf;
  return b === 0x05 || b === 0x07 || b === 0x08 || b === 0x09 || t === 0x0d || t === 0x0e;
}

function pushText(out: Node[], text: string): void {
  const last = out[out.length - 1];
  if (last !== undefined && last.kind === 'text') last.text += text;
  else out.push({ kind: 'text', text });
}
