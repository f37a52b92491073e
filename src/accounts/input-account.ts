// What reading one input adds up to: its account (records read, decoded, ignored, rejected, lines not
// understood) and the facts it held. read/ makes these, analyze.ts merges them, report/ and probe/ show them.
import type { FactWithOwner, RecordSpan } from '../evidence/index.js';
import type { InputFormat, Rejection, UnknownLine } from '../types.js';

/** Per input: records read = decoded + ignored + rejectedCount(account). */
export interface InputAccount {
  file: string;
  format: InputFormat;
  records: number;
  decoded: number;
  ignored: number;
  /** The first MAX_KEPT_REJECTIONS rejections, with place and reason. */
  rejected: Rejection[];
  /** Rejections counted beyond those kept: a file of junk can hold millions of bad records. */
  rejectedOmitted?: number;
  /** Damage that cost no record (e.g. an EVTX checksum mismatch where every record still decoded). */
  warnings?: Rejection[];
  /** Lines no parser rule understood (slmgr, ospp, DNS text, WMI lists): the first MAX_KEPT_REJECTIONS, shown, never dropped. */
  unknownLines?: UnknownLine[];
  /** Lines not understood beyond those kept. */
  unknownLinesOmitted?: number;
  /** The machine the file's facts without a computer name go to (what `input/unreadable` names when nothing was read). */
  machine?: string;
  /** `machine` was named (the file's snapshot or archive folder, or --machine), not guessed from the file name. */
  machineNamed?: true;
}

export interface FileResult {
  account: InputAccount;
  facts: FactWithOwner[];
  /** Every record of the file, decoded or not, as compact id runs per channel and computer. */
  records?: RecordSpan[];
  /** Set when the input was read on a worker thread (its facts are copies; the pool shared their strings again). */
  fromWorker?: true;
}

/** Every rejection of an input, kept or only counted. */
export function rejectedCount(account: Pick<InputAccount, 'rejected' | 'rejectedOmitted'>): number {
  return account.rejected.length + (account.rejectedOmitted ?? 0);
}
