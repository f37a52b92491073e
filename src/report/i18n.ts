// Report wording in English and Japanese, served from the message catalog (src/messages). Input values
// are never translated; findings and walk steps are re-rendered from their messages (localize.ts).
import type { ExpiryRange, KmsHostView } from '../fleet/index.js';
import { CATALOG, count, render, time, type Lang, type MessageArg } from '../messages/index.js';
import type { Severity } from '../types.js';
import type { Worst } from './select.js';

export { LANGS, type Lang } from '../messages/index.js';

export interface ReportText {
  title: string;
  generated: (at: string, version: string, now: string) => string;
  unknownNow: string;
  perMachineNow: (newest: string) => string;
  summary: string;
  inputs: string;
  inputsValue: (n: number, withRejections: number) => string;
  records: string;
  recordsValue: (read: number, decoded: number, ignored: number, rejected: number) => string;
  machines: string;
  findings: string;
  findingsValue: (errors: number, warnings: number, info: number) => string;
  noFindings: string;
  severityHead: string;
  machineHead: string;
  ruleHead: string;
  findingHead: string;
  fleetMachine: string;
  severity: Record<Severity, string>;
  roles: string;
  alsoSeenAs: string;
  license: string;
  minutesLeft: (minutes: number) => string;
  basis: Record<'slmgr' | '12288' | '8230', string>;
  until: (iso: string) => string;
  files: string;
  evidenceEnds: (utc: string) => string;
  walk: string;
  stepHead: string;
  evidenceHead: string;
  andMore: (n: number) => string;
  collect: string;
  record: string;
  line: string;
  event: string;
  evidence: string;
  moreEvidence: (n: number) => string;
  whatToDo: string;
  see: string;
  fleet: string;
  fleetFindings: string;
  statusView: string;
  statusHead: [string, string];
  rangeView: string;
  rangeHead: [string, string];
  ranges: Record<ExpiryRange, string>;
  soonView: string;
  soonHead: [string, string, string, string, string];
  productsView: string;
  productsHead: [string, string, string, string, string];
  hostsView: string;
  hostsHead: [string, string, string, string, string, string];
  noneLogged: string;
  from12290: string;
  duplicatesView: string;
  duplicatesHead: [string, string];
  unseenView: string;
  unseenHead: [string, string];
  absentClientsView: (host: string) => string;
  absentClientsHead: [string, string, string, string, string];
  moreRows: (n: number) => string;
  inputsHead: [string, string, string, string, string, string];
  rejectedRecords: string;
  moreRejected: (n: number) => string;
  warnings: string;
  unknownLines: string;
  verdict: (errors: number, warnings: number, machines: number) => string;
  machinesByWorst: string;
  worst: Record<Worst, string>;
  findingsByRule: string;
  findingsByRuleHead: [string, string, string, string, string];
  moreMachines: (n: number) => string;
  healthyMachines: string;
  otherMachines: string;
  compactHead: [string, string, string, string, string, string];
  compactOmitted: (n: number) => string;
  detailHint: string;
  otherInputs: (files: number, formats: string, records: number, decoded: number, ignored: number) => string;
  moreInputRows: (n: number) => string;
  summaryCut: (shown: number, machinesLeft: number) => string;
  /** "3 d", "5 h", "12 min", "2 d ago". */
  timeLeft: (minutes: number) => string;
  /** How a KMS host stands with DNS publishing (fleet view 05A). */
  dnsPublishing: Record<KmsHostView['dnsPublishing'], string>;
}

