// `volact events`: the decoded records themselves, one by one, for piping into other tools.
import { ACTIVATION_EVENT_IDS } from '../decode/index.js';
import { english } from '../messages/index.js';
import type { EventStreamItem } from '../accounts/index.js';
import { rowsOf } from './event-rows.js';
import { expandInputs, openInputs, type InputFile } from '../ingest/index.js';
import { noEventsRejection } from '../ingest/xml/index.js';
import { defaultThreads, eventsInRanges, planRanges, splitsFiles, traceRanges, workersAvailable } from './parallel/index.js';

export interface ReadEventsOptions {
  /** Every record read, not only activation-related ones. */
  all?: boolean;
  tz?: string;
  stdin?: NodeJS.ReadableStream;
  /**
   * With a format, a large XML or EVTX file is read by worker threads in byte ranges and its rows come already
   * written out, as `text` items (in file order, exactly the text the rows would give).
   */
  format?: 'jsonl' | 'csv';
  /** Worker threads for that; 0 or 1 reads in this thread (default: one per core, VOLACT_THREADS overrides). */
  threads?: number;
}

export async function* readEvents(paths: string[], options: ReadEventsOptions = {}): AsyncGenerator<EventStreamItem> {
  const { files, problems } = await expandInputs(paths);
  for (const p of problems) yield { kind: 'rejected', file: p.path, rejection: { where: 'path', reason: english(p.message), message: p.message } };
  const threads = options.format && workersAvailable() && splitsFiles(files.length) ? (options.threads ?? defaultThreads()) : 0;
  for (const input of files) {
    const plan = threads >= 2 ? await planRanges(input).catch(() => undefined) : undefined;
    let skip = 0;
    if (plan && options.format) {
      const read = yield* inRanges(input, plan, options.format, options, threads);
      if (read.done) continue;
      // A cut was wrong: what was handed on is the start of the whole read; the rest comes from reading it again.
      skip = read.items;
    }
    yield* wholeInput(input, options, skip);
  }
}

async function* wholeInput(input: InputFile, options: ReadEventsOptions, skip: number): AsyncGenerator<EventStreamItem> {
  const filter = options.all ? {} : { filter: { eventIds: ACTIVATION_EVENT_IDS } };
  let seen = 0;
  // An archive opens as its entries, one after another.
  for await (const opened of openInputs(input, { ...filter, ...(options.tz ? { tz: options.tz } : {}) }, options.stdin)) {
    for await (const item of rowsOf(opened.file.display, opened.items, options)) {
      if (seen++ < skip) continue;
      yield item;
    }
  }
}

/** The file's items from its byte ranges; `done` false when the ranges did not join up after `items` items. */
async function* inRanges(
  input: InputFile,
  plan: NonNullable<Awaited<ReturnType<typeof planRanges>>>,
  format: 'jsonl' | 'csv',
  options: ReadEventsOptions,
  threads: number,
): AsyncGenerator<EventStreamItem, { done: boolean; items: number }> {
  let items = 0;
  const job = { format, all: options.all === true, ...(options.tz ? { tz: options.tz } : {}) };
  for await (const out of eventsInRanges(input, plan, job, threads)) {
    if (out.kind === 'segments') {
      for (const s of out.segments) {
        if (s.kind === 'text') {
          items += s.rows;
          yield s;
        } else {
          items++;
          yield s.kind === 'rejected' ? { kind: 'rejected', file: input.display, rejection: s.rejection } : { kind: 'warning', file: input.display, warning: s.warning };
        }
      }
      continue;
    }
    traceRanges(input, plan.length, out.joined ? 'joined' : `did not join, read again after ${items} items`);
    if (!out.joined) return { done: false, items };
    if (plan[0].reader.kind === 'xml-events' && out.events === 0 && out.otherRoots.length > 0) {
      const item = noEventsRejection(out.otherRoots);
      if (item.kind === 'rejected') yield { kind: 'rejected', file: input.display, rejection: item.rejection };
    }
    return { done: true, items };
  }
  return { done: false, items };
}
