// wevtutil qe <log> /f:text: "Event[N]:" blocks of indented "Label: value" lines (localized on localized
// Windows), a "Description:" line and then the message on unindented lines until the next "Event[N]:".
// "Date:" is local time without an offset.
import type { Reader, ReaderItem } from '../../types.js';
import { decodeText, type EncodingGuess } from '../encoding.js';
import { buildEvent, itemFor, rejectedAt } from './build-event.js';
import { BlockFields } from './labelled-block.js';
import { splitLines } from './lines.js';
import { zoneFor } from './zone.js';

const BLOCK_START = /^\s*Event\[\d+\]\s*[:：]?\s*$/;

export function makeWevtutilTextReader(encoding: Pick<EncodingGuess, 'encoding' | 'bomLength'>): Reader {
  return async function* readWevtutilText(input, ctx): AsyncGenerator<ReaderItem> {
    const { zone, problem } = zoneFor(ctx);
    if (problem) yield problem;
    let block: BlockFields | undefined;
    let junkReported = false;

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
          junkReported = false;
          continue;
        }
        if (!block) {
          if (l.text.trim() !== '' && !junkReported) {
            yield rejectedAt(l.line, `text outside any "Event[N]:" block: ${JSON.stringify(l.text.trim().slice(0, 40))}`);
            junkReported = true;
          }
          continue;
        }
        if (block.inDescription) block.description.push(l.text);
        else if (l.text.trim() !== '') block.header(l.text);
      }
    }
    if (block) yield finish(block);
  };
}
