// Template nodes + substitution values → plain elements with text. Implements the MS-EVEN6
// substitution rules: optional substitutions of NullType vanish, an element whose dependency
// value is NullType is dropped, an array value repeats its containing element once per item,
// nested BinXML values become child elements, and attributes whose value is empty are left out.
import { BinXmlChunk, type Node, type ElementNode, type ValueRef } from './binxml.js';
import { renderArray, renderScalar, ValueError, VT } from './values.js';

/**
 * Array substitutions repeat their element once per item, and an element repeated inside a repeated element
 * multiplies: three nested <Data> over one 100-item array are 10^6 elements. No real record comes near these
 * bounds; a record past its bound is rejected, and a chunk past its bound rejects its remaining records.
 */
export const MAX_ELEMENTS_PER_RECORD = 50_000;
export const MAX_ELEMENTS_PER_CHUNK = 1_000_000;

export interface XElement {
  name: string;
  attrs: Array<[string, string]>;
  children: Array<XElement | string>;
}

/** One item of an array value standing in for its substitution while the element is repeated. */
interface ArrayItem {
  index: number;
  text: string;
}

export class Resolver {
  private recordElements = 0;
  private chunkElements = 0;

  constructor(private readonly chunk: BinXmlChunk) {}

  /** Starts the element budget of the next record. */
  startRecord(): void {
    this.recordElements = 0;
  }

  /** Counts `n` elements (or array items rendered) against the record's and the chunk's budget. */
  private spend(n = 1): void {
    this.chunkElements += n;
    if ((this.recordElements += n) > MAX_ELEMENTS_PER_RECORD) {
      throw new ValueError(`the record expands to more than ${MAX_ELEMENTS_PER_RECORD} elements (nested array substitutions)`);
    }
    if (this.chunkElements > MAX_ELEMENTS_PER_CHUNK) {
      throw new ValueError(`the chunk's records expand to more than ${MAX_ELEMENTS_PER_CHUNK} elements (nested array substitutions)`);
    }
  }

  resolve(nodes: Node[], values: ValueRef[] | null, out: Array<XElement | string>, item: ArrayItem | null = null): void {
    for (const n of nodes) {
      switch (n.kind) {
        case 'text':
          out.push(n.text);
          break;
        case 'el':
          this.element(n, values, out);
          break;
        case 'inst':
          this.resolve(n.template.nodes, n.values, out);
          break;
        case 'sub': {
          if (item && item.index === n.index) {
            out.push(item.text);
            break;
          }
          const v = values?.[n.index];
          if (!v) break;
          this.value(v, out);
          break;
        }
      }
    }
  }

  private value(v: ValueRef, out: Array<XElement | string>): void {
    const b = this.chunk.buf;
    if (v.type === VT.Null) return;
    if (v.type === VT.BinXml) {
      if (v.size > 0) this.resolve(this.chunk.parseFragment(v.off, v.off + v.size), null, out);
      return;
    }
    if (v.type & VT.ArrayFlag) {
      // An array outside element content (e.g. in an attribute) has no element to repeat.
      out.push(renderArray(b, v.type, v.off, v.size).join(','));
      return;
    }
    out.push(renderScalar(b, v.type, v.off, v.size));
  }

  /** The elements one template element stands for: none (dropped), one, or one per array item. */
  elementsOf(n: ElementNode, values: ValueRef[] | null): Array<XElement | string> {
    const out: Array<XElement | string> = [];
    this.element(n, values, out);
    return out;
  }

  /** Resolves one substitution on its own (e.g. a nested BinXML payload). */
  substitution(index: number, values: ValueRef[] | null, out: Array<XElement | string>): void {
    const v = values?.[index];
    if (v) this.value(v, out);
  }

  private element(n: ElementNode, values: ValueRef[] | null, out: Array<XElement | string>): void {
    if (n.dep >= 0 && values) {
      const d = values[n.dep];
      if (!d || d.type === VT.Null) return;
    }
    if (values && n.children.length > 0 && n.children.every((c) => c.kind === 'sub' && c.optional && isNull(values[c.index]))) {
      // Content made only of optional substitutions that are all NullType: the element is left out,
      // as libevtx does (python-evtx keeps an empty element). Windows templates use normal
      // substitutions for <Data>, so real files do not tell the two apart.
      return;
    }
    if (values) {
      for (const c of n.children) {
        if (c.kind !== 'sub') continue;
        const v = values[c.index];
        if (v && v.type & VT.ArrayFlag && v.type !== VT.Null) {
          const items = renderArray(this.chunk.buf, v.type, v.off, v.size);
          this.spend(items.length);
          // An empty array still yields its element once, empty (libevtx and python-evtx agree).
          if (items.length === 0) items.push('');
          for (const text of items) out.push(this.build(n, values, { index: c.index, text }));
          return;
        }
      }
    }
    out.push(this.build(n, values, null));
  }

  private build(n: ElementNode, values: ValueRef[] | null, item: ArrayItem | null): XElement {
    this.spend();
    const attrs: Array<[string, string]> = [];
    for (const a of n.attrs) {
      const parts: Array<XElement | string> = [];
      this.resolve(a.parts, values, parts, item);
      const text = textOf(parts);
      if (text !== '') attrs.push([a.name, text]);
    }
    const children: Array<XElement | string> = [];
    this.resolve(n.children, values, children, item);
    return { name: n.name, attrs, children };
  }
}

function isNull(v: ValueRef | undefined): boolean {
  return !v || v.type === VT.Null;
}

/** Concatenated text of a content list, descending into child elements. */
export function textOf(parts: ReadonlyArray<XElement | string>): string {
  if (parts.length === 1 && typeof parts[0] === 'string') return parts[0];
  let s = '';
  for (const p of parts) s += typeof p === 'string' ? p : textOf(p.children);
  return s;
}

export function attr(e: XElement, name: string): string | undefined {
  for (const [k, v] of e.attrs) if (k === name) return v;
  return undefined;
}

export function childElements(e: XElement): XElement[] {
  const out: XElement[] = [];
  for (const c of e.children) if (typeof c !== 'string') out.push(c);
  return out;
}
