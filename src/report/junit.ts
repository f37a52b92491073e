// JUnit XML for CI test-report viewers: one suite per machine, one test case per machine × rule. A rule that
// fired at or above --fail-on is a failure carrying its evidence (a cause carries the findings that follow from
// it, whose own cases are skipped); a finding known from the baseline (with --fail-on-new) is skipped; everything
// else passes, so a test's history shows when a machine went red. Each input with problems is a case of its own
// (a file that could not be read is skipped: nothing in it was judged), and a run that read or judged nothing
// is an error, never an empty pass.
import { RULES } from '../diagnose/index.js';
import type { Lang } from '../messages/index.js';
import { CauseGroups } from './cause-groups.js';
import { speaker, type Speaker } from './speaker.js';
import { verdictMessage, verdictOf } from './verdict.js';
import { evidenceSummary, findingDetail, findingRemedy, findingTitle, type ShownEvidence, type ShownFinding, type ShownMachine, type ShownReport } from './wording.js';

export interface JunitOptions {
  /** Findings that fail the run. */
  failing: ReadonlySet<ShownFinding>;
  /** Findings that would fail but were already in the baseline (--fail-on-new): reported as skipped. */
  known?: ReadonlySet<ShownFinding>;
  /** Rule ids that ran; each machine gets a test case for those of its roles' areas. */
  ruleIds?: readonly string[];
  /** Language of the findings' wording (the test report's own frame is English). */
  lang?: Lang;
}

/** Rule areas that speak to a machine of each role; the others are for every machine. */
const ROLE_AREAS: Record<string, readonly string[]> = {
  'kms-client': ['kms-client'],
  'kms-host': ['kms-host'],
  mak: ['mak'],
  unknown: [],
};
const ROLE_SPECIFIC_AREAS = new Set(Object.values(ROLE_AREAS).flat());
const FLEET_SUITE = 'fleet';
/** Rules about input files: a case per file with problems, never one per machine that passes. */
const INPUT_RULES = new Set(RULES.filter((r) => r.meta.scope === 'input').map((r) => r.meta.id));
/** Rules that report a good state (kms-client/activated): a case only where they fired, never a "pass" where they did not. */
const STATE_RULES = new Set(RULES.filter((r) => r.meta.state).map((r) => r.meta.id));

interface Case {
  /** The test case's name: the rule id, and for an input rule the file. */
  name: string;
  rule: string;
  findings: ShownFinding[];
}

