// Facts grouped per machine and indexed across machines for the fleet questions rules ask.
import type { Fact, KmsHostRequestFact } from '../decode/index.js';
import type { RecordSpan } from './record-ledger.js';

export type Role = 'kms-client' | 'kms-host' | 'mak' | 'unknown';

export interface Machine {
  /** Stable key (short name, lower-case). */
  key: string;
  /** Display name: the FQDN when any export gave it. */
  name: string;
  /** Every spelling of the name seen. */
  aliases: string[];
  /** CMIDs this machine reported about itself (12288, slmgr). */
  cmids: string[];
  /** Files that contributed facts. */
  files: string[];
  /** All facts that belong to this machine, in input order. */
  facts: Fact[];
  roles: Role[];
  /** Every record of this machine's files (decoded or not), as id runs per file and channel. */
  records: RecordSpan[];
  /** ISO time of the newest record in this machine's own files, ignored records included ('' when none had a time). */
  evidenceEnd: string;
}

export interface TimeRange {
  first: string;
  last: string;
}

export interface Fleet {
  machines: Machine[];
  /** Looks a machine up by FQDN, short name or IP as written anywhere. */
  find(name: string): Machine | undefined;
  /** 12290 facts per KMS host (machine key of the host whose log holds them). */
  hostRequests: Map<string, KmsHostRequestFact[]>;
  /** CMID → machine names that used it: from 12290 client names and from clients' own 12288s. */
  cmidNames: Map<string, Set<string>>;
  /** Client machine key → KMS hosts it contacted ("host:port" as in 12288). */
  clientHosts: Map<string, Set<string>>;
  /** Earliest and latest fact time per machine key ('' when none). */
  machineTimes: Map<string, TimeRange>;
  /** The clock: `--now`, else the newest record of all inputs (machines are judged by their own evidenceEnd). */
  now: string;
  /** True when `--now` pinned the clock for every machine. */
  nowPinned: boolean;
}
