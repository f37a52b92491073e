// Shapes shared by every layer of the flow (ingest → decode → evidence → diagnose → report).
// This module imports only the message shapes (the catalog sits on this same floor), so any layer may
// depend on it without breaking the one-way flow.
import type { MessageRef } from './messages/types.js';

export type { MessageRef } from './messages/types.js';

export type InputFormat = 'evtx' | 'xml' | 'csv' | 'text' | 'json' | 'jsonl' | 'slmgr' | 'network' | 'paste' | 'ospp' | 'wmi' | 'unknown';

/** Where a record came from. `record` is the event record id or ordinal, `line` 1-based, `offset` in bytes. */
export interface SourceRef {
  file: string;
  format: InputFormat;
  record?: number;
  line?: number;
  offset?: number;
}

/** What every reader yields for one event, whatever the input format. */
export interface RawEvent {
  source: SourceRef;
  provider: string;
  providerGuid?: string;
  eventSourceName?: string;
  eventId: number;
  qualifiers?: number;
  level?: number;
  channel: string;
  computer: string;
  recordId?: number;
  /** ISO-8601 UTC, e.g. 2024-03-01T10:00:00.123Z. Empty string when the input had none. */
  timeCreated: string;
  /** True when the export gave a local time without an offset (text exports); the value was read as UTC. */
  timeIsLocal?: boolean;
  /** Positional <Data> values, in order. */
  data: string[];
  namedData?: Record<string, string>;
  binary?: string;
  /** Rendered message text, when the export carries one. */
  message?: string;
  /** UserData as flat name → value (System 104 and other manifest events). */
  userData?: Record<string, string>;
}

/** A piece of input a reader could not read, with enough to find it again. */
export interface Rejection {
  /** Human-readable place: "line 12", "offset 0x10000 (chunk 1)", "record 4711". */
  where: string;
  reason: string;
  /** The reason as a catalog message, where there is one (a path that could not be opened): shown in the run's language. */
  message?: MessageRef;
  line?: number;
  offset?: number;
}

/** slmgr.vbs output (or any other whole-text document that is not a stream of events). */
export interface TextDocument {
  source: SourceRef;
  text: string;
}

/**
 * One object of a PowerShell or WMI listing (a Format-List block, a CSV row, a JSON object, a table row): its
 * properties as the export wrote them, name → value text ('' for an empty value), in the export's order.
 */
export interface PropertyObject {
  source: SourceRef;
  properties: Record<string, string>;
  /** The object's last line, when it spans several (Format-List). */
  lineEnd?: number;
  /** The class the export named (`#TYPE …SoftwareLicensingProduct`, `__CLASS`), when it named one. */
  className?: string;
}

/** A line a reader read and did not understand: listed in the report, never glued to a value. */
export interface UnknownLine {
  line: number;
  text: string;
}

/** What a reader yields. Every record it saw becomes exactly one event or one rejection. */
export type ReaderItem =
  | { kind: 'event'; event: RawEvent }
  /** A record that is an object with properties (WMI licensing classes), decoded by decode/ like an event. */
  | { kind: 'object'; object: PropertyObject }
  /** A line outside any record that the reader did not understand: not a record, but never dropped. */
  | { kind: 'unknown-line'; line: UnknownLine }
  | { kind: 'rejected'; rejection: Rejection }
  /** Damage noticed that cost no record (a checksum mismatch where every record still decoded): shown, not counted. */
  | { kind: 'warning'; warning: Rejection }
  | { kind: 'document'; document: TextDocument }
  /** Records a reader counted but did not decode because a cheap pre-filter said they are not wanted. */
  | { kind: 'ignored'; count: number; seen?: SkippedRecords };

/**
 * What a reader could tell of records it skipped, without decoding them: their record ids and newest time
 * (to find holes in a log and where a machine's evidence ends). Channel and computer when it read them.
 */
export interface SkippedRecords {
  recordIds?: number[];
  /** ISO-8601 UTC of the newest skipped record. */
  newest?: string;
  channel?: string;
  computer?: string;
}

/** A cheap pre-filter a reader may apply before decoding a record in full. */
export interface EventFilter {
  eventIds?: ReadonlySet<number>;
}

export interface ReaderContext {
  /** Display path of the input (as the user named it, or "<stdin>"). */
  file: string;
  filter?: EventFilter;
  /**
   * Zone of local times that text exports write without an offset: an IANA name ("Asia/Tokyo") or "±HH:MM".
   * Without it such times are read as UTC and the event is flagged `timeIsLocal`.
   */
  tz?: string;
}

/** Every input format has one reader of this shape; it never throws on bad input, it yields rejections. */
export type Reader = (input: AsyncIterable<Buffer>, ctx: ReaderContext) => AsyncGenerator<ReaderItem>;

export type Severity = 'error' | 'warning' | 'info';

export interface EvidenceRef {
  file: string;
  record?: number;
  line?: number;
  eventId?: number;
  /** What the record or line says, as a catalog message: reporters render it (the JSON report writes it as `summary`). */
  message: MessageRef;
}

/**
 * Shaped like a lint message: stable id, place, evidence, help. Its wording is catalog messages (id + data);
 * the reporters render them once, in the report's language (the JSON report writes `title`, `detail` and
 * `remedy` beside them).
 */
export interface Finding {
  rule: string;
  severity: Severity;
  machine?: string;
  evidence: EvidenceRef[];
  /** KB article ids (see kb/). */
  kb: string[];
  messages: FindingMessages;
  /**
   * The machine's licensed products the finding is about (Windows and Office editions), from its evidence: named
   * where a machine holds Office, so a Windows-only fleet's reports stay as they were.
   */
  products?: string[];
  /**
   * On a finding that follows from another finding on its machine: the rule id of that finding, the head of the
   * chain (a static host that does not answer is the cause of "no response"). Absent on causes and lone findings.
   */
  cause?: string;
  /** On a finding others on its machine follow from: their rule ids, in the guide's order. */
  consequences?: string[];
}

/** A finding's title, its detail sentences (read one after another) and its remedy steps. */
export interface FindingMessages {
  title: MessageRef;
  detail: MessageRef[];
  remedy: MessageRef[];
}

export type StepStatus = 'pass' | 'fail' | 'unknown';

export interface WalkStep {
  /** Stable step id, e.g. 'kms-client/threshold'. */
  id: string;
  status: StepStatus;
  evidence: EvidenceRef[];
  /** The question the guide asks (`walk.<id>`), how the status was decided, and for 'unknown' what to collect. */
  messages: WalkStepMessages;
}

export interface WalkStepMessages {
  step: MessageRef;
  note?: MessageRef;
  collect?: MessageRef;
}
