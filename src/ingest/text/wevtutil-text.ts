// wevtutil qe <log> /f:text: "Event[N]:" blocks of indented "Label: value" lines (localized on localized
// Windows), a "Description:" line and then the message on unindented lines until the next "Event[N]:".
// "Date:" is local time without an offset.
import type { Reader, ReaderItem } from '../../types.js';
import { decodeText, type EncodingGuess } from '../encoding.js';
import { buildEvent, itemFor, rejectedAt, unknownLine } from './build-event.js';
import { BlockFields } from './labelled-block.js';
import { splitLines } from './lines.js';
import { zoneFor } from './zone.js';

const BLOCK_START = /^\s*Event\[\d+\]\s*[:：]?\s*$/;

export function makeWevtutilTextReader(encoding: Pick<EncodingGuess, 'encoding' | 'bomLength'>): Reader {
  return async function* readWevtutilText(input, ctx): AsyncGenerator<ReaderItem> {
    const { zone, problem } = zoneFor(ctx);
    if (problem) yield problem;
    let block: BlockFields | undefined;

    const finish = (b: BlockFields): ReaderItem =>
      itemFor(buildEvent(b.loose(), { file: ctx.file, format: 'text', line: b.line }, zone), b.line, ctx);

    for await (const batch of splitLines(decodeText(input, encoding))) {
      for (const l of batch) {
        if (l.tooLong) {
          yield rejectedAt(l.line, 'a line longer than 4 MiB characters; skipped');
          continue;
        }
        if (BLOCK_START.test(l.text)) {
          if (block) yield finish(block);
          block = new BlockFields(l.line);
          continue;
        }
        // A line before the first block, or a header line no label explains: listed, never read into a value.
        if (!block) {
          if (l.text.trim() !== '') yield unknownLine(l.line, l.text);
          continue;
        }
        if (block.inDescription) block.description.push(l.text);
        else if (l.text.trim() !== '' && !block.header(l.text)) yield unknownLine(l.line, l.text);
      }
    }
    if (block) yield finish(block);
  };
}