export function renderJunit(report: ShownReport, options: JunitOptions): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  let errors = 0;
  const groups = new CauseGroups(report.findings);
  const byMachine = new Map<string, ShownFinding[]>();
  for (const f of report.findings) {
    const key = f.machine ?? '';
    const list = byMachine.get(key);
    if (list) list.push(f);
    else byMachine.set(key, [f]);
  }
  const addSuite = (name: string, cases: Case[], properties: Array<[string, string]>): void => {
    const body: string[] = [];
    let suiteFailures = 0;
    let suiteSkipped = 0;
    for (const c of cases) {
      const outcome = caseXml(name, c, options, groups);
      if (outcome.kind === 'failure') suiteFailures++;
      if (outcome.kind === 'skipped') suiteSkipped++;
      body.push(outcome.xml);
    }
    tests += cases.length;
    failures += suiteFailures;
    skipped += suiteSkipped;
    const props = properties.length > 0 ? `\n    <properties>\n${properties.map(([k, v]) => `      <property name=${attr(k)} value=${attr(v)}/>`).join('\n')}\n    </properties>` : '';
    suites.push(
      `  <testsuite name=${attr(name)} tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}" time="0" timestamp=${attr(report.generatedAt.replace(/\.\d+Z$/, ''))}>${props}\n${body.join('\n')}\n  </testsuite>`,
    );
  };

  for (const machine of report.machines) {
    addSuite(machine.name, casesFor(machine, byMachine.get(machine.name) ?? [], options.ruleIds), [
      ['roles', machine.roles.join(',')],
      ['files', String(machine.files.length)],
    ]);
  }
  // Findings for no machine, or for a machine the report does not list, still appear.
  const listed = new Set(report.machines.map((m) => m.name));
  for (const [machine, findings] of byMachine) {
    if (machine !== '' && listed.has(machine)) continue;
    addSuite(machine || FLEET_SUITE, groupByRule(findings), []);
  }
  // Nothing read (or nothing judged) is no pass: one error case says why, in the run's language.
  const v = verdictOf(report);
  if (v.status === 'nothing-read' || v.status === 'no-machines') {
    const name = v.status === 'nothing-read' ? 'volact/nothing-read' : 'volact/nothing-judged';
    const said = speaker(options.lang).say(verdictMessage(v));
    suites.push(
      `  <testsuite name="volact" tests="1" failures="0" errors="1" skipped="0" time="0" timestamp=${attr(report.generatedAt.replace(/\.\d+Z$/, ''))}>\n    <testcase classname="volact.volact" name=${attr(name)} time="0">\n      <error message=${attr(said)} type="input">${text(said)}</error>\n    </testcase>\n  </testsuite>`,
    );
    tests++;
    errors++;
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="volact" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function casesFor(machine: ShownMachine, findings: ShownFinding[], ruleIds: readonly string[] | undefined): Case[] {
  const cases = new Map<string, Case>();
  const areas = new Set(machine.roles.flatMap((r) => ROLE_AREAS[r] ?? []));
  for (const id of ruleIds ?? []) {
    const area = id.split('/')[0];
    if (INPUT_RULES.has(id) || STATE_RULES.has(id)) continue;
    if (!ROLE_SPECIFIC_AREAS.has(area) || areas.has(area)) cases.set(id, { name: id, rule: id, findings: [] });
  }
  addFindings(cases, findings);
  // Without any rule to report, the machine still shows up as one passing test.
  if (cases.size === 0) cases.set('volact/no-findings', { name: 'volact/no-findings', rule: 'volact/no-findings', findings: [] });
  return [...cases.values()];
}

function groupByRule(findings: ShownFinding[]): Case[] {
  const cases = new Map<string, Case>();
  addFindings(cases, findings);
  return [...cases.values()];
}

/** Each finding into its rule's case; an input rule's finding into a case of its own file. */
function addFindings(cases: Map<string, Case>, findings: readonly ShownFinding[]): void {
  for (const f of findings) {
    const name = INPUT_RULES.has(f.rule) && f.evidence[0] ? `${f.rule} ${f.evidence[0].file}` : f.rule;
    const c = cases.get(name);
    if (c) c.findings.push(f);
    else cases.set(name, { name, rule: f.rule, findings: [f] });
  }
}

function caseXml(suite: string, c: Case, options: JunitOptions, groups: CauseGroups<ShownFinding>): { kind: 'pass' | 'failure' | 'skipped'; xml: string } {
  const s = speaker(options.lang);
  const findingText = (f: ShownFinding): string => findingBody(f, s, groups.consequencesOf(f));
  const open = `    <testcase classname=${attr(`volact.${suite}`)} name=${attr(c.name)} time="0"`;
  const failing = c.findings.filter((f) => options.failing.has(f));
  if (failing.length > 0) {
    const first = failing[0];
    const title = findingTitle(first, s);
    const message = failing.length === 1 ? title : `${title} (+${failing.length - 1} more)`;
    const body = failing.map(findingText).join('\n\n');
    return { kind: 'failure', xml: `${open}>\n      <failure message=${attr(message)} type=${attr(first.severity)}>${text(body)}</failure>\n    </testcase>` };
  }
  const known = c.findings.filter((f) => options.known?.has(f));
  if (known.length > 0) {
    return { kind: 'skipped', xml: `${open}>\n      <skipped message=${attr(`known since the baseline: ${findingTitle(known[0], s)}`)}/>\n    </testcase>` };
  }
  // A consequence is judged with its cause: its case says where, instead of failing a second time.
  const head = c.findings.length > 0 ? groups.headOf(c.findings[0]) : undefined;
  if (head) {
    const message = `follows from ${head.rule}: ${findingTitle(head, s)}`;
    return { kind: 'skipped', xml: `${open}>\n      <skipped message=${attr(message)}/>\n      <system-out>${text(c.findings.map(findingText).join('\n\n'))}</system-out>\n    </testcase>` };
  }
  // A file nothing was read from was not judged: not a pass.
  if (c.rule === 'input/unreadable') {
    const message = findingTitle(c.findings[0], s);
    return { kind: 'skipped', xml: `${open}>\n      <skipped message=${attr(message)}/>\n      <system-out>${text(c.findings.map(findingText).join('\n\n'))}</system-out>\n    </testcase>` };
  }
  if (c.findings.length > 0) {
    return { kind: 'pass', xml: `${open}>\n      <system-out>${text(c.findings.map(findingText).join('\n\n'))}</system-out>\n    </testcase>` };
  }
  return { kind: 'pass', xml: `${open}/>` };
}

function findingBody(f: ShownFinding, s: Speaker, consequences: readonly ShownFinding[] = []): string {
  const lines = [`[${f.severity}] ${f.rule}: ${findingTitle(f, s)}`, findingDetail(f, s)];
  if (consequences.length > 0) lines.push(`${s.t('report.followsFrom')}:`);
  for (const c of consequences) lines.push(`- [${c.severity}] ${c.rule}: ${findingTitle(c, s)}`);
  if (f.evidence.length > 0) lines.push('Evidence:');
  for (const e of f.evidence) lines.push(`- ${evidenceLine(e, s)}`);
  const remedy = findingRemedy(f, s);
  if (remedy.length > 0) lines.push('What to do:');
  remedy.forEach((r, i) => lines.push(`${i + 1}. ${r}`));
  if (f.kb.length > 0) lines.push(`See: ${f.kb.join(', ')} (volact explain <id>)`);
  return lines.filter((l) => l !== '').join('\n');
}

function evidenceLine(e: ShownEvidence, s: Speaker): string {
  const place = e.record !== undefined ? ` record ${e.record}` : e.line !== undefined ? ` line ${e.line}` : '';
  const event = e.eventId !== undefined ? ` (event ${e.eventId})` : '';
  return `${e.file}${place}${event}: ${evidenceSummary(e, s)}`;
}

// Characters XML 1.0 cannot carry at all (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) are
// written as visible \u{…} escapes: input names must never make the document unparseable.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(value: string): string {
  return value.replace(NOT_XML, (c) => `\\u{${c.charCodeAt(0).toString(16).padStart(4, '0')}}`);
}

/** A quoted attribute value. Newlines and tabs are character references so parsers keep them. */
export function attr(value: string): string {
  const escaped = visible(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
  return `"${escaped}"`;
}

/** Element text. `]]>` cannot appear because '>' is always escaped. */
export function text(value: string): string {
  return visible(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}