/** One language's report wording, read from the message catalog (`report.*`). */
function textFor(lang: Lang): ReportText {
  const say = (id: string, data?: Record<string, MessageArg>): string => render({ id, ...(data ? { data } : {}) }, lang);
  const tuple = <N extends number>(id: string, n: N): string[] => Array.from({ length: n }, (_, i) => say(`${id}.${i}`));
  return {
    title: say('report.title'),
    generated: (at, version, now) => say('report.generated', { at, version, now }),
    unknownNow: say('report.unknownNow'),
    summary: say('report.summary'),
    inputs: say('report.inputs'),
    inputsValue: (n, r) => say('report.inputsValue', { n: count(n), r: count(r) }),
    records: say('report.records'),
    recordsValue: (read, decoded, ignored, rejected) =>
      say('report.recordsValue', { read: count(read), decoded: count(decoded), ignored: count(ignored), rejected: count(rejected) }),
    machines: say('report.machines'),
    findings: say('report.findings'),
    findingsValue: (e, w, i) => say('report.findingsValue', { e: count(e), w: count(w), i: count(i) }),
    noFindings: say('report.noFindings'),
    severityHead: say('report.severityHead'),
    machineHead: say('report.machineHead'),
    ruleHead: say('report.ruleHead'),
    findingHead: say('report.findingHead'),
    fleetMachine: say('report.fleetMachine'),
    severity: { error: say('report.severity.error'), warning: say('report.severity.warning'), info: say('report.severity.info') },
    roles: say('report.roles'),
    alsoSeenAs: say('report.alsoSeenAs'),
    license: say('report.license'),
    minutesLeft: (m) => (m < 0 ? say('report.minutesLeft.ended', { m: count(-m) }) : say('report.minutesLeft.left', { m: count(m) })),
    basis: { slmgr: say('report.basis.slmgr'), '12288': say('report.basis.12288'), '8230': say('report.basis.8230') },
    // English keeps the ISO stamp it always printed; Japanese gets its own date form (both in UTC).
    until: (iso) => say('report.until', { iso: lang === 'en' ? iso : time(iso) }),
    files: say('report.files'),
    walk: say('report.walk'),
    stepHead: say('report.stepHead'),
    evidenceHead: say('report.evidenceHead'),
    andMore: (n) => say('report.andMore', { n: count(n) }),
    collect: say('report.collect'),
    record: say('report.record'),
    line: say('report.line'),
    event: say('report.event'),
    evidence: say('report.evidence'),
    moreEvidence: (n) => say('report.moreEvidence', { n: count(n) }),
    whatToDo: say('report.whatToDo'),
    see: say('report.see'),
    fleet: say('report.fleet'),
    fleetFindings: say('report.fleetFindings'),
    statusView: say('report.statusView'),
    statusHead: tuple('report.statusHead', 2) as ReportText['statusHead'],
    rangeView: say('report.rangeView'),
    rangeHead: tuple('report.rangeHead', 2) as ReportText['rangeHead'],
    ranges: Object.fromEntries(EXPIRY_RANGES.map((r) => [r, say(`report.ranges.${r}`)])) as Record<ExpiryRange, string>,
    soonView: say('report.soonView'),
    soonHead: tuple('report.soonHead', 5) as ReportText['soonHead'],
    productsView: say('report.productsView'),
    productsHead: tuple('report.productsHead', 5) as ReportText['productsHead'],
    hostsView: say('report.hostsView'),
    hostsHead: tuple('report.hostsHead', 6) as ReportText['hostsHead'],
    noneLogged: say('report.noneLogged'),
    from12290: say('report.from12290'),
    duplicatesView: say('report.duplicatesView'),
    duplicatesHead: tuple('report.duplicatesHead', 2) as ReportText['duplicatesHead'],
    unseenView: say('report.unseenView'),
    unseenHead: tuple('report.unseenHead', 2) as ReportText['unseenHead'],
    moreRows: (n) => say('report.moreRows', { n: count(n) }),
    inputsHead: tuple('report.inputsHead', 6) as ReportText['inputsHead'],
    rejectedRecords: say('report.rejectedRecords'),
    moreRejected: (n) => say('report.moreRejected', { n: count(n) }),
    warnings: say('report.warnings'),
    unknownLines: say('report.unknownLines'),
    verdict: (e, w, n) =>
      e + w === 0 ? say('report.verdict.none', { n: count(n) }) : say('report.verdict.some', { bad: count(e + w), n: count(n), e: count(e), w: count(w) }),
    machinesByWorst: say('report.machinesByWorst'),
    worst: { error: say('report.worst.error'), warning: say('report.worst.warning'), info: say('report.worst.info'), none: say('report.worst.none') },
    findingsByRule: say('report.findingsByRule'),
    findingsByRuleHead: tuple('report.findingsByRuleHead', 5) as ReportText['findingsByRuleHead'],
    moreMachines: (n) => say('report.moreMachines', { n: count(n) }),
    healthyMachines: say('report.healthyMachines'),
    otherMachines: say('report.otherMachines'),
    compactHead: tuple('report.compactHead', 6) as ReportText['compactHead'],
    compactOmitted: (n) => say('report.compactOmitted', { n: count(n) }),
    detailHint: say('report.detailHint'),
    otherInputs: (files, formats, records, decoded, ignored) =>
      say('report.otherInputs', { files: count(files), formats, records: count(records), decoded: count(decoded), ignored: count(ignored) }),
    moreInputRows: (n) => say('report.moreInputRows', { n: count(n) }),
    summaryCut: (shown, left) => say('report.summaryCut', { shown: count(shown), left: count(left) }),
    perMachineNow: (newest) => say('report.perMachineNow', { newest }),
    evidenceEnds: (utc) => say('report.evidenceEnds', { utc }),
    absentClientsView: (host) => say('report.absentClientsView', { host }),
    absentClientsHead: tuple('report.absentClientsHead', 5) as ReportText['absentClientsHead'],
    dnsPublishing: { ok: say('report.dns.ok'), failed: say('report.dns.failed'), disabled: say('report.dns.disabled'), unknown: say('report.dns.unknown') },
    timeLeft: (minutes) => {
      const abs = Math.abs(minutes);
      const text =
        abs >= 2 * 24 * 60
          ? say('report.timeLeft.days', { n: count(Math.floor(abs / (24 * 60))) })
          : abs >= 60
            ? say('report.timeLeft.hours', { n: count(Math.floor(abs / 60)) })
            : say('report.timeLeft.minutes', { n: count(abs) });
      return minutes < 0 ? say('report.timeLeft.ago', { text }) : text;
    },
  };
}

const EXPIRY_RANGES: readonly ExpiryRange[] = ['expired', '0-7d', '8-30d', '31-60d', '61-90d', '>90d'];

export const REPORT_TEXT: Record<Lang, ReportText> = { en: textFor('en'), ja: textFor('ja') };

/** The walk's questions in Japanese, by step id (the catalog's `walk.<step id>`). */
export const STEP_QUESTIONS_JA: Readonly<Record<string, string>> = Object.fromEntries(
  Object.keys(CATALOG)
    .filter((id) => id.startsWith('walk.') && !id.startsWith('walk.note.') && !id.startsWith('walk.collect.'))
    .map((id) => [id.slice('walk.'.length), render({ id }, 'ja')]),
);
