// The wording of findings, walk steps and evidence as the renderers show it. A report built by this run holds
// messages (id + data), rendered here in the speaker's language; a report read back from a JSON file (a
// baseline, a report of an older version) holds the text it was written with, shown as it is.
import type { MessageRef, TextPart } from '../messages/index.js';
import type { EvidenceRef, Finding, FindingMessages, Severity, StepStatus, WalkStep, WalkStepMessages } from '../types.js';
import type { TimelineEntry } from '../fleet/index.js';
import type { WrittenLicense } from './json-machine.js';
import type { MachineReport, Report, ReportGroup } from './model.js';
import type { Speaker } from './speaker.js';

/** Evidence as a JSON report writes it: the summary in that report's language beside its message. */
export interface WrittenEvidence {
  file: string;
  record?: number;
  line?: number;
  eventId?: number;
  summary: string;
  /** Absent in reports written before messages were (and in hand-written ones). */
  message?: MessageRef;
}

/** A finding as a JSON report writes it (field order is the schema's). */
export interface WrittenFinding {
  rule: string;
  severity: Severity;
  machine?: string;
  /** The rule id of the finding this one follows from (see diagnose/causes.ts). */
  cause?: string;
  /** The rule ids of the findings that follow from this one. */
  consequences?: string[];
  title: string;
  detail: string;
  evidence: WrittenEvidence[];
  remedy: string[];
  kb: string[];
  messages?: FindingMessages;
  /** The machine's products the finding is about (Windows and Office editions). */
  products?: string[];
  evidenceTotal?: number;
}

export interface WrittenStep {
  id: string;
  step: string;
  status: StepStatus;
  evidence: WrittenEvidence[];
  collect?: string;
  note?: string;
  messages?: WalkStepMessages;
  evidenceTotal?: number;
}

export type ShownEvidence = EvidenceRef | WrittenEvidence;
export type ShownFinding = Finding | WrittenFinding;
export type ShownStep = WalkStep | WrittenStep;

export type WrittenTimelineEntry = Omit<TimelineEntry, 'message'> & { text: string; message?: TimelineEntry['message'] };
export type ShownTimelineEntry = TimelineEntry | WrittenTimelineEntry;

export function isWrittenEntry(e: ShownTimelineEntry): e is WrittenTimelineEntry {
  return typeof (e as WrittenTimelineEntry).text === 'string';
}

export function entryText(e: ShownTimelineEntry, { say }: Speaker): string {
  return isWrittenEntry(e) ? e.text : say(e.message);
}

/** A machine as reporters take it: built here, or read back from a JSON report (where a license's `source` may be left out, see json-machine.ts). */
export type ShownMachine = Omit<MachineReport, 'walk' | 'timeline' | 'licenses'> & { licenses: WrittenLicense[]; walk?: ShownStep[]; timeline?: ShownTimelineEntry[] };

/** A likely shared cause as a JSON report writes it: its sentences in that report's language beside their messages. */
export interface WrittenGroup extends Omit<ReportGroup, 'message' | 'onsetMessage'> {
  text: string;
  onsetText?: string;
  message?: ReportGroup['message'];
  onsetMessage?: ReportGroup['onsetMessage'];
}

export type ShownGroup = ReportGroup | WrittenGroup;

/** What the renderers take: a report built by this run, or one read back from its JSON. */
export interface ShownReport extends Omit<Report, 'findings' | 'machines' | 'groups' | 'verdict'> {
  findings: ShownFinding[];
  machines: ShownMachine[];
  groups?: ShownGroup[];
  /** Absent in reports written before it was (read back from their JSON): see verdictOf. */
  verdict?: Report['verdict'];
}

function isWrittenGroup(g: ShownGroup): g is WrittenGroup {
  return typeof (g as WrittenGroup).text === 'string';
}

export function groupText(g: ShownGroup, { say }: Speaker): string {
  return isWrittenGroup(g) ? g.text : say(g.message);
}

export function groupOnsetText(g: ShownGroup, { say }: Speaker): string | undefined {
  if (isWrittenGroup(g)) return g.onsetText;
  return g.onsetMessage && say(g.onsetMessage);
}

export function isWrittenFinding(f: ShownFinding): f is WrittenFinding {
  return typeof (f as WrittenFinding).title === 'string';
}

function isWrittenStep(s: ShownStep): s is WrittenStep {
  return typeof (s as WrittenStep).step === 'string';
}

function isWrittenEvidence(e: ShownEvidence): e is WrittenEvidence {
  return typeof (e as WrittenEvidence).summary === 'string';
}

export function findingTitle(f: ShownFinding, { say }: Speaker): string {
  return isWrittenFinding(f) ? f.title : say(f.messages.title);
}

/** The detail sentences, one after another. */
export function findingDetail(f: ShownFinding, { say }: Speaker): string {
  return isWrittenFinding(f) ? f.detail : f.messages.detail.map(say).join(' ');
}

