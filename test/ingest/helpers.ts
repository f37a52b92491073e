import { Readable } from 'node:stream';
import { expandInputs, openInput, type InputFile } from '../../src/ingest/index.js';
import type { ReaderItem } from '../../src/types.js';

export async function readAll(path: string): Promise<{ kind: string; format: string; items: ReaderItem[] }> {
  const file: InputFile = { path, display: path };
  const opened = await openInput(file);
  const items: ReaderItem[] = [];
  for await (const item of opened.items) items.push(item);
  return { kind: opened.kind, format: opened.format, items };
}

export async function readBytes(bytes: Buffer, chunkSize = 7): Promise<{ kind: string; items: ReaderItem[] }> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const opened = await openInput({ path: '-', display: '<stdin>' }, {}, Readable.from(chunks));
  const items: ReaderItem[] = [];
  for await (const item of opened.items) items.push(item);
  return { kind: opened.kind, items };
}

export function events(items: ReaderItem[]) {
  return items.flatMap((i) => (i.kind === 'event' ? [i.event] : []));
}

export function rejections(items: ReaderItem[]) {
  return items.flatMap((i) => (i.kind === 'rejected' ? [i.rejection] : []));
}

export { expandInputs };
