// What the input rules share: whether a file was read at all, which machine it belongs to, and where its
// unread parts are (evidence pointing at the first few rejections and unknown lines).
import type { MessageRef } from '../messages/index.js';
import type { EvidenceRef } from '../types.js';
import type { Fleet } from '../evidence/index.js';
import type { InputRead } from './rule.js';

/** Nothing of the file was read: every record it gave was rejected, or the file was turned away whole. */
export function unread(input: InputRead): boolean {
  return !input.container && input.rejectedTotal > 0 && input.decoded === 0 && input.ignored === 0;
}

/**
 * The machine a file belongs to, as the fleet spells it: the one machine it gave facts to; else the machine its
 * folder or file name gives, when the fleet has it; else the folder's (or --machine's) name even when nothing
 * of that machine was read; else none (the finding is fleet-wide: a path never opened, a forwarded log of
 * several machines, a file whose name is only a guess).
 */
export function inputMachine(input: InputRead, fleet: Fleet, owners: readonly string[]): string | undefined {
  if (owners.length === 1) return owners[0];
  if (owners.length > 1 || input.notOpened || input.machine === undefined) return undefined;
  const known = fleet.find(input.machine);
  if (known) return known.name;
  return input.machineNamed ? input.machine : undefined;
}

/** How a rule words the places it points at: a rejection (where, why) and a line no parser understood. */
export interface PlaceWords {
  rejected(where: string | undefined, reason: string): MessageRef;
  unknownLine(text: string): MessageRef;
}

/** The first few places volact could not read, rejections first, then lines no parser understood. */
export function unreadPlaces(input: InputRead, max: number, words: PlaceWords): EvidenceRef[] {
  const out: EvidenceRef[] = [];
  for (const r of input.rejected) {
    if (out.length >= max) return out;
    // A place that is a line is the evidence's own line; others ("offset 0x1000 (chunk 1)") say where in words.
    out.push(r.line !== undefined ? { file: input.file, line: r.line, message: words.rejected(undefined, r.reason) } : { file: input.file, message: words.rejected(r.where, r.reason) });
  }
  for (const u of input.unknownLines) {
    if (out.length >= max) return out;
    out.push({ file: input.file, line: u.line, message: words.unknownLine(u.text) });
  }
  return out;
}