export function findingRemedy(f: ShownFinding, { say }: Speaker): string[] {
  return isWrittenFinding(f) ? f.remedy : f.messages.remedy.map(say);
}

/** The remedy steps in pieces, commands apart; a report read back from JSON has text only. */
export function findingRemedyParts(f: ShownFinding, s: Speaker): TextPart[][] {
  return isWrittenFinding(f) ? f.remedy.map((text) => [{ text }]) : f.messages.remedy.map((r) => s.parts(r));
}

/** The detail sentences in pieces, commands apart. */
export function findingDetailParts(f: ShownFinding, s: Speaker): TextPart[] {
  if (isWrittenFinding(f)) return [{ text: f.detail }];
  const out: TextPart[] = [];
  f.messages.detail.forEach((d, i) => {
    if (i > 0) out.push({ text: ' ' });
    for (const part of s.parts(d)) out.push(part);
  });
  return out;
}

export function evidenceSummary(e: ShownEvidence, { say }: Speaker): string {
  return isWrittenEvidence(e) ? e.summary : say(e.message);
}

export function stepQuestion(s: ShownStep, { say }: Speaker): string {
  return isWrittenStep(s) ? s.step : say(s.messages.step);
}

export function stepNote(s: ShownStep, { say }: Speaker): string | undefined {
  if (isWrittenStep(s)) return s.note;
  return s.messages.note && say(s.messages.note);
}

export function stepCollect(s: ShownStep, { say }: Speaker): string | undefined {
  if (isWrittenStep(s)) return s.collect;
  return s.messages.collect && say(s.messages.collect);
}

/** What to collect, in pieces (commands apart). */
export function stepCollectParts(s: ShownStep, speaker: Speaker): TextPart[] | undefined {
  if (isWrittenStep(s)) return s.collect === undefined ? undefined : [{ text: s.collect }];
  return s.messages.collect && speaker.parts(s.messages.collect);
}

/**
 * Writes findings, steps and evidence the way the JSON report holds them: the text in the speaker's language
 * beside the messages. Evidence is shared between findings and steps; each is rendered once per writer.
 */
export class ReportWriter {
  private readonly evidenceDone = new Map<EvidenceRef, WrittenEvidence>();

  constructor(readonly speaker: Speaker) {}

  evidence(e: ShownEvidence): WrittenEvidence {
    if (isWrittenEvidence(e)) return e;
    let out = this.evidenceDone.get(e);
    if (out) return out;
    // The summary comes just before its message, wherever the reference put its place fields.
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(e)) {
      if (key === 'message') fields.summary = this.speaker.say(e.message);
      fields[key] = value;
    }
    this.evidenceDone.set(e, (out = fields as unknown as WrittenEvidence));
    return out;
  }

  finding(f: ShownFinding & { evidenceTotal?: number }): WrittenFinding {
    if (isWrittenFinding(f)) return f;
    const out: WrittenFinding = {
      rule: f.rule,
      severity: f.severity,
      machine: f.machine,
      ...(f.cause !== undefined ? { cause: f.cause } : {}),
      ...(f.consequences?.length ? { consequences: f.consequences } : {}),
      title: findingTitle(f, this.speaker),
      detail: findingDetail(f, this.speaker),
      evidence: f.evidence.map((e) => this.evidence(e)),
      remedy: findingRemedy(f, this.speaker),
      kb: f.kb,
      messages: f.messages,
    };
    if (f.products) out.products = f.products;
    if (f.evidenceTotal !== undefined) out.evidenceTotal = f.evidenceTotal;
    return out;
  }

  /** A timeline entry with its text beside its message (a report read back has the text already). */
  timelineEntry(e: ShownTimelineEntry): WrittenTimelineEntry {
    if (isWrittenEntry(e)) return e;
    const { time, machine, eventId, kind, message, file, record, line, ...rest } = e;
    return { time, machine, eventId, kind, text: this.speaker.say(message), file, record, line, ...rest, message };
  }

  group(g: ShownGroup): WrittenGroup {
    if (isWrittenGroup(g)) return g;
    // The sentences come right after the id, before the data they are made of.
    const { id, message, onsetMessage, ...rest } = g;
    const text = this.speaker.say(message);
    const onsetText = onsetMessage ? { onsetText: this.speaker.say(onsetMessage) } : {};
    return { id, text, ...onsetText, ...rest, message, ...(onsetMessage ? { onsetMessage } : {}) };
  }

  step(s: ShownStep & { evidenceTotal?: number }): WrittenStep {
    if (isWrittenStep(s)) return s;
    const out: WrittenStep = { id: s.id, step: stepQuestion(s, this.speaker), status: s.status, evidence: s.evidence.map((e) => this.evidence(e)) };
    const collect = stepCollect(s, this.speaker);
    if (collect !== undefined) out.collect = collect;
    const note = stepNote(s, this.speaker);
    if (note !== undefined) out.note = note;
    out.messages = s.messages;
    if (s.evidenceTotal !== undefined) out.evidenceTotal = s.evidenceTotal;
    return out;
  }
}
