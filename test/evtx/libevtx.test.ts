// Differential test against libevtx (Debian libevtx-utils 20181227, `evtxexport -f xml`) on the real
// samples in ../shared/samples/evtx, and on files made by the test writer. Runs only when both the
// samples and evtxexport are present.
//
// What "equal" means (see compare.ts): same record count and order, and per record the same
// EventRecordID, EventID, Qualifiers, TimeCreated, Provider, Channel, Computer, EventData values,
// Binary and UserData leaves, after normalizations that only undo rendering choices.
//
// Where libevtx 2018 is wrong, volact must be right instead of equal. Each such case is recognised
// by its exact signature (compare.ts classifyDiff) and counted; the counts are pinned below so a
// new kind of difference fails the test. Findings, all verified by hand:
//  - negative signed integers: libevtx prints the sign-magnitude of the unsigned value
//    (issue_39: Int32 0x80047E5F → "-295007"; the stored value is -2147188641, which volact prints);
//  - AnsiString values holding markup are printed unescaped (LiveId, issue_39); the raw libevtx text
//    holds volact's value verbatim;
//  - invalid UTF-16 (issue_43 rid 508: a lone high surrogate before U+5A1F): libevtx turns the pair
//    into one U+FFFD and loses the following character; volact keeps it and replaces only the
//    lone surrogate;
//  - characters outside the BMP are mangled (😀 → 🈁) (synthetic fixture-template);
//  - a value that is only a line break: libevtx's XML rendering prints an empty element, while its
//    own text rendering (evtxexport without -f xml) prints the "\n" that is stored; volact keeps it.
//    Found here, not in the reference list (DeepBlueCLI: 53 records, Mandumpal: 5, no_crc32: 1);
//  - a record ending exactly at the chunk end is dropped by libevtx (synthetic fixture-edge);
//  - writer files: libevtx fails on a normal (0x0d) substitution whose value is NullType ("unable to
//    substitute template value"), so the writer comparison uses only optional substitutions for nulls;
//    an element holding only optional NullType substitutions is left out by libevtx and volact alike;
//  - libevtx stops a file at the first EntityRef in an attribute (CAPI2 files) or the first
//    template-less record (WEC / fixture-plain). For those files volact must read the records
//    libevtx does export identically, and find as many records as evtxinfo counts. python-evtx
//    0.6.1 fails on the same CAPI2 files ('NullTypeNode' has no 'find_end_of_stream'), so it cannot
//    serve as a second opinion there; entity references are covered by the writer round trips.
// Damaged chunks (vss_0 files, bad chunk magic, zero-data-size, HelloForBusiness): libevtx and volact
// both stop a chunk at its first record whose framing is broken; the counts agree exactly.
import { existsSync, readdirSync, readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lacks } from '../helpers/needs.js';
import type { RawEvent } from '../../src/types.js';
import { v, writeEvtx, type EventSpec } from '../helpers/evtx-writer.js';
import { classifyDiff, diffRecord } from './compare.js';
import { evtxinfoRecordCount, hasEvtxexport, runEvtxexport, type OracleRecord } from './libevtx-oracle.js';
import { read } from './support.js';

const SAMPLES = new URL('../../../shared/samples/evtx/', import.meta.url).pathname;
const haveSamples = existsSync(SAMPLES);
const haveTool = hasEvtxexport();
const noSamples = lacks('../shared/samples/evtx', haveSamples);
const noTool = lacks('evtxexport (apt-get install libevtx-utils)', haveTool);

const sampleFiles = haveSamples
  ? readdirSync(SAMPLES).flatMap((d) => (existsSync(join(SAMPLES, d)) && !d.includes('.') ? readdirSync(join(SAMPLES, d)).filter((f) => f.endsWith('.evtx')).map((f) => join(d, f)) : []))
  : [];

/** Known libevtx failures per file: the kind of difference → how many records show it. */
const EXPECTED_KNOWN: Record<string, Record<string, number>> = {
  'omerbenamram-evtx/samples__2-system-Microsoft-Windows-LiveId%4Operational.evtx': { 'ANSI string not XML-escaped': 247 },
  'omerbenamram-evtx/samples__Application_no_crc32.evtx': { 'line-break-only value printed as empty element': 1 },
  'other/DeepBlueCLI_many-events-application.evtx': { 'line-break-only value printed as empty element': 53 },
  'other/Mandumpal_DemoApp_Application.evtx': { 'line-break-only value printed as empty element': 5 },
  'python-evtx/tests__data__issue_39.evtx': { 'negative signed integer in sign-magnitude': 23, 'ANSI string not XML-escaped': 222 },
  'python-evtx/tests__data__issue_43.evtx': { 'invalid UTF-16 swallows the next character': 1 },
  'synthetic/fixture-template.evtx': { 'character outside the BMP': 1 },
  'synthetic/fixture-edge.evtx': { 'record ending at the chunk end dropped': 1 },
};
/** Files libevtx stops early on, and why (its error message). */
const LIBEVTX_ABORTS: Record<string, RegExp> = {
  'omerbenamram-evtx/samples__E_ShadowCopy6_windows_system32_winevt_logs_Microsoft-Windows-CAPI2%4Operational.evtx': /unsupported type: 0x49/,
  'omerbenamram-evtx/samples__E_Windows_system32_winevt_logs_Microsoft-Windows-CAPI2%4Operational.evtx': /unsupported type: 0x49/,
  'omerbenamram-evtx/samples__MSExchange_Management_wec.evtx': /unsupported type: 0x05/,
  'omerbenamram-evtx/samples__issue_201.evtx': /unsupported type: 0x05/,
  'synthetic/fixture-plain.evtx': /unsupported type: 0x05/,
};

