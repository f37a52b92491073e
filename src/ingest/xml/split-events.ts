// Cuts a stream of XML text into single <Event> elements without building the document: memory holds one
// event (bounded), never the file. Works for every form Windows writes: an <Events> root, wevtutil's
// rootless concatenation, `/e:NAME` roots, declarations, comments. Anything else between events is
// reported as a piece of junk so it can be counted, and scanning goes on with the next event.

export type SplitPiece =
  | { kind: 'event'; xml: string; line: number }
  | { kind: 'junk'; line: number; reason: string };

/** One event larger than this is not an event Windows wrote. */
export const MAX_EVENT_CHARS = 4 * 1024 * 1024;
/** Longest declaration, comment or tag outside an event we wait for before calling it junk. */
const MAX_MARKUP_CHARS = 64 * 1024;

type Step = 'need-more' | 'continue';

export class EventSplitter {
  private buf = '';
  private pos = 0;
  private line = 1;
  /** Line counting is done lazily up to this position. */
  private countedTo = 0;
  private inJunk = false;
  private skippingOversized = false;
  readonly otherRoots = new Set<string>();
  private out: SplitPiece[] = [];

  push(text: string): SplitPiece[] {
    if (this.pos > 0) this.lineAt(this.pos);
    this.buf = this.pos > 0 ? this.buf.slice(this.pos) + text : this.buf + text;
    this.countedTo -= this.pos;
    this.pos = 0;
    this.run(false);
    return this.drain();
  }

  end(): SplitPiece[] {
    this.run(true);
    return this.drain();
  }

  private drain(): SplitPiece[] {
    const pieces = this.out;
    this.out = [];
    return pieces;
  }

  private lineAt(position: number): number {
    let from = this.countedTo;
    for (;;) {
      const nl = this.buf.indexOf('\n', from);
      if (nl < 0 || nl >= position) break;
      this.line++;
      from = nl + 1;
    }
    this.countedTo = Math.max(this.countedTo, position);
    // Lines were counted up to `position`; later positions count from there.
    return this.line;
  }

  private run(atEnd: boolean): void {
    while (this.pos < this.buf.length) {
      if (this.scanText(atEnd) === 'need-more') return;
      if (this.pos >= this.buf.length) return;
      if (this.scanMarkup(atEnd) === 'need-more') return;
    }
  }

  /** Text between markup: whitespace is fine, anything else outside an event is junk. */
  private scanText(atEnd: boolean): Step {
    const lt = this.buf.indexOf('<', this.pos);
    const end = lt < 0 ? this.buf.length : lt;
    if (end > this.pos) {
      const text = this.buf.slice(this.pos, end);
      if (!this.skippingOversized && /\S/.test(text)) {
        const offset = this.pos + text.search(/\S/);
        this.reportJunk(offset, `text outside any <Event>: ${JSON.stringify(text.trim().slice(0, 40))}`);
      }
      this.pos = end;
    }
    if (lt < 0) return atEnd ? 'continue' : 'need-more';
    return 'continue';
  }

  private scanMarkup(atEnd: boolean): Step {
    const b = this.buf;
    const p = this.pos;
    if (b.length - p < 10 && !atEnd) return 'need-more';
    if (b.startsWith('<Event', p) && isTagEnd(b.charCodeAt(p + 6))) return this.scanEvent(atEnd);
    if (b.startsWith('<?', p)) return this.skipUntil('?>', atEnd, 'processing instruction');
    if (b.startsWith('<!--', p)) return this.skipUntil('-->', atEnd, 'comment');
    if (b.startsWith('<!DOCTYPE', p)) return this.scanDoctype(atEnd);
    if (b.startsWith('<![CDATA[', p)) {
      this.reportJunk(p, 'CDATA section outside any <Event>');
      return this.skipUntil(']]>', atEnd, 'CDATA section', true);
    }
    // Any other tag outside an event: the <Events> root, a wevtutil /e:NAME root, or an unknown document.
    const gt = b.indexOf('>', p);
    if (gt < 0) return this.waitOrGiveUp(atEnd, MAX_MARKUP_CHARS, 'tag');
    const name = /^<\/?([^\s/>]+)/.exec(b.slice(p, Math.min(gt + 1, p + 200)))?.[1] ?? '';
    if (name !== 'Events' && !this.skippingOversized) this.otherRoots.add(name);
    this.pos = gt + 1;
    return 'continue';
  }

