// Small text documents (slmgr output) are read whole, within a bound: a real one is a few kilobytes.
import type { InputFormat, Reader, ReaderItem } from '../types.js';
import { decodeText, type EncodingGuess } from './encoding.js';

export const MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;

export function readWholeText(encoding: Pick<EncodingGuess, 'encoding' | 'bomLength'>, format: InputFormat): Reader {
  return async function* readDocument(input, ctx): AsyncGenerator<ReaderItem> {
    const parts: string[] = [];
    let size = 0;
    for await (const text of decodeText(input, encoding)) {
      size += text.length;
      if (size > MAX_DOCUMENT_CHARS) {
        yield {
          kind: 'rejected',
          rejection: { where: 'whole file', reason: `a ${format} document larger than ${MAX_DOCUMENT_CHARS} characters is not ${format === 'network' ? 'DNS or port-check' : format} output` },
        };
        return;
      }
      parts.push(text);
    }
    yield { kind: 'document', document: { source: { file: ctx.file, format, line: 1 }, text: parts.join('') } };
  };
}
