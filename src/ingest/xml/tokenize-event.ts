// A deliberately small XML parser for one <Event> element. Exported event XML uses a tiny subset of XML,
// and the subset is all we accept: no DTD, no entities beyond the predefined five and character
// references, bounded depth. Anything else is an error that rejects this one event, never the file.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    /** Character offset inside the parsed text. */
    readonly offset: number,
  ) {
    super(message);
  }
}

const MAX_DEPTH = 64;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(raw: string, at: number): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&([^;&\s]{0,32});?/g, (whole, name: string, index: number) => {
    if (!whole.endsWith(';')) throw new XmlSyntaxError(`'&' not followed by an entity reference`, at + index);
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) {
        throw new XmlSyntaxError(`invalid character reference &${name};`, at + index);
      }
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[name];
    if (value === undefined) {
      throw new XmlSyntaxError(`undefined entity &${name}; (volact does not process DTDs)`, at + index);
    }
    return value;
  });
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

function isNameChar(c: number): boolean {
  // Letters, digits, '-', '.', '_', ':' and anything non-ASCII.
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ||
    c === 0x2d || c === 0x2e || c === 0x5f || c === 0x3a || c > 0x7f
  );
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Parses `xml`, which must hold exactly one element (plus surrounding whitespace, comments, PIs). */
export function parseElement(xml: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let pos = 0;
  const len = xml.length;

  const current = (): XmlElement | undefined => stack[stack.length - 1];

  while (pos < len) {
    const lt = xml.indexOf('<', pos);
    const textEnd = lt < 0 ? len : lt;
    if (textEnd > pos) {
      const parent = current();
      const raw = xml.slice(pos, textEnd);
      if (parent) parent.text += decodeEntities(raw, pos);
      else if (raw.trim() !== '') throw new XmlSyntaxError(`text outside the root element`, pos);
    }
    if (lt < 0) break;
    pos = lt;
    const next = xml.charCodeAt(pos + 1);
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', pos)) {
        const end = xml.indexOf('-->', pos + 4);
        if (end < 0) throw new XmlSyntaxError('unterminated comment', pos);
        pos = end + 3;
      } else if (xml.startsWith('<![CDATA[', pos)) {
        const end = xml.indexOf(']]>', pos + 9);
        if (end < 0) throw new XmlSyntaxError('unterminated CDATA section', pos);
        const parent = current();
        if (!parent) throw new XmlSyntaxError('CDATA outside the root element', pos);
        parent.text += xml.slice(pos + 9, end);
        pos = end + 3;
      } else {
        throw new XmlSyntaxError(`markup declaration inside an event (DTDs are not processed)`, pos);
      }
    } else if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', pos + 2);
      if (end < 0) throw new XmlSyntaxError('unterminated processing instruction', pos);
      pos = end + 2;
    } else if (next === 0x2f /* / */) {
      const end = xml.indexOf('>', pos + 2);
      if (end < 0) throw new XmlSyntaxError('unterminated end tag', pos);
      const name = localName(xml.slice(pos + 2, end).trim());
      const open = stack.pop();
      if (!open) throw new XmlSyntaxError(`end tag </${name}> without a start tag`, pos);
      if (open.name !== name) throw new XmlSyntaxError(`expected </${open.name}>, found </${name}>`, pos);
      pos = end + 1;
    } else {
      pos = readStartTag(xml, pos);
    }
  }
  if (stack.length > 0) throw new XmlSyntaxError(`input ends inside <${stack[stack.length - 1].name}>`, len);
  if (!root) throw new XmlSyntaxError('no element found', 0);
  return root;

  function readStartTag(src: string, start: number): number {
    let p = start + 1;
    const nameStart = p;
    while (p < len && isNameChar(src.charCodeAt(p))) p++;
    if (p === nameStart) throw new XmlSyntaxError(`'<' not followed by an element name`, start);
    const element: XmlElement = { name: localName(src.slice(nameStart, p)), attrs: {}, children: [], text: '' };
    for (;;) {
      while (p < len && isSpace(src.charCodeAt(p))) p++;
      if (p >= len) throw new XmlSyntaxError(`unterminated start tag <${element.name}>`, start);
      const c = src.charCodeAt(p);
      if (c === 0x3e /* > */) {
        open(element, start);
        return p + 1;
      }
      if (c === 0x2f /* / */ && src.charCodeAt(p + 1) === 0x3e) {
        open(element, start);
        stack.pop();
        return p + 2;
      }
      const attrStart = p;
      while (p < len && isNameChar(src.charCodeAt(p))) p++;
      if (p === attrStart) throw new XmlSyntaxError(`unexpected '${src[p]}' in start tag <${element.name}>`, p);
      const attrName = src.slice(attrStart, p);
      while (p < len && isSpace(src.charCodeAt(p))) p++;
      if (src.charCodeAt(p) !== 0x3d /* = */) throw new XmlSyntaxError(`attribute ${attrName} has no value`, p);
      p++;
      while (p < len && isSpace(src.charCodeAt(p))) p++;
      const quote = src[p];
      if (quote !== '"' && quote !== "'") throw new XmlSyntaxError(`attribute ${attrName}: expected a quote, found '${quote ?? 'end of input'}'`, p);
      const valueEnd = src.indexOf(quote, p + 1);
      if (valueEnd < 0) throw new XmlSyntaxError(`attribute ${attrName}: unterminated value`, p);
      const raw = src.slice(p + 1, valueEnd);
      if (raw.indexOf('<') >= 0) throw new XmlSyntaxError(`attribute ${attrName}: '<' in value`, p);
      if (!attrName.startsWith('xmlns')) element.attrs[localName(attrName)] = decodeEntities(raw, p + 1);
      p = valueEnd + 1;
    }
  }

  function open(element: XmlElement, at: number): void {
    const parent = current();
    if (parent) parent.children.push(element);
    else if (root) throw new XmlSyntaxError(`a second root element <${element.name}>`, at);
    else root = element;
    if (stack.length >= MAX_DEPTH) throw new XmlSyntaxError(`elements nested deeper than ${MAX_DEPTH}`, at);
    stack.push(element);
  }
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const c of element.children) if (c.name === name) return c;
  return undefined;
}
