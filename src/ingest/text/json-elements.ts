// Cuts a JSON text into its top-level values without parsing the whole: the elements of a root array
// (PowerShell ConvertTo-Json of many events), or root objects one after another (a single event, or several
// appended with >>). Memory holds one element; each is then parsed on its own, so one broken element costs
// only itself.

export type JsonPiece = { kind: 'element'; text: string; line: number } | { kind: 'junk'; line: number; reason: string };

export const MAX_ELEMENT_CHARS = 4 * 1024 * 1024;

const enum C {
  Quote = 0x22,
  Backslash = 0x5c,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
  OpenBracket = 0x5b,
  CloseBracket = 0x5d,
  Comma = 0x2c,
  LF = 0x0a,
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;
}

export class JsonElementSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private rootArray = false;
  private collecting = false;
  private oversized = false;
  private parts: string[] = [];
  private chars = 0;
  private elementLine = 1;
  private line = 1;
  private inJunk = false;
  private out: JsonPiece[] = [];

  constructor(private readonly maxChars = MAX_ELEMENT_CHARS) {}

  /** Depth at which values are elements: inside the root array, or at the top. */
  private get elementDepth(): number {
    return this.rootArray ? 1 : 0;
  }

  push(text: string): JsonPiece[] {
    let segment = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === C.LF) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === C.Backslash) this.escaped = true;
        else if (c === C.Quote) this.inString = false;
        continue;
      }
      if (c === C.Quote) {
        if (!this.collecting && this.depth === this.elementDepth) this.junk('a bare string where an event object was expected');
        this.inString = true;
      } else if (c === C.OpenBrace || c === C.OpenBracket) {
        if (this.depth === 0 && c === C.OpenBracket && !this.collecting) {
          this.rootArray = true;
          this.depth = 1;
          this.inJunk = false;
          continue;
        }
        if (!this.collecting && this.depth === this.elementDepth) {
          this.collecting = true;
          this.oversized = false;
          this.inJunk = false;
          this.elementLine = this.line;
          this.chars = 0;
          segment = i;
        }
        this.depth++;
      } else if (c === C.CloseBrace || c === C.CloseBracket) {
        if (this.depth === 0) {
          this.junk(`an unmatched '${String.fromCharCode(c)}'`);
          continue;
        }
        this.depth--;
        if (this.collecting && this.depth === this.elementDepth) {
          this.take(text.slice(segment, i + 1));
          this.emit();
        } else if (this.rootArray && this.depth === 0) {
          this.rootArray = false;
        }
      } else if (!isSpace(c) && c !== C.Comma && !this.collecting) {
        this.junk(`unexpected ${JSON.stringify(text.slice(i, i + 20))} outside any event object`);
      }
    }
    if (this.collecting) this.take(text.slice(segment));
    return this.drain();
  }

  end(): JsonPiece[] {
    if (this.collecting) {
      this.out.push({ kind: 'junk', line: this.elementLine, reason: 'the input ends inside this JSON value (truncated file?)' });
      this.collecting = false;
    } else if (this.rootArray) {
      this.out.push({ kind: 'junk', line: this.line, reason: "the input ends before the array's closing ']'" });
    }
    return this.drain();
  }

  private take(piece: string): void {
    if (this.oversized) return;
    this.chars += piece.length;
    if (this.chars > this.maxChars) {
      this.oversized = true;
      this.parts = [];
      return;
    }
    this.parts.push(piece);
  }

  private emit(): void {
    if (this.oversized) {
      this.out.push({ kind: 'junk', line: this.elementLine, reason: `a JSON value longer than ${this.maxChars} characters` });
    } else {
      this.out.push({ kind: 'element', text: this.parts.join(''), line: this.elementLine });
    }
    this.parts = [];
    this.collecting = false;
  }

  private junk(reason: string): void {
    if (this.inJunk) return;
    this.inJunk = true;
    this.out.push({ kind: 'junk', line: this.line, reason });
  }

  private drain(): JsonPiece[] {
    const pieces = this.out;
    this.out = [];
    return pieces;
  }
}