interface Comparison {
  known: Record<string, number>;
  unexplained: string[];
}

function compareAll(ours: RawEvent[], theirs: OracleRecord[], file: Buffer): Comparison {
  const known: Record<string, number> = {};
  const unexplained: string[] = [];
  const count = (k: string): void => void (known[k] = (known[k] ?? 0) + 1);
  let j = 0;
  for (const e of ours) {
    const t = theirs[j];
    if (!t) break;
    if (String(e.recordId) !== t.recordId) {
      // libevtx drops a record that ends in the last 4 bytes of its chunk (libevtx_record_values.c).
      const off = e.source.offset!;
      const size = file.readUInt32LE(off + 4);
      if ((off - 4096) % 65536 + size === 65536) {
        count('record ending at the chunk end dropped');
        continue;
      }
      unexplained.push(`record order differs: volact ${e.recordId}, libevtx ${t.recordId}`);
      break;
    }
    j++;
    if (t.unparseable) {
      unexplained.push(`rid ${e.recordId}: libevtx XML unparseable: ${t.unparseable}`);
      continue;
    }
    for (const d of diffRecord(e, t)) {
      const k = classifyDiff(d, t.raw);
      if (k) count(k);
      else unexplained.push(`rid ${e.recordId} ${d.field}: volact ${JSON.stringify(d.ours)} libevtx ${JSON.stringify(d.theirs)}`);
    }
  }
  return { known, unexplained };
}

describe.skipIf(noSamples || noTool)('EVTX reader equals libevtx evtxexport on the real samples', () => {
  it('finds sample files', () => {
    expect(sampleFiles.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of sampleFiles) {
    it(name, async () => {
      const path = join(SAMPLES, name);
      const bytes = readFileSync(path);
      const ours = (await read(bytes)).events;
      const oracle = runEvtxexport(path);
      const abort = LIBEVTX_ABORTS[name];
      if (abort) {
        expect(oracle.status).not.toBe(0);
        expect(oracle.stderr).toMatch(abort);
        expect(ours.length).toBeGreaterThan(oracle.records.length);
        expect(ours.length).toBe(evtxinfoRecordCount(path));
      } else {
        expect(oracle.status).toBe(0);
        const dropped = EXPECTED_KNOWN[name]?.['record ending at the chunk end dropped'] ?? 0;
        expect(ours.length).toBe(oracle.records.length + dropped);
      }
      const c = compareAll(ours, oracle.records, bytes);
      expect(c.unexplained).toEqual([]);
      expect(c.known).toEqual(EXPECTED_KNOWN[name] ?? {});
    });
  }
});

describe.skipIf(noTool)('libevtx reads what the test writer writes', () => {
  const spp = { provider: 'Microsoft-Windows-Security-SPP', providerGuid: '{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}', channel: 'Application', computer: 'PC1' };
  const events: EventSpec[] = Array.from({ length: 400 }, (_, i) => ({
    ...spp, recordId: i + 1, eventId: 12288 + (i % 4), qualifiers: i % 2 ? 16384 : undefined, timeCreated: `2024-03-01T10:${String(i % 60).padStart(2, '0')}:00.1234567Z`,
    userSid: i % 3 ? 'S-1-5-18' : undefined,
    ...(i % 5 === 0
      ? { nestedPayload: true, userData: { element: 'LogFileCleared', xmlns: 'urn:x', fields: [{ name: 'Channel', value: v.string(`c${i}`) }, { name: 'N', value: v.uint32(i) }] } }
      : {
        eventData: [
          { name: 'S', value: v.string(`value ${i}`) }, { name: 'H', value: v.hex32(0xc004f038) }, { name: 'G', value: v.guid('{54849625-5478-4994-a5ba-3e3b0328c30d}') },
          { name: 'Sid', value: v.sid('S-1-5-21-1-2-3') }, { name: 'FT', value: v.fileTime('2023-05-24T01:12:29.467086Z') }, { name: 'Arr', value: v.stringArray(['a', '', 'b']) },
          { name: 'U64', value: v.uint64(BigInt(i) * 1000000007n) }, { name: 'Bin', value: v.binary(Buffer.from([i & 255, 1])) }, { name: 'B', value: v.bool(i % 2 === 0) },
          { name: 'Drop', value: i % 2 ? v.null() : v.string('kept'), dropIfNull: true }, { name: 'Opt', value: v.null(), optional: true }, { name: 'Sz', value: v.sizeT(BigInt(i)) },
          { name: 'ST', value: v.sysTime('2023-05-24T01:12:29.467Z') }, { name: 'I32', value: v.int32(i) },
        ],
        binary: i % 7 === 0 ? Buffer.from('CAFE', 'hex') : undefined,
      }),
  }));

  it('every record, with the same values', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'volact-evtx-'));
    try {
      const bytes = writeEvtx(events);
      const path = join(dir, 'writer.evtx');
      writeFileSync(path, bytes);
      const oracle = runEvtxexport(path);
      expect(oracle.status).toBe(0);
      expect(oracle.records).toHaveLength(400);
      const ours = (await read(bytes)).events;
      const c = compareAll(ours, oracle.records, bytes);
      expect(c.unexplained).toEqual([]);
      expect(c.known).toEqual({});
      expect(oracle.records[6].data.slice(0, 6)).toEqual(['value 6', '0xc004f038', '{54849625-5478-4994-A5BA-3E3B0328C30D}', 'S-1-5-21-1-2-3', '2023-05-24T01:12:29.467086000Z', 'a']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
