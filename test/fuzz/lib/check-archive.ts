// The archive family's checks: the bytes are opened as an archive through `openInputs` (entries, nested
// archives, limits), and every entry must keep the properties a plain input keeps, plus: its place starts at
// the input and shows no raw control character, and `analyzeInput` accounts for each entry on its own.
import { Readable } from 'node:stream';
import { rejectedCount } from '../../../src/accounts/index.js';
import { analyzeInput } from '../../../src/read/index.js';
import { ACTIVATION_EVENT_IDS, decodeEvent, parseSlmgr } from '../../../src/decode/index.js';
import { openInputs, sniffArchive } from '../../../src/ingest/index.js';
import type { ReaderItem } from '../../../src/types.js';
import {
  FUZZ_DISPLAY, INTERNAL, describe, difference, fingerprint, itemProblem, pieces, recordCount, type CheckOptions, type CheckResult, type Violation,
} from './check.js';

interface EntryRead {
  display: string;
  kind: string;
  items: ReaderItem[];
}

interface ArchiveRead {
  entries: EntryRead[];
  thrown?: string;
}

// Raw C0/C1 controls and bidi overrides must never reach a place: names are shown escaped.
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

async function readArchive(input: Buffer, opts: Pick<CheckOptions, 'filter' | 'chunkSize'>): Promise<ArchiveRead> {
  const entries: EntryRead[] = [];
  try {
    const ctx = opts.filter ? { filter: { eventIds: ACTIVATION_EVENT_IDS } } : {};
    for await (const opened of openInputs({ path: '-', display: FUZZ_DISPLAY }, ctx, Readable.from(pieces(input, opts.chunkSize)))) {
      const entry: EntryRead = { display: opened.file.display, kind: opened.kind, items: [] };
      entries.push(entry);
      for await (const item of opened.items) entry.items.push(item);
    }
    return { entries };
  } catch (error) {
    return { entries, thrown: describe(error) };
  }
}

function archiveFingerprint(read: ArchiveRead): string[] {
  return read.entries.flatMap((e) => [`F ${e.display}`, ...fingerprint(e.items)]);
}

export async function checkArchiveInput(input: Buffer, opts: CheckOptions): Promise<CheckResult> {
  const violations: Violation[] = [];
  const read = await readArchive(input, opts);
  if (read.thrown) violations.push({ property: 'exception', detail: `escaped the archive reader: ${read.thrown}` });
  if (read.entries.length === 0 && !read.thrown) violations.push({ property: 'accounting', detail: 'the input vanished: no entry and no rejection' });

  let events = 0;
  let rejected = 0;
  let ignored = 0;
  let documents = 0;
  for (const entry of read.entries) {
    if (entry.display !== FUZZ_DISPLAY && !entry.display.startsWith(`${FUZZ_DISPLAY}!`)) {
      violations.push({ property: 'item-shape', detail: `entry place ${JSON.stringify(entry.display)} is not inside the input` });
    }
    if (RAW_CONTROL.test(entry.display)) violations.push({ property: 'item-shape', detail: `raw control character in place ${JSON.stringify(entry.display)}` });
    // A file sniffed as an export may hold no record (an XML with no event); one that was not read must say why.
    if (entry.kind === 'unknown' && !entry.items.some((i) => i.kind === 'rejected')) {
      violations.push({ property: 'accounting', detail: `entry ${JSON.stringify(entry.display)} was not read and says nothing` });
    }
    for (const item of entry.items) {
      const problem = itemProblem(item, entry.display);
      if (problem) violations.push({ property: 'item-shape', detail: `${entry.display}: ${problem}` });
      const said = item.kind === 'rejected' ? item.rejection : item.kind === 'warning' ? item.warning : undefined;
      if (said && INTERNAL.test(said.reason)) violations.push({ property: 'internal-error', detail: `${entry.display} ${said.where}: ${said.reason}` });
      try {
        if (item.kind === 'event') {
          events++;
          decodeEvent(item.event);
        } else if (item.kind === 'document') {
          documents++;
          parseSlmgr(item.document.text, item.document.source);
        } else if (item.kind === 'rejected') rejected++;
        else if (item.kind === 'ignored') ignored += item.count;
      } catch (error) {
        violations.push({ property: 'exception', detail: `escaped a decoder: ${describe(error)}` });
      }
    }
  }
  const records = events + rejected + ignored + documents;

  if (opts.compareChunking && !read.thrown) {
    const sizes = [1, 7, 512, 4096, 65536, Math.max(1, input.length)].filter((s) => s !== opts.chunkSize && (s > 64 || input.length <= 4096));
    const size = sizes[input.length % sizes.length];
    const other = await readArchive(input, { ...opts, chunkSize: size });
    const a = archiveFingerprint(read);
    const b = archiveFingerprint(other);
    const at = a.findIndex((x, i) => x !== b[i]);
    if (at >= 0 || a.length !== b.length) {
      const i = at >= 0 ? at : Math.min(a.length, b.length);
      violations.push({ property: 'chunking-changed-result', detail: `pieces of ${opts.chunkSize} vs ${size} bytes differ at item ${i}: ${difference(a[i], b[i])}` });
    }
  }

  if (opts.compareAccount && !read.thrown) {
    try {
      const results = await analyzeInput({ path: '-', display: FUZZ_DISPLAY }, { stdin: Readable.from(pieces(input, opts.chunkSize)) });
      const filtered = opts.filter ? read : await readArchive(input, { ...opts, filter: true });
      if (results.length !== filtered.entries.length) {
        violations.push({ property: 'accounting', detail: `analyzeInput gave ${results.length} accounts for ${filtered.entries.length} entries` });
      }
      results.forEach(({ account }, i) => {
        const expected = filtered.entries[i] ? recordCount(filtered.entries[i].items) : -1;
        if (account.records !== expected || account.records !== account.decoded + account.ignored + rejectedCount(account)) {
          violations.push({
            property: 'accounting',
            detail: `${account.file}: records ${account.records}, decoded ${account.decoded} + ignored ${account.ignored} + rejected ${rejectedCount(account)}; reader yielded ${expected}`,
          });
        }
      });
    } catch (error) {
      violations.push({ property: 'exception', detail: `escaped analyzeInput: ${describe(error)}` });
    }
  }

  const kind = sniffArchive(input) ?? 'not-an-archive';
  return { kind, records, events, rejected, ignored, documents, violations };
}
