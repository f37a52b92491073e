// A machine's activation history across every file and machine of the snapshot, and the fleet's per hour or day.
// These shapes are what `volact timeline` writes (jsonl, csv) and what a machine's report section shows.
import type { MessageRef } from '../../types.js';

export type TimelineKind = 'request' | 'response' | 'host-logged' | 'state' | 'error' | 'service' | 'check';

export interface TimelineEntry {
  /** ISO UTC; '' for what has no time (slmgr text, pasted checks: collected with the snapshot, listed last). */
  time: string;
  /** Whose log holds it (a host, for 12290s about a client). */
  machine: string;
  file: string;
  record?: number;
  line?: number;
  eventId?: number;
  kind: TimelineKind;
  /** What it says. */
  message: MessageRef;
  /** The KMS host asked (12288) or that logged the request (12290). */
  host?: string;
  /** The client a 12290 names. */
  client?: string;
  /** The result code, when it is a failure. */
  result?: string;
  /** License state (state entries), as SoftwareLicensingProduct names it. */
  state?: string;
  /** The state before, when this entry is a change of state. */
  from?: string;
  /** When the state ends (ISO), where the record says. */
  expires?: string;
}

export type Bucket = 'hour' | 'day';

/** What changed in the fleet in one hour or day. */
export interface FleetTimelineBucket {
  /** ISO UTC start of the hour or day. */
  start: string;
  requests: number;
  /** Requests no 12289 answered (before the next request, within the 2-hour retry interval). */
  unanswered: number;
  /** 12289s that activated. */
  activated: number;
  /** Failed results (12288, 12289, 12290), 8198/8200/8208, 8209, slmgr errors, KMS service failures. */
  failed: number;
  /** 12290s logged by the hosts. */
  hostLogged: number;
  /** Licenses that changed into each state (SoftwareLicensingProduct names). */
  states: Record<string, number>;
}

export interface FleetTimeline {
  by: Bucket;
  /** Machines whose records were counted. */
  machines: number;
  buckets: FleetTimelineBucket[];
}
