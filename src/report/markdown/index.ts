// The Markdown report: renders on GitHub, GitLab and wikis, and reads well in a terminal. Its sections live
// beside this file; here they are put in reading order, in the report's language.
import type { Lang } from '../../messages/index.js';
import { codeSpan, joinMd, md, trusted, type Markdown } from '../escape.js';
import type { EvidenceLimit } from '../model.js';
import type { ShownMachine, ShownReport } from '../wording.js';
import { speaker } from '../speaker.js';
import { findingsByMachine, machineAnchor, WORST_ORDER, worstOfMachine, type Ctx } from './common.js';
import { renderFleet } from './fleet.js';
import { renderFindingsByRule } from './findings.js';
import { renderGroups } from './groups.js';
import { renderInputs } from './inputs.js';
import { renderMachine, renderOtherMachines } from './machine.js';
import { renderGenerated, renderSummary } from './summary.js';

export { COMPACT_ROWS } from './machine.js';

/** A finding can carry hundreds of records (a client retrying every 2 hours); a reader needs a few. */
export const TEXT_EVIDENCE = 3;

export interface MarkdownOptions {
  /** Renders KB article ids as links; the default points at the appendix anchors or plain ids. */
  kbLink?: (id: string) => Markdown;
  /** Sections appended after the report (e.g. the KB articles it cites). */
  appendix?: Markdown[];
  /** Language of our own wording (labels, walk questions, findings); input is never translated. */
  lang?: Lang;
  /** Evidence shown per finding and walk step (default TEXT_EVIDENCE); the rest is counted. */
  evidence?: EvidenceLimit;
  /**
   * Anchors for the HTML page: machine headings carry an id (` {#machine-…}`, which only our HTML converter
   * reads) and machine names in "Findings by rule" link to them. Plain Markdown leaves them out.
   */
  anchors?: boolean;
}

/** The report as Markdown blocks, in reading order; renderMarkdown joins them, the job summary cuts them. */
export interface MarkdownBlocks {
  head: Markdown[];
  /** One block per machine shown in full. */
  machines: Markdown[];
  tail: Markdown[];
}

export function renderMarkdown(report: ShownReport, options: MarkdownOptions = {}): string {
  const { head, machines, tail } = renderMarkdownBlocks(report, options);
  return joinMd([...head, ...machines, ...tail], '\n\n').source + '\n';
}

/**
 * The same text as renderMarkdown, block by block: a fleet's report can be tens of MB, and a writer that
 * takes the blocks one by one never holds it joined (nor its bytes) whole.
 */
export function* markdownReportChunks(report: ShownReport, options: MarkdownOptions = {}): Generator<string> {
  const { head, machines, tail } = markdownParts(report, options);
  let first = true;
  for (const blocks of [head, machines(), tail]) {
    for (const block of blocks) {
      yield first ? block.source : '\n\n' + block.source;
      first = false;
    }
  }
  yield '\n';
}

export function renderMarkdownBlocks(report: ShownReport, options: MarkdownOptions = {}): MarkdownBlocks {
  const { head, machines, tail } = markdownParts(report, options);
  return { head, machines: [...machines()], tail };
}

/** The blocks, with the machines' (the bulk of a fleet's report) rendered only as they are asked for. */
function markdownParts(report: ShownReport, options: MarkdownOptions): Omit<MarkdownBlocks, 'machines'> & { machines: () => Iterable<Markdown> } {
  const s = speaker(options.lang);
  const limit = options.evidence ?? TEXT_EVIDENCE;
  const byMachine = findingsByMachine(report.findings);
  const detailed = report.machines.filter(isDetailed);
  const linked = new Set(options.anchors ? detailed.map((m) => m.name) : []);
  const ctx: Ctx = {
    s,
    kbLink: options.kbLink ?? ((id: string) => codeSpan(id)),
    evidence: limit === 'all' ? Infinity : limit,
    machineLink: (name) => (linked.has(name) ? md`[${name}](${trusted(`#${machineAnchor(name)}`)})` : md`${name}`),
    anchors: options.anchors === true,
  };
  const causes = new Map<string, string>();
  for (const m of report.machines) if (m.cause !== undefined) causes.set(m.name, m.cause);
  const rest = report.machines.filter((m) => !isDetailed(m));
  const sorted = [...detailed].sort((a, b) => WORST_ORDER.indexOf(worstOfMachine(a, byMachine)) - WORST_ORDER.indexOf(worstOfMachine(b, byMachine)));
  const groups = renderGroups(report.groups, s);
  const head: Markdown[] = [
    md`# ${s.t('report.title')}`,
    renderGenerated(report, s),
    renderSummary(report, s, byMachine),
    ...(groups ? [groups] : []),
    renderFindingsByRule(report.findings, ctx, causes),
    ...renderFleet(report.fleet, report.findings, ctx),
  ];
  const tail: Markdown[] = [];
  const others = renderOtherMachines(rest, byMachine, s);
  if (others) tail.push(others);
  tail.push(renderInputs(report.inputs, s));
  for (const a of options.appendix ?? []) tail.push(a);
  const machines = function* (): Generator<Markdown> {
    for (const m of sorted) yield renderMachine(m, byMachine.get(m.name) ?? [], ctx);
  };
  return { head, machines, tail };
}

/** Schema-1 reports (an old JSON file) have no `detail`: every machine was shown in full then. */
function isDetailed(m: ShownMachine): boolean {
  return m.detail ?? true;
}
