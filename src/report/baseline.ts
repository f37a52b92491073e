// Compares tonight's findings with a previous JSON report: what is new, what is resolved, what persists.
// A finding's identity must survive a nightly re-export, so it is rule + machine + a subject taken from the
// title with counts and times blanked out (record ids, evidence and numbers change every night; error
// codes and CMIDs do not, and they are what tells two findings of one rule apart).
import { RULES } from '../diagnose/index.js';
import { machineKey } from '../evidence/index.js';
import type { Finding, Severity } from '../types.js';
import { READABLE_SCHEMA_VERSIONS, SCHEMA_VERSION } from './model.js';
import { english, msg, NONE, type MessageRef } from '../messages/index.js';
import { MESSAGES } from './speaker.js';
import { isWrittenFinding, type ShownFinding, type WrittenFinding } from './wording.js';
import { CauseGroups } from './cause-groups.js';

export interface BaselineReport {
  schemaVersion: number;
  generatedAt?: string;
  now?: string;
  toolVersion?: string;
  findings: WrittenFinding[];
}

export interface BaselineDiff<F extends ShownFinding = Finding> {
  /** Path of the previous report. */
  file: string;
  previousGeneratedAt?: string;
  new: F[];
  /** Findings of the previous report that are gone (as the previous report wrote them). */
  resolved: WrittenFinding[];
  persisting: F[];
}

/** The previous report cannot be used: not JSON, not a volact report, or another schemaVersion. */
export class BaselineError extends Error {
  readonly ref: MessageRef;
  constructor(ref: MessageRef) {
    super(english(ref));
    this.ref = ref;
  }
}

/** A message from a JSON file names an id we have, with data we can render. */
function isKnownMessage(ref: MessageRef): boolean {
  if (typeof ref !== 'object' || ref === null || typeof ref.id !== 'string' || !MESSAGES.has(ref.id)) return false;
  try {
    MESSAGES.render(ref, 'en');
    return true;
  } catch {
    return false;
  }
}

const IDENTITY_TOKEN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|0x[0-9a-f]+|\d+/gi;

export function findingKey(finding: ShownFinding): string {
  // The English title whatever language the report was written in (a baseline from `--lang ja` still matches).
  const ref = finding.messages?.title;
  const title = ref && isKnownMessage(ref) ? MESSAGES.render(ref, 'en') : isWrittenFinding(finding) ? finding.title : '';
  const subject = title.toLowerCase().replace(IDENTITY_TOKEN, (token) => (/^\d+$/.test(token) ? '#' : token)).replace(/\s+/g, ' ').trim();
  return [finding.rule, finding.machine ? machineKey(finding.machine) : '', subject].join('\u0000');
}

export function readBaseline(text: string, file: string): BaselineReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new BaselineError(msg('baseline.not-json', { file, why: (error as Error).message }));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BaselineError(msg('baseline.not-report', { file }));
  }
  const report = parsed as Record<string, unknown>;
  const tool = report.tool as { name?: unknown; version?: unknown } | undefined;
  const version = typeof tool?.version === 'string' ? tool.version : undefined;
  if (typeof report.schemaVersion !== 'number') {
    throw new BaselineError(msg('baseline.no-schema', { file }));
  }
  // Schema 1 and 2 findings have the same fields (2 caps evidence and adds evidenceTotal), and a finding's
  // identity reads only rule, machine and title, so a nightly run keeps its baseline across the upgrade.
  if (!READABLE_SCHEMA_VERSIONS.includes(report.schemaVersion)) {
    throw new BaselineError(
      msg(report.schemaVersion < SCHEMA_VERSION ? 'baseline.older-schema' : 'baseline.newer-schema', {
        file,
        found: report.schemaVersion,
        by: version ? msg('baseline.by-version', { version }) : NONE,
        reads: { and: READABLE_SCHEMA_VERSIONS.map(String) },
      }),
    );
  }
  if (!Array.isArray(report.findings) || !report.findings.every(isFinding)) {
    throw new BaselineError(msg('baseline.bad-findings', { file }));
  }
  const out: BaselineReport = { schemaVersion: report.schemaVersion, findings: report.findings.map(completeFinding) };
  if (typeof report.generatedAt === 'string') out.generatedAt = report.generatedAt;
  if (typeof report.now === 'string') out.now = report.now;
  if (version) out.toolVersion = version;
  return out;
}

