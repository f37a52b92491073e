// Splits decoded text into lines with their 1-based numbers, holding at most one partial line in memory. A
// line longer than MAX_LINE_CHARS is reported once and skipped, so one runaway line cannot exhaust memory.
// Lines come in batches (one per decoded piece): a generator step per line would cost more than the parsing.

export type TextLine = { text: string; line: number; tooLong?: false } | { text: ''; line: number; tooLong: true };

export const MAX_LINE_CHARS = 4 * 1024 * 1024;

export async function* splitLines(pieces: AsyncIterable<string>, maxChars = MAX_LINE_CHARS): AsyncGenerator<TextLine[]> {
  let pending: string[] = [];
  let pendingChars = 0;
  let line = 1;
  let skipping = false;
  for await (const piece of pieces) {
    const batch: TextLine[] = [];
    let from = 0;
    for (;;) {
      const nl = piece.indexOf('\n', from);
      if (nl < 0) {
        if (!skipping) {
          pending.push(piece.slice(from));
          pendingChars += piece.length - from;
          if (pendingChars > maxChars) {
            batch.push({ text: '', line, tooLong: true });
            skipping = true;
            pending = [];
            pendingChars = 0;
          }
        }
        break;
      }
      if (!skipping) {
        let text = piece.slice(from, nl);
        if (pending.length > 0) {
          pending.push(text);
          text = pending.join('');
        }
        if (text.length > maxChars) batch.push({ text: '', line, tooLong: true });
        else batch.push({ text: text.endsWith('\r') ? text.slice(0, -1) : text, line });
      }
      skipping = false;
      pending = [];
      pendingChars = 0;
      line++;
      from = nl + 1;
    }
    if (batch.length > 0) yield batch;
  }
  if (!skipping && pendingChars > 0) {
    const text = pending.join('');
    yield [{ text: text.endsWith('\r') ? text.slice(0, -1) : text, line }];
  }
}
