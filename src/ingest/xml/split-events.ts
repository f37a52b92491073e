// Cuts a stream of XML text into single <Event> elements without building the document: memory holds one
// event (bounded), never the file. Works for every form Windows writes: an <Events> root, wevtutil's
// rootless concatenation, `/e:NAME` roots, declarations, comments. Anything else between events is
// reported as a piece of junk so it can be counted, and scanning goes on with the next event.

export type SplitPiece =
  | { kind: 'event'; xml: string; line: number }
  | { kind: 'junk'; line: number; reason: string };

/** One event larger than this is not an event Windows wrote. */
export const MAX_EVENT_CHARS = 4 * 1024 * 1024;
const OVERSIZED_EVENT = `an <Event> longer than 4 MiB (${MAX_EVENT_CHARS} characters); no event Windows writes is that long`;
/** Longest declaration, comment or tag outside an event we wait for before calling it junk. */
const MAX_MARKUP_CHARS = 64 * 1024;

// Both limits are judged on the length of the piece itself (from its '<' to just past its end), never on how
// much happens to be buffered: a reader fed 4 KiB pieces once gave up on a 70 KB processing instruction that a
// reader fed 64 KiB pieces found whole and skipped silently. So every piece is waited for only while fewer than
// `limit` characters are buffered, and one whose end is found beyond `limit` is rejected just as one whose end
// never came — the same file gives the same records, rejections and lines for every chunking.

type Step = 'need-more' | 'continue';

export class EventSplitter {
  private buf = '';
  private pos = 0;
  private line: number;
  /** Line counting is done lazily up to this position. */
  private countedTo = 0;
  private inJunk = false;
  private skippingOversized = false;
  readonly otherRoots = new Set<string>();
  private out: SplitPiece[] = [];
  /**
   * What the last search for each needle found, so hostile input cannot make the same stretch be searched
   * again for every '<' in it ('<Event <Event …' without '>' used to be quadratic: minutes for 5 MB).
   */
  private searches = new Map<string, SearchMemo>();

  /** `startLine`: the line the text starts on (a byte range of a file starts further down; see read/parallel/ranges.ts). */
  constructor(startLine = 1) {
    this.line = startLine;
  }

  push(text: string): SplitPiece[] {
    if (this.pos > 0) this.lineAt(this.pos);
    this.buf = this.pos > 0 ? this.buf.slice(this.pos) + text : this.buf + text;
    this.countedTo -= this.pos;
    for (const [needle, memo] of this.searches) {
      // A memo about text that is gone says nothing about what is left.
      if ((memo.at >= 0 && memo.at < this.pos) || memo.to < this.pos) {
        this.searches.delete(needle);
        continue;
      }
      memo.from -= this.pos;
      memo.to -= this.pos;
      if (memo.at >= 0) memo.at -= this.pos;
    }
    this.pos = 0;
    this.run(false);
    return this.drain();
  }

  end(): SplitPiece[] {
    this.run(true);
    return this.drain();
  }

  /**
   * For a reader that stops at a cut inside the input (the next `<Event` start, where a later range of the file
   * begins): true when everything pushed was consumed and nothing carries over, so a fresh splitter started at
   * the cut continues exactly as this one would have. Call after the last push, instead of end().
   */
  cleanAtCut(): boolean {
    return this.pos === this.buf.length && !this.inJunk && !this.skippingOversized;
  }

  /** The line the end of everything pushed so far is on (a later range's lines count on from here). */
  lastLine(): number {
    return this.lineAt(this.buf.length);
  }

  /** `this.buf.indexOf(needle, from)`, answered from the previous search where that one already covers it. */
  private find(needle: string, from: number): number {
    const memo = this.searches.get(needle);
    let start = from;
    if (memo && from >= memo.from) {
      if (memo.at >= 0 && from <= memo.at) return memo.at;
      // No occurrence starts in [memo.from, memo.to - needle.length]: only text added since needs a look.
      if (memo.at < 0 && from <= memo.to) start = Math.max(from, memo.to - needle.length + 1);
    }
    const at = this.buf.indexOf(needle, start);
    const covered = memo !== undefined && memo.at < 0 && from >= memo.from && from <= memo.to;
    this.searches.set(needle, { from: covered ? memo.from : from, to: this.buf.length, at });
    return at;
  }

  private drain(): SplitPiece[] {
    const pieces = this.out;
    this.out = [];
    return pieces;
  }

