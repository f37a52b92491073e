// The verdict, the first thing a reader sees: how many machines need attention, and how much of the input could
// not be read. It never says ✔ about what volact did not see: nothing read is its own verdict, and files that
// could not be read are counted beside the machines.
import { inputReads, nothingReadable, type Analysis } from '../analyze.js';
import { unread } from '../diagnose/index.js';
import { count, msg, type MessageRef } from '../messages/index.js';
import type { Worst } from './select.js';

/**
 * - `nothing-read`: not one input gave a record; no machine was judged;
 * - `no-machines`: inputs were read, but none names a machine with activation evidence;
 * - `attention`: machines with a warning or an error;
 * - `clean`: machines, none with a warning or an error (see `unread` for what was not seen).
 */
export type VerdictStatus = 'nothing-read' | 'no-machines' | 'attention' | 'clean';

export interface ReportVerdict {
  status: VerdictStatus;
  /** Machines judged. */
  machines: number;
  /** Machines with a warning or an error (`errors` of them with an error). */
  attention: number;
  errors: number;
  inputs: number;
  /** Inputs nothing could be read from (rejected whole, or paths that could not be opened). */
  unread: number;
  /** Inputs read with records rejected or lines not understood. */
  partlyRead: number;
}

export function judgeReport(analysis: Pick<Analysis, 'inputs'>, machinesByWorst: Record<Worst, number>): ReportVerdict {
  let unreadCount = 0;
  let partly = 0;
  for (const input of inputReads(analysis.inputs)) {
    if (unread(input)) unreadCount++;
    else if (input.rejectedTotal > 0 || input.unknownLines.length > 0) partly++;
  }
  const machines = machinesByWorst.error + machinesByWorst.warning + machinesByWorst.info + machinesByWorst.none;
  const attention = machinesByWorst.error + machinesByWorst.warning;
  const status: VerdictStatus =
    analysis.inputs.length === 0 || nothingReadable(analysis.inputs) ? 'nothing-read' : machines === 0 ? 'no-machines' : attention > 0 ? 'attention' : 'clean';
  return { status, machines, attention, errors: machinesByWorst.error, inputs: analysis.inputs.length, unread: unreadCount, partlyRead: partly };
}

/** A report read back from an older JSON file has no verdict: rebuild what it can say from its summary. */
export function verdictOf(report: { verdict?: ReportVerdict; summary: { inputs: number; machines: number; machinesByWorst?: Record<Worst, number> } }): ReportVerdict {
  if (report.verdict) return report.verdict;
  const worst = report.summary.machinesByWorst ?? { error: 0, warning: 0, info: 0, none: report.summary.machines };
  const attention = worst.error + worst.warning;
  const machines = report.summary.machines;
  const status: VerdictStatus = machines === 0 ? 'no-machines' : attention > 0 ? 'attention' : 'clean';
  return { status, machines, attention, errors: worst.error, inputs: report.summary.inputs, unread: 0, partlyRead: 0 };
}

/** True when the verdict rests on evidence for every input: the only case a report may say ✔. */
export function fullyRead(v: ReportVerdict): boolean {
  return v.status === 'clean' && v.unread === 0;
}

/** The verdict as one sentence. */
export function verdictMessage(v: ReportVerdict): MessageRef {
  const inputs = count(v.inputs);
  if (v.status === 'nothing-read') return msg('report.verdict.nothing-read', { inputs });
  if (v.status === 'no-machines') return msg('report.verdict.no-machines', { inputs, unread: v.unread > 0 ? unreadPart(v) : undefined });
  const mark = v.errors > 0 ? '✘' : v.attention > 0 || v.unread > 0 ? '⚠' : '✔';
  let verdict: MessageRef;
  if (v.status === 'clean') verdict = msg(v.machines === 1 ? 'report.verdict.none-one' : 'report.verdict.none', { mark, n: count(v.machines) });
  else if (v.machines === 1) verdict = msg('report.verdict.some-one', { mark });
  else {
    const parts: MessageRef[] = [];
    if (v.errors > 0) parts.push(msg('report.verdict.with-errors', { e: count(v.errors) }));
    if (v.attention > v.errors) parts.push(msg('report.verdict.with-warnings', { w: count(v.attention - v.errors) }));
    verdict = msg('report.verdict.some', { mark, bad: count(v.attention), n: count(v.machines), parts: { list: parts } });
  }
  // Inputs read only in part leave the mark as it is (a banner line volact does not know is common), but the
  // headline says they were not read whole.
  const partly = v.partlyRead > 0 ? msg('report.verdict.partly', { partly: count(v.partlyRead), inputs }) : undefined;
  return msg('report.verdict.line', { verdict, unread: v.unread > 0 ? unreadPart(v) : undefined, partly });
}

function unreadPart(v: ReportVerdict): MessageRef {
  return msg('report.verdict.unread', { unread: count(v.unread), inputs: count(v.inputs) });
}
