// Seed inputs for the fuzzer: the project's fixtures and, when present, the shared samples, grouped by the
// reader the sniffer picks for them and cut small (a few KB; one chunk for EVTX) so mutation stays fast.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sniffArchive, sniffFormat, SNIFF_BYTES } from '../../../src/ingest/index.js';

export interface Seed {
  name: string;
  bytes: Buffer;
}

/** Seeds per reader family (the sniffer's input kind). */
export type SeedSet = Map<string, Seed[]>;

export const TEXT_SEED_BYTES = 4096;
const EVTX_HEADER = 4096;
const EVTX_CHUNK = 65536;
/** The family of zip, tar and gzip inputs, read through openInputs rather than one reader. */
export const ARCHIVE_FAMILY = 'archive';
const MAX_ARCHIVE_SEED_BYTES = 64 * 1024;
/** Skip files that are not worth cutting down (a seed needs only its beginning). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

function walk(dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries.sort()) {
    const full = path.join(dir, name);
    const info = statSync(full, { throwIfNoEntry: false });
    if (!info) continue;
    if (info.isDirectory()) walk(full, out);
    else if (info.isFile() && info.size > 0 && info.size <= MAX_FILE_BYTES) out.push(full);
  }
}

/** Cuts text at the last event or line boundary before `limit` bytes, keeping UTF-16 code units whole. */
export function cutText(bytes: Buffer, limit = TEXT_SEED_BYTES): Buffer {
  if (bytes.length <= limit) return bytes;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes[1] === 0 || bytes[0] === 0;
  const head = bytes.subarray(0, limit);
  const markers = utf16 ? [Buffer.from('</Event>', 'utf16le'), Buffer.from('\n', 'utf16le')] : [Buffer.from('</Event>'), Buffer.from('\n')];
  for (const m of markers) {
    const at = head.lastIndexOf(m);
    if (at > limit / 4) return bytes.subarray(0, (at + m.length) & (utf16 ? ~1 : ~0));
  }
  return head.subarray(0, utf16 ? limit & ~1 : limit);
}

/** The file header and the first chunk that holds records: a whole, valid, small EVTX file. */
export function cutEvtx(bytes: Buffer): Buffer {
  for (let c = EVTX_HEADER; c + EVTX_CHUNK <= bytes.length; c += EVTX_CHUNK) {
    if (bytes.toString('latin1', c, c + 8) !== 'ElfChnk\0') continue;
    const header = Buffer.from(bytes.subarray(0, EVTX_HEADER));
    return Buffer.concat([header, bytes.subarray(c, c + EVTX_CHUNK)]);
  }
  return bytes.subarray(0, EVTX_HEADER + EVTX_CHUNK);
}

export function loadSeeds(dirs: readonly string[]): SeedSet {
  const files: string[] = [];
  for (const dir of dirs) walk(dir, files);
  const set: SeedSet = new Map();
  for (const file of files) {
    if (/\.(expected\.jsonl|md|mjs|js|ts|json\.expected)$/.test(file) || path.basename(file) === 'SOURCES.txt') continue;
    const raw = readFileSync(file);
    // Archives are seeds whole (a cut zip loses its directory); they are kept small in fixtures/archives/.
    const archive = sniffArchive(raw);
    if (archive === 'zip' || archive === 'gzip' || archive === 'tar') {
      if (raw.length > MAX_ARCHIVE_SEED_BYTES) continue;
      const list = set.get(ARCHIVE_FAMILY) ?? [];
      list.push({ name: file, bytes: raw });
      set.set(ARCHIVE_FAMILY, list);
      continue;
    }
    const sniffed = sniffFormat(raw.subarray(0, SNIFF_BYTES));
    if (sniffed.kind === 'unknown') continue;
    const bytes = sniffed.kind === 'evtx' ? cutEvtx(raw) : cutText(raw);
    const list = set.get(sniffed.kind) ?? [];
    list.push({ name: file, bytes });
    set.set(sniffed.kind, list);
  }
  return set;
}