  private lineAt(position: number): number {
    let from = this.countedTo;
    for (;;) {
      const nl = this.find('\n', from);
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
    // It ends at its '>' or, when a '<' comes first, at that '<'; whichever is first is known as soon as it is
    // buffered, so the length judged does not depend on what else is buffered.
    const gt = this.find('>', p);
    const nextLt = this.find('<', p + 1);
    const stop = gt < 0 ? nextLt : nextLt < 0 ? gt : Math.min(gt, nextLt);
    const fit = this.fits(stop < 0 ? -1 : stop + 1, atEnd, MAX_MARKUP_CHARS, 'tag');
    if (fit !== 'fits') return fit;
    // A '<' before this tag's '>' means it was no tag: taking it up to that '>' would swallow an <Event> start.
    if (stop === nextLt) {
      this.reportJunk(p, 'a "<" that starts no tag');
      this.pos = nextLt;
      return 'continue';
    }
    const name = /^<\/?([^\s/>]+)/.exec(b.slice(p, Math.min(gt + 1, p + 200)))?.[1] ?? '';
    if (name !== 'Events' && !this.skippingOversized) this.otherRoots.add(name);
    this.pos = gt + 1;
    return 'continue';
  }

  private scanEvent(atEnd: boolean): Step {
    const b = this.buf;
    const p = this.pos;
    // An <Event> start inside the stretch skipped after an oversized one is part of the same damage.
    const continuing = this.skippingOversized;
    this.skippingOversized = false;
    // A self-closing <Event/> has no end tag; treat it as an (empty, later rejected) event.
    const firstGt = this.find('>', p);
    const selfClosing = firstGt > 0 && b.charCodeAt(firstGt - 1) === 0x2f;
    const close = selfClosing ? -1 : this.find('</Event>', p);
    const end = selfClosing ? firstGt + 1 : close >= 0 ? close + 8 : -1;
    if (selfClosing && end - p <= MAX_EVENT_CHARS) {
      this.emitEvent(p, end);
      return 'continue';
    }
    if (close >= 0 && end - p <= MAX_EVENT_CHARS) {
      // A start without an end before the next <Event> start is a broken event of its own: cut it off there,
      // so the next (good) event is not swallowed into one rejected piece with it.
      const next = this.eventStartBetween(p + 6, close);
      if (next >= 0) {
        this.reportJunk(p, 'an <Event> without </Event> before the next <Event>');
        this.pos = next;
        return 'continue';
      }
      this.emitEvent(p, end);
      return 'continue';
    }
    if (end < 0 && b.length - p < MAX_EVENT_CHARS && !atEnd) {
      this.skippingOversized = continuing;
      return 'need-more';
    }
    const line = this.lineAt(p);
    if (end < 0 && atEnd && b.length - p < MAX_EVENT_CHARS) {
      this.out.push({ kind: 'junk', line, reason: 'the input ends inside this <Event> (truncated file?)' });
      this.pos = b.length;
      return 'continue';
    }
    // Reported once per damaged stretch: a run of '<Event' starts without an end must not become one
    // rejection per start (millions for a big file, all held by whoever keeps the account). Whether an </Event>
    // comes later is not known here without buffering past the limit, so the reason says only what is known:
    // the same words for an event that closes beyond the limit and one that never closes, whatever the chunking.
    if (!continuing) this.out.push({ kind: 'junk', line, reason: OVERSIZED_EVENT });
    this.skippingOversized = true;
    this.pos = p + 6;
    return 'continue';
  }

  /** Position of an `<Event` start tag in [from, limit), or -1 (`<EventData>`, `<EventID>` do not count). */
  private eventStartBetween(from: number, limit: number): number {
    for (let q = this.find('<Event', from); q >= 0 && q < limit; q = this.find('<Event', q + 1)) {
      if (isTagEnd(this.buf.charCodeAt(q + 6))) return q;
    }
    return -1;
  }

  private emitEvent(start: number, end: number): void {
    this.inJunk = false;
    const line = this.lineAt(start);
    this.out.push({ kind: 'event', xml: this.buf.slice(start, end), line });
    this.pos = end;
  }

  private scanDoctype(atEnd: boolean): Step {
    const p = this.pos;
    const bracket = this.find('[', p);
    const gt = this.find('>', p);
    let end = gt;
    if (gt >= 0 && bracket >= 0 && bracket < gt) {
      const close = this.find(']>', bracket);
      end = close < 0 ? -1 : close + 1;
    }
    const fit = this.fits(end < 0 ? -1 : end + 1, atEnd, MAX_MARKUP_CHARS, 'DOCTYPE');
    if (fit !== 'fits') return fit;
    this.out.push({
      kind: 'junk',
      line: this.lineAt(p),
      reason: 'a DOCTYPE declaration: volact does not process DTDs or expand their entities; it was skipped',
    });
    this.pos = end + 1;
    return 'continue';
  }

  private skipUntil(terminator: string, atEnd: boolean, what: string, silent = false): Step {
    const found = this.find(terminator, this.pos);
    const end = found < 0 ? -1 : found + terminator.length;
    const fit = this.fits(end, atEnd, MAX_MARKUP_CHARS, what, silent);
    if (fit !== 'fits') return fit;
    this.pos = end;
    return 'continue';
  }

  /**
   * Whether the markup from `this.pos` up to `end` (exclusive; -1 while its end is not buffered) is within
   * `limit`; if not, waits for more text or reports it and steps past its '<'. See MAX_MARKUP_CHARS for why the
   * verdict looks at the markup's length and not at the buffer's.
   */
  private fits(end: number, atEnd: boolean, limit: number, what: string, silent = false): Step | 'fits' {
    if (end >= 0 && end - this.pos <= limit) return 'fits';
    const buffered = this.buf.length - this.pos;
    if (end < 0 && !atEnd && buffered < limit) return 'need-more';
    if (!silent) {
      const truncated = end < 0 && atEnd && buffered < limit;
      const reason = truncated ? `the input ends inside a ${what}` : `a ${what} longer than ${limit} characters`;
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

interface SearchMemo {
  /** The search started here … */
  from: number;
  /** … when the buffer ended here … */
  to: number;
  /** … and found the needle here (-1: nowhere in [from, to)). */
  at: number;
}

function isTagEnd(c: number): boolean {
  return c === 0x20 || c === 0x3e || c === 0x2f || c === 0x0a || c === 0x0d || c === 0x09;
}
