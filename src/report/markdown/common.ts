// What the Markdown sections share: the rendering context, orders, tables, and findings grouped by machine.
import type { MessageRef } from '../../messages/index.js';
import type { Severity } from '../../types.js';
import { joinMd, md, type Markdown } from '../escape.js';
import { worstOf } from '../model.js';
import type { Worst } from '../select.js';
import type { Speaker } from '../speaker.js';
import type { ShownFinding, ShownMachine } from '../wording.js';

export interface Ctx {
  /** Our wording in the report's language. */
  s: Speaker;
  kbLink: (id: string) => Markdown;
  /** Evidence shown per finding and walk step; the rest is counted. */
  evidence: number;
  /** A machine's name where the report links it to its section (HTML), else as text. */
  machineLink: (name: string) => Markdown;
  /** Machine headings carry their anchor (HTML only: see MarkdownOptions.anchors). */
  anchors: boolean;
}

/**
 * The id of a machine's section: letters, digits and '-' as they are, every other character as `_<hex>_`, so
 * two names never share an id and no name makes anything but an in-page link.
 */
export function machineAnchor(name: string): string {
  let out = 'machine-';
  for (const c of name) out += /[A-Za-z0-9-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`;
  return out;
}

export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];
export const WORST_ORDER: Worst[] = ['error', 'warning', 'info', 'none'];

/** A table's column heads: the catalog's `<id>.0` … `<id>.<n-1>`. */
export function header(s: Speaker, id: string, n: number): Markdown {
  const names = Array.from({ length: n }, (_, i) => s.say({ id: `${id}.${i}` } satisfies MessageRef));
  return md`${joinMd(names.map((name) => md`| ${name} `), '')}|`;
}

/** A titled table; past its rows, a line saying how many more the JSON report has. */
export function table(s: Speaker, title: Markdown, head: Markdown, rule: Markdown, rows: Markdown[], total = rows.length): Markdown {
  const parts = [title, md``, head, rule, ...rows];
  if (total > rows.length) parts.push(md``, md`${s.t('report.moreRows', { n: { count: total - rows.length } })}`);
  return joinMd(parts);
}

export function findingsByMachine<F extends ShownFinding>(findings: readonly F[]): Map<string, F[]> {
  const out = new Map<string, F[]>();
  for (const f of findings) {
    if (f.machine === undefined) continue;
    const list = out.get(f.machine);
    if (list) list.push(f);
    else out.set(f.machine, [f]);
  }
  return out;
}

export function worstOfMachine(m: ShownMachine, byMachine: Map<string, ShownFinding[]>): Worst {
  if (m.worst) return m.worst;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of byMachine.get(m.name) ?? []) counts[f.severity]++;
  return worstOf(counts);
}

export function sortFindings<F extends ShownFinding>(findings: readonly F[]): F[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      (a.machine ?? '').localeCompare(b.machine ?? '') ||
      a.rule.localeCompare(b.rule),
  );
}

/** "2023-05-31 07:12 UTC" from an ISO time (minute precision, as support engineers filter exports). */
export function utcMinute(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const d = new Date(ms).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)} UTC`;
}

export function sum<T>(items: readonly T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}
