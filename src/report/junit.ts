// JUnit XML for CI test-report viewers: one suite per machine, one test case per machine × rule. A rule that
// fired at or above --fail-on is a failure carrying its evidence; a finding known from the baseline (with
// --fail-on-new) is skipped; everything else passes, so a test's history shows when a machine went red.
import type { Lang } from '../messages/index.js';


import { speaker, type Speaker } from './speaker.js';
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

interface Case {
  rule: string;
  findings: ShownFinding[];
}

export function renderJunit(report: ShownReport, options: JunitOptions): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
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
      const outcome = caseXml(name, c, options);
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
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="volact" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="0">`,
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
    if (!ROLE_SPECIFIC_AREAS.has(area) || areas.has(area)) cases.set(id, { rule: id, findings: [] });
  }
  for (const f of findings) {
    const c = cases.get(f.rule);
    if (c) c.findings.push(f);
    else cases.set(f.rule, { rule: f.rule, findings: [f] });
  }
  // Without any rule to report, the machine still shows up as one passing test.
  if (cases.size === 0) cases.set('volact/no-findings', { rule: 'volact/no-findings', findings: [] });
  return [...cases.values()];
}

function groupByRule(findings: ShownFinding[]): Case[] {
  const cases = new Map<string, Case>();
  for (const f of findings) {
    const c = cases.get(f.rule);
    if (c) c.findings.push(f);
    else cases.set(f.rule, { rule: f.rule, findings: [f] });
  }
  return [...cases.values()];
}

function caseXml(suite: string, c: Case, options: JunitOptions): { kind: 'pass' | 'failure' | 'skipped'; xml: string } {
  const s = speaker(options.lang);
  const findingText = (f: ShownFinding): string => findingBody(f, s);
  const open = `    <testcase classname=${attr(`volact.${suite}`)} name=${attr(c.rule)} time="0"`;
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
  if (c.findings.length > 0) {
    return { kind: 'pass', xml: `${open}>\n      <system-out>${text(c.findings.map(findingText).join('\n\n'))}</system-out>\n    </testcase>` };
  }
  return { kind: 'pass', xml: `${open}/>` };
}

function findingBody(f: ShownFinding, s: Speaker): string {
  const lines = [`[${f.severity}] ${f.rule}: ${findingTitle(f, s)}`, findingDetail(f, s)];
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