  private scanEvent(atEnd: boolean): Step {
    const b = this.buf;
    const p = this.pos;
    this.inJunk = false;
    this.skippingOversized = false;
    // A self-closing <Event/> has no end tag; treat it as an (empty, later rejected) event.
    const firstGt = b.indexOf('>', p);
    if (firstGt > 0 && b.charCodeAt(firstGt - 1) === 0x2f) {
      this.emitEvent(p, firstGt + 1);
      return 'continue';
    }
    const close = b.indexOf('</Event>', p);
    if (close >= 0 && close - p <= MAX_EVENT_CHARS) {
      this.emitEvent(p, close + 8);
      return 'continue';
    }
    if (close < 0 && b.length - p <= MAX_EVENT_CHARS && !atEnd) return 'need-more';
    const line = this.lineAt(p);
    if (close < 0 && atEnd) {
      this.out.push({ kind: 'junk', line, reason: 'the input ends inside this <Event> (truncated file?)' });
      this.pos = b.length;
      return 'continue';
    }
    this.out.push({ kind: 'junk', line, reason: `an <Event> longer than ${MAX_EVENT_CHARS} characters without </Event>` });
    this.skippingOversized = true;
    this.pos = p + 6;
    return 'continue';
  }

  private emitEvent(start: number, end: number): void {
    const line = this.lineAt(start);
    this.out.push({ kind: 'event', xml: this.buf.slice(start, end), line });
    this.pos = end;
  }

  private scanDoctype(atEnd: boolean): Step {
    const b = this.buf;
    const p = this.pos;
    const bracket = b.indexOf('[', p);
    const gt = b.indexOf('>', p);
    if (gt < 0) return this.waitOrGiveUp(atEnd, MAX_MARKUP_CHARS, 'DOCTYPE');
    let end = gt;
    if (bracket >= 0 && bracket < gt) {
      const close = b.indexOf(']>', bracket);
      if (close < 0) return this.waitOrGiveUp(atEnd, MAX_MARKUP_CHARS, 'DOCTYPE');
      end = close + 1;
    }
    this.out.push({
      kind: 'junk',
      line: this.lineAt(p),
      reason: 'a DOCTYPE declaration: volact does not process DTDs or expand their entities; it was skipped',
    });
    this.pos = end + 1;
    return 'continue';
  }

  private skipUntil(terminator: string, atEnd: boolean, what: string, silent = false): Step {
    const end = this.buf.indexOf(terminator, this.pos);
    if (end < 0) {
      const step = this.waitOrGiveUp(atEnd, MAX_MARKUP_CHARS, what, silent);
      return step;
    }
    this.pos = end + terminator.length;
    return 'continue';
  }

  private waitOrGiveUp(atEnd: boolean, limit: number, what: string, silent = false): Step {
    if (!atEnd && this.buf.length - this.pos <= limit) return 'need-more';
    if (!silent) {
      const reason = atEnd ? `the input ends inside a ${what}` : `a ${what} longer than ${limit} characters`;
      this.reportJunk(this.pos, reason);
    }
    // Step past the '<' and rescan: the next '<Event' still gets found.
    this.pos += 1;
    this.inJunk = true;
    return 'continue';
  }

  private reportJunk(position: number, reason: string): void {
    if (this.inJunk) return;
    this.inJunk = true;
    this.out.push({ kind: 'junk', line: this.lineAt(position), reason });
  }
}

function isTagEnd(c: number): boolean {
  return c === 0x20 || c === 0x3e || c === 0x2f || c === 0x0a || c === 0x0d || c === 0x09;
}
