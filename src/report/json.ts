// The JSON report written as a stream: the outer object and the fleet views are indented, and every input,
// machine, finding and fleet-view row is one compact line. The writer never holds more than one element's
// text, so a 10,000-machine report costs no more memory than its model (and a line per machine greps well).
import type { MachineReport, Report } from './model.js';
import type { Lang } from '../messages/index.js';
import { compactMachine, type CompactMachine } from './json-machine.js';
import { LazyList, lazyMap } from './lazy-list.js';
import { speaker } from './speaker.js';
import { ReportWriter, type WrittenFinding, type WrittenGroup, type WrittenStep, type WrittenTimelineEntry } from './wording.js';

/** Objects this deep or shallower are written key by key; arrays one level deeper, element by element. */
const EXPANDED_OBJECT_DEPTH = 1;
const EXPANDED_ARRAY_DEPTH = 2;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function* writeValue(value: unknown, depth: number, indent: string): Generator<string> {
  const list = Array.isArray(value) ? new LazyList(value.length, (i) => value[i] as unknown) : value instanceof LazyList ? (value as LazyList<unknown>) : undefined;
  if (list) {
    if (depth > EXPANDED_ARRAY_DEPTH || list.length === 0) {
      // A LazyList too: its toJSON gives the array.
      yield JSON.stringify(value) ?? 'null';
      return;
    }
    yield '[\n';
    const inner = indent + '  ';
    for (let i = 0; i < list.length; i++) {
      // JSON.stringify writes undefined array items as null; so does this.
      yield `${inner}${JSON.stringify(list.item(i)) ?? 'null'}${i < list.length - 1 ? ',' : ''}\n`;
    }
    yield `${indent}]`;
    return;
  }
  if (isPlainObject(value) && depth <= EXPANDED_OBJECT_DEPTH) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
    if (entries.length === 0) {
      yield '{}';
      return;
    }
    yield '{\n';
    const inner = indent + '  ';
    for (let i = 0; i < entries.length; i++) {
      const [key, v] = entries[i];
      yield `${inner}${JSON.stringify(key)}: `;
      yield* writeValue(v, depth + 1, inner);
      yield i < entries.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}}`;
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}

/** Chunks of about `size` characters: fewer writes than one per element, never the whole report. */
export function* batched(chunks: Iterable<string>, size = 64 * 1024): Generator<string> {
  let buffer = '';
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/** A report as its JSON holds it: findings and walk steps with their text (in the writer's language) beside their messages. */
export interface WrittenReport extends Omit<Report, 'findings' | 'machines' | 'groups'> {
  machines: WrittenMachine[];
  findings: WrittenFinding[];
  groups?: WrittenGroup[];
}

export interface WrittenMachine extends Omit<CompactMachine, 'walk' | 'timeline'> {
  walk?: WrittenStep[];
  timeline?: WrittenTimelineEntry[];
}

/** The machine as its JSON line holds it: steps and timeline with their text, and nothing the report's `now` already says (compactMachine). */
export function writtenMachine(m: MachineReport, writer: ReportWriter, now: string): WrittenMachine {
  const compact = compactMachine(m, now);
  if (!compact.walk && !compact.timeline) return compact as WrittenMachine;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(compact)) {
    if (key === 'walk') out.walk = compact.walk?.map((s) => writer.step(s));
    else if (key === 'timeline') out.timeline = compact.timeline?.map((e) => writer.timelineEntry(e));
    else out[key] = value;
  }
  return out as unknown as WrittenMachine;
}

/** The report with its groups, machines and findings put in words by `list` (at once, or as they are written); its key order stays (groups right after the summary). */
function inWords(report: Report, writer: ReportWriter, list: <S, T>(items: readonly S[], map: (item: S) => T) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(report)) {
    if (key === 'groups') out.groups = report.groups?.map((g) => writer.group(g));
    else if (key === 'machines') out.machines = list(report.machines, (m) => writtenMachine(m, writer, report.now));
    else if (key === 'findings') out.findings = list(report.findings, (f) => writer.finding(f));
    else out[key] = value;
  }
  return out;
}

export function writtenReport(report: Report, writer: ReportWriter): WrittenReport {
  return inWords(report, writer, (items, map) => items.map(map)) as unknown as WrittenReport;
}

/** WrittenReport as the JSON writer streams it: each machine and finding put in words as it is written. */
export interface StreamedReport extends Omit<WrittenReport, 'findings' | 'machines'> {
  machines: LazyList<WrittenMachine>;
  findings: LazyList<WrittenFinding>;
}

export function streamedReport(report: Report, writer: ReportWriter): StreamedReport {
  return inWords(report, writer, lazyMap) as unknown as StreamedReport;
}

/** The JSON report as written (plus, for `check`, what the check decided) as a stream of text chunks. */
export function jsonReportChunks(report: WrittenReport | StreamedReport | ((WrittenReport | StreamedReport) & Record<string, unknown>)): Generator<string> {
  return batched(
    (function* () {
      yield* writeValue(report, 0, '');
      yield '\n';
    })(),
  );
}

/** The whole JSON report as one string, its text in `lang`: for tests and small reports; the CLI streams jsonReportChunks. */
export function renderJson(report: Report, lang: Lang = 'en'): string {
  return [...jsonReportChunks(streamedReport(report, new ReportWriter(speaker(lang))))].join('');
}
