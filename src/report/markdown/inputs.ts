// The inputs section: what was read from each file, what was rejected and why, and lines not understood.
import { rejectedCount } from '../../accounts/index.js';
import { codeSpan, joinMd, md, type Markdown } from '../escape.js';
import type { ReportInput } from '../model.js';
import type { Speaker } from '../speaker.js';
import { header, sum } from './common.js';

/** Up to this many inputs, every file gets a row; past it only files with rejections or warnings do. */
const INPUT_ROWS = 50;
/** Rows for files with rejections or warnings, and rejection lines, in a fleet-sized report. */
const PROBLEM_INPUT_ROWS = 200;

const troubled = (i: ReportInput): boolean => i.rejected.length > 0 || Boolean(i.warnings?.length) || Boolean(i.unknownLines?.length);

export function renderInputs(inputs: readonly ReportInput[], s: Speaker): Markdown {
  const parts: Markdown[] = [inputsTable(inputs, s)];
  const moreFiles = (n: number): Markdown => md`- ${s.t('report.moreInputRows', { n: { count: n } })}`;
  const rejected = inputs.filter((i) => i.rejected.length > 0);
  if (rejected.length > 0) {
    const lines: Markdown[] = [md`### ${s.t('report.rejectedRecords')}`, md``];
    for (const input of rejected.slice(0, PROBLEM_INPUT_ROWS)) {
      for (const r of input.rejected.slice(0, 50)) lines.push(md`- ${codeSpan(input.file)} ${r.where}: ${r.reason}`);
      const more = rejectedCount(input) - 50;
      if (more > 0) lines.push(md`- ${codeSpan(input.file)}: ${s.t('report.moreRejected', { n: { count: more } })}`);
    }
    if (rejected.length > PROBLEM_INPUT_ROWS) lines.push(moreFiles(rejected.length - PROBLEM_INPUT_ROWS));
    parts.push(joinMd(lines));
  }
  const warned = inputs.filter((i) => i.warnings?.length);
  if (warned.length > 0) {
    const lines: Markdown[] = [md`### ${s.t('report.warnings')}`, md``];
    for (const input of warned.slice(0, PROBLEM_INPUT_ROWS)) for (const w of input.warnings!.slice(0, 20)) lines.push(md`- ${codeSpan(input.file)} ${w.where}: ${w.reason}`);
    if (warned.length > PROBLEM_INPUT_ROWS) lines.push(moreFiles(warned.length - PROBLEM_INPUT_ROWS));
    parts.push(joinMd(lines));
  }
  const unknown = inputs.filter((i) => i.unknownLines?.length);
  if (unknown.length > 0) {
    const lines: Markdown[] = [md`### ${s.t('report.unknownLines')}`, md``];
    for (const input of unknown.slice(0, PROBLEM_INPUT_ROWS)) {
      for (const u of input.unknownLines!.slice(0, 20)) lines.push(md`- ${codeSpan(input.file)} ${s.t('report.line')} ${u.line}: ${codeSpan(u.text)}`);
    }
    if (unknown.length > PROBLEM_INPUT_ROWS) lines.push(moreFiles(unknown.length - PROBLEM_INPUT_ROWS));
    parts.push(joinMd(lines));
  }
  return joinMd(parts, '\n\n');
}

/** One row per file; a 20,000-file snapshot lists the files with something to say and sums the rest. */
function inputsTable(inputs: readonly ReportInput[], s: Speaker): Markdown {
  const listed = inputs.length <= INPUT_ROWS ? inputs : inputs.filter(troubled);
  const rows = listed
    .slice(0, PROBLEM_INPUT_ROWS)
    .map((i) => md`| ${codeSpan(i.file)} | ${i.format} | ${i.records} | ${i.decoded} | ${i.ignored} | ${rejectedCount(i)} |`);
  const table: Markdown[] = [md`## ${s.t('report.inputs')}`];
  if (rows.length > 0) table.push(md``, header(s, 'report.inputsHead', 6), md`|---|---|---:|---:|---:|---:|`);
  for (const row of rows) table.push(row);
  if (listed.length > PROBLEM_INPUT_ROWS) table.push(md``, md`${s.t('report.moreInputRows', { n: { count: listed.length - PROBLEM_INPUT_ROWS } })}`);
  if (listed.length < inputs.length) {
    const rest = inputs.filter((i) => !troubled(i));
    const formats = new Map<string, number>();
    for (const i of rest) formats.set(i.format, (formats.get(i.format) ?? 0) + 1);
    const formatText = [...formats].map(([f, n]) => `${f} ${n}`).join(' · ');
    const count = (n: number): { count: number } => ({ count: n });
    const data = { files: count(rest.length), formats: formatText, records: count(sum(rest, (i) => i.records)), decoded: count(sum(rest, (i) => i.decoded)), ignored: count(sum(rest, (i) => i.ignored)) };
    table.push(md``, md`${s.t('report.otherInputs', data)}`);
  }
  return joinMd(table);
}
