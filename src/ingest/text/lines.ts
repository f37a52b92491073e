// Splits decoded text into lines with their 1-based numbers, holding at most one line in memory. A line
// longer than MAX_LINE_CHARS is reported once and skipped, so one runaway line cannot exhaust memory.

export type TextLine = { text: string; line: number; tooLong?: false } | { text: ''; line: number; tooLong: true };

export const MAX_LINE_CHARS = 4 * 1024 * 1024;

export async function* splitLines(pieces: AsyncIterable<string>, maxChars = MAX_LINE_CHARS): AsyncGenerator<TextLine> {
  let pending: string[] = [];
  let pendingChars = 0;
  let line = 1;
  let skipping = false;
  for await (const piece of pieces) {
    let from = 0;
    for (;;) {
      const nl = piece.indexOf('\n', from);
      if (nl < 0) {
        if (!skipping) {
          pending.push(piece.slice(from));
          pendingChars += piece.length - from;
          if (pendingChars > maxChars) {
            yield { text: '', line, tooLong: true };
            skipping = true;
            pending = [];
            pendingChars = 0;
          }
        }
        break;
      }
      if (!skipping) {
        pending.push(piece.slice(from, nl));
        const text = pending.join('');
        if (text.length > maxChars) yield { text: '', line, tooLong: true };
        else yield { text: text.endsWith('\r') ? text.slice(0, -1) : text, line };
      }
      skipping = false;
      pending = [];
      pendingChars = 0;
      line++;
      from = nl + 1;
    }
  }
  if (!skipping && pendingChars > 0) {
    const text = pending.join('');
    yield { text: text.endsWith('\r') ? text.slice(0, -1) : text, line };
  }
}