/** Matches findings by identity; several findings with one identity are matched one for one. */
export function diffBaseline<F extends ShownFinding>(current: readonly F[], previous: BaselineReport, file: string): BaselineDiff<F> {
  const waiting = new Map<string, WrittenFinding[]>();
  for (const f of previous.findings) {
    const key = findingKey(f);
    const list = waiting.get(key);
    if (list) list.push(f);
    else waiting.set(key, [f]);
  }
  const diff: BaselineDiff<F> = { file, new: [], resolved: [], persisting: [] };
  if (previous.generatedAt) diff.previousGeneratedAt = previous.generatedAt;
  for (const f of current) {
    const match = waiting.get(findingKey(f));
    if (match && match.length > 0) {
      match.shift();
      diff.persisting.push(f);
    } else diff.new.push(f);
  }
  for (const rest of waiting.values()) for (const f of rest) diff.resolved.push(f);
  return diff;
}

/** Renderers read every Finding field; a hand-trimmed baseline may lack the optional-looking ones. */
function completeFinding(f: WrittenFinding): WrittenFinding {
  return {
    ...f,
    detail: typeof f.detail === 'string' ? f.detail : '',
    evidence: Array.isArray(f.evidence) ? f.evidence : [],
    remedy: Array.isArray(f.remedy) ? f.remedy : [],
    kb: Array.isArray(f.kb) ? f.kb : [],
  };
}

const SEVERITY_VALUES: readonly Severity[] = ['error', 'warning', 'info'];

function isFinding(value: unknown): value is WrittenFinding {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return (
    typeof f.rule === 'string' &&
    typeof f.title === 'string' &&
    typeof f.severity === 'string' &&
    (SEVERITY_VALUES as readonly string[]).includes(f.severity) &&
    (f.machine === undefined || typeof f.machine === 'string')
  );
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function atOrAbove(severity: Severity, level: Severity): boolean {
  return RANK[severity] <= RANK[level];
}

export interface Verdict<F extends ShownFinding = Finding> {
  /** Findings that fail the run: the causes of what is at or above the level (a lone finding is its own cause). */
  failing: Set<F>;
  /** Causes whose findings at or above the level the baseline already had (only with failOnNew). */
  known: Set<F>;
  /** Findings at or above the level (with failOnNew, the new ones) that make the causes fail. */
  reached: number;
}

/** Rules that report a good state (kms-client/activated): news, never a reason to fail, even at --fail-on info. */
const STATE_RULES = new Set(RULES.filter((r) => r.meta.state).map((r) => r.meta.id));

/**
 * Which findings fail a check. A finding at or above `failOn` (with `failOnNew`, only one the baseline lacks)
 * fails the run through its cause: the finding it follows from on its machine, which the reporters show with
 * the consequences in its text. A warning that explains four errors is what fails, once. A good state
 * ("KMS client is activated") fails nothing.
 */
export function verdict<F extends ShownFinding>(findings: readonly F[], failOn: Severity, diff?: { new: readonly ShownFinding[] }, failOnNew = false): Verdict<F> {
  const fresh = new Set(diff?.new ?? findings);
  const groups = new CauseGroups(findings);
  const out: Verdict<F> = { failing: new Set(), known: new Set(), reached: 0 };
  for (const f of findings) {
    if (!atOrAbove(f.severity, failOn) || STATE_RULES.has(f.rule)) continue;
    const head = groups.headOf(f) ?? f;
    if (failOnNew && !fresh.has(f)) {
      if (!out.failing.has(head)) out.known.add(head);
    } else {
      out.failing.add(head);
      out.known.delete(head);
      out.reached++;
    }
  }
  return out;
}
