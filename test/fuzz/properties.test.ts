// Property-based tests (fast-check) for the decoders, the slmgr parser and the readers on arbitrary input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_EVENT_IDS, decodeEvent, parseSlmgr } from '../../src/decode/index.js';
import { checkInput } from './lib/index.js';
import type { RawEvent } from '../../src/types.js';

const PROVIDERS = ['Microsoft-Windows-Security-SPP', 'Software Protection Platform Service', 'KmsRequests', 'Microsoft-Windows-Eventlog', 'Other'];
const IDS = [...ACTIVATION_EVENT_IDS];
const nasty = fc.oneof(
  fc.string(),
  fc.fullUnicodeString(),
  fc.constantFrom('', ' ', '0x', '0xC004F074', '0xFFFFFFFFFFFF', '-1', '1e999', 'NaN', '2024/13/45 25:61', '\u001b[31m', '\u202e', '\u0000', ',,,,,,,,,'),
);
/** Comma-separated values shaped like the 12288/12289/12290 payloads, with each field drawn from `nasty`. */
const csvPayload = fc.array(nasty, { maxLength: 14 }).map((parts) => parts.join(', '));

const rawEvent = fc.record({
  provider: fc.constantFrom(...PROVIDERS),
  eventId: fc.oneof(fc.constantFrom(...IDS), fc.integer({ min: 0, max: 0xffff })),
  data: fc.array(fc.oneof(nasty, csvPayload), { maxLength: 12 }),
  message: fc.option(fc.oneof(nasty, csvPayload), { nil: undefined }),
  computer: nasty,
  timeCreated: fc.constantFrom('', '2024-03-01T10:00:00Z', '2024-03-01T10:00:00.1234567Z'),
  userData: fc.option(fc.dictionary(fc.string({ maxLength: 12 }), nasty, { maxKeys: 5 }), { nil: undefined }),
}).map((r): RawEvent => ({
  source: { file: 'p', format: 'xml', line: 1 },
  provider: r.provider,
  eventId: r.eventId,
  channel: r.eventId === 12290 ? 'Key Management Service' : r.eventId === 104 ? 'System' : 'Application',
  computer: r.computer,
  timeCreated: r.timeCreated,
  data: r.data,
  ...(r.message !== undefined ? { message: r.message } : {}),
  ...(r.userData !== undefined ? { userData: r.userData } : {}),
}));

describe('decodeEvent on arbitrary events', () => {
  it('never throws, and every outcome is decoded, ignored or rejected with a reason', () => {
    fc.assert(
      fc.property(rawEvent, (event) => {
        const result = decodeEvent(event);
        expect(['decoded', 'ignored', 'rejected']).toContain(result.status);
        if (result.status === 'rejected') expect(result.reason.trim()).not.toBe('');
        if (result.status === 'decoded') for (const fact of result.facts) expect(fact.source).toEqual(event.source);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseSlmgr on arbitrary text', () => {
  const LABELS = ['Name: ', 'Description: ', 'License Status: ', 'Partial Product Key: ', 'Activation ID: ', 'Error: ', '0xC004F074', 'Volume activation expiration: ', '名前: ', 'ライセンスの状態: ', 'KMS machine name from DNS: ', 'Remaining Windows rearm count: '];
  const line = fc.oneof(nasty, fc.tuple(fc.constantFrom(...LABELS), nasty).map(([l, v]) => l + v));
  const text = fc.tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r')).map(([lines, nl]) => lines.join(nl));

  it('never throws; unknown lines carry real line numbers and text from the input', () => {
    fc.assert(
      fc.property(text, (t) => {
        const parsed = parseSlmgr(t, { file: 'p', format: 'slmgr' });
        const count = t.split(/\r\n|\r|\n/).length;
        for (const u of parsed.unknownLines) {
          expect(u.line).toBeGreaterThanOrEqual(1);
          expect(u.line).toBeLessThanOrEqual(count);
          expect(t).toContain(u.text.trim().slice(0, 20));
        }
        for (const fact of parsed.facts) expect(fact.source.file).toBe('p');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('readers on arbitrary bytes', () => {
  const TOKENS = ['<Event>', '</Event>', '<Events>', '<System>', '<EventID>12288</EventID>', '"', ',', '\r\n', 'Event[0]:', 'Log Name: ', '{"Id":12288}', '\n{', 'Name: ', 'ElfFile\0', '\u001b', '\u202e'];
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a)),
    fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })), { maxLength: 60 }).map((parts) => Buffer.from(parts.join(''))),
  );

  it('keep every property on any input, read whole or in pieces', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom(1, 3, 64, 4096), fc.boolean(), async (input, chunkSize, filter) => {
        const result = await checkInput(input, { filter, chunkSize, compareFilter: true, compareChunking: true });
        expect(result.violations).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
