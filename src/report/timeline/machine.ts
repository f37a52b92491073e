// A machine's timeline as text: a Markdown table, JSON lines or CSV, row by row (a busy host's timeline has
// hundreds of thousands of rows, so nothing here joins them into one string).
import type { TimelineEntry } from '../../fleet/index.js';
import { formatTime } from '../../messages/index.js';
import { codeSpan, joinMd, md, type Markdown } from '../escape.js';
import type { Speaker } from '../speaker.js';
import { entryText, type ShownTimelineEntry } from '../wording.js';
import { csvRow } from './csv.js';

export function timelineWhere(e: ShownTimelineEntry, s: Speaker): Markdown {
  const place = e.record !== undefined ? md` ${s.t('report.record')} ${e.record}` : e.line !== undefined ? md` ${s.t('report.line')} ${e.line}` : md``;
  return md`${codeSpan(e.file)}${place}`;
}

export function timelineWhen(e: ShownTimelineEntry, s: Speaker): string {
  return e.time ? formatTime(e.time, s.lang) : s.t('timeline.collected');
}

/** One table row. */
export function timelineRow(e: ShownTimelineEntry, s: Speaker): Markdown {
  return md`| ${timelineWhen(e, s)} | ${e.machine} | ${e.eventId ?? ''} | ${entryText(e, s)} | ${timelineWhere(e, s)} |`;
}

export function timelineHead(s: Speaker): Markdown {
  const names = [0, 1, 2, 3, 4].map((i) => s.say({ id: `timeline.head.${i}` }));
  return joinMd([md`| ${names[0]} | ${names[1]} | ${names[2]} | ${names[3]} | ${names[4]} |`, md`|---|---|---:|---|---|`]);
}

export function* timelineMarkdown(machine: string, entries: Iterable<TimelineEntry>, s: Speaker): Generator<string> {
  yield md`# ${s.t('timeline.title', { machine })}`.source + '\n\n';
  let rows = 0;
  for (const e of entries) {
    if (rows++ === 0) yield timelineHead(s).source + '\n';
    yield timelineRow(e, s).source + '\n';
  }
  if (rows === 0) yield md`${s.t('timeline.none')}`.source + '\n';
}

/** The fields of one entry as the JSON lines and CSV write them: the text in the run's language beside its message. */
export function timelineRecord(e: TimelineEntry, s: Speaker): Record<string, unknown> {
  const { time, machine, eventId, kind, message, file, record, line, ...rest } = e;
  return { time, machine, eventId, kind, text: s.say(message), file, record, line, ...rest, message };
}

export function* timelineJsonl(entries: Iterable<TimelineEntry>, s: Speaker): Generator<string> {
  for (const e of entries) yield JSON.stringify(timelineRecord(e, s)) + '\n';
}

const CSV_COLUMNS = ['time', 'machine', 'eventId', 'kind', 'text', 'file', 'record', 'line', 'host', 'client', 'result', 'state', 'from', 'expires'] as const;

export function* timelineCsv(entries: Iterable<TimelineEntry>, s: Speaker): Generator<string> {
  yield CSV_COLUMNS.join(',') + '\n';
  for (const e of entries) {
    const r = timelineRecord(e, s);
    yield csvRow(CSV_COLUMNS.map((c) => (r[c] === undefined ? '' : String(r[c]))));
  }
}
