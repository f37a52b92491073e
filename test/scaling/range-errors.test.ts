// The four places issue 24 found where input size made volact fail outright: an input-sized array spread into
// a call throws "RangeError: Maximum call stack size exceeded" past ~125,000 elements. Each case here is just
// over that (200,000) and must now run through.
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/decode/index.js';
import { diagnose, INTERNAL_ERROR_ID } from '../../src/diagnose/index.js';
import { namesFollowEachOther, namesByCmid } from '../../src/evidence/fleet-queries.js';
import { codeSpan } from '../../src/report/escape.js';
import { makePowerShellListReader } from '../../src/ingest/text/powershell-list.js';
import type { ReaderItem } from '../../src/types.js';
import { asked, cmidOf, fleetOf, HOST, MINUTE, served, service, START } from './facts.js';

const MANY = 200_000;

describe('a 256 KB field of backtick runs in a Markdown report', () => {
  it('gets a code span fenced longer than its longest run', () => {
    const value = '`a'.repeat(MANY / 2) + '```b' + '`c'.repeat(MANY / 2);
    const span = codeSpan(value).source;
    expect(span.startsWith('```` ')).toBe(true);
    expect(span.endsWith(' ````')).toBe(true);
    expect(span.length).toBe(value.length + 10);
  });
});

describe('a busy KMS host: 200,000 12290s', () => {
  // Nearly all from one client name; an older name used the same CMID; the service failed to start after the
  // last request it served; a client asked it after that.
  const facts: Fact[] = [service(HOST, 'start-failed', START - MINUTE, 1, { eventId: 12291, result: '0xC004F074' })];
  facts.push(served(HOST, 'old-pc.corp.contoso.com', cmidOf(1), START - 60 * MINUTE, 2));
  for (let i = 0; i < MANY; i++) facts.push(served(HOST, 'pc1.corp.contoso.com', cmidOf(1), START + i * MINUTE, i + 3));
  const end = START + MANY * MINUTE;
  facts.push(service(HOST, 'start-failed', end + MINUTE, MANY + 3, { eventId: 12291, result: '0xC004F074' }));
  facts.push(asked('pc2.corp.contoso.com', cmidOf(2), end + 24 * 60 * MINUTE, 1));
  const { findings } = diagnose(fleetOf(facts), { now: new Date(end + 48 * 60 * MINUTE).toISOString() });
  const rules = new Set(findings.filter((f) => f.machine === HOST).map((f) => f.rule));

  it('runs every rule on it without an internal error', () => {
    expect(findings.filter((f) => f.rule === INTERNAL_ERROR_ID)).toEqual([]);
  });

  it('still finds what the rules that used to throw look for', () => {
    expect(rules.has('kms-host/service-failed')).toBe(true);
    expect(rules.has('kms-host/failed-host-referenced')).toBe(true);
    expect(rules.has('kms-host/duplicate-cmid')).toBe(true);
  });

  it('compares the spans of two names when one of them has 200,000 requests', () => {
    const byName = namesByCmid(facts.filter((f) => f.kind === 'kms-host-request')).get(cmidOf(1))!;
    expect([...byName.keys()]).toEqual(['old-pc', 'pc1']);
    // old-pc stops before pc1 starts: the names follow one another.
    expect(namesFollowEachOther(byName)).toBe(true);
  });
});

describe('PowerShell Format-List with 200,000 blank lines inside a message', () => {
  it('keeps the block and reads the event after it', async () => {
    const text =
      '\r\nTimeCreated  : 1/1/2024 12:00:00 AM\r\nProviderName : Microsoft-Windows-Security-SPP\r\nId           : 16384\r\n' +
      'Message      : Successfully scheduled Software Protection service for re-start at 2024-01-02T00:00:00Z. Reason: RulesEngine.\r\n' +
      '\r\n'.repeat(MANY) +
      '               (end of message)\r\n\r\n' +
      'TimeCreated  : 1/1/2024 12:00:02 AM\r\nProviderName : Microsoft-Windows-Security-SPP\r\nId           : 12289\r\n' +
      'Message      : The client has processed an activation response from the key management service machine.\r\n' +
      '               Info:\r\n               0xC004F038, 0x04000000, 0, 0, 12, 120, 10080, 2024/01/01 00:00\r\n\r\n';
    const reader = makePowerShellListReader({ encoding: 'utf-8', bomLength: 0 });
    const items: ReaderItem[] = [];
    async function* input(): AsyncGenerator<Buffer> {
      yield Buffer.from(text, 'utf8');
    }
    for await (const item of reader(input(), { file: 'list.txt' })) items.push(item);
    expect(items.filter((i) => i.kind === 'rejected')).toEqual([]);
    const events = items.flatMap((i) => (i.kind === 'event' ? [i.event] : []));
    expect(events.map((e) => e.eventId)).toEqual([16384, 12289]);
    expect(events[0].message?.endsWith('(end of message)')).toBe(true);
    expect(events[0].message?.split('\n').length).toBe(MANY + 2);
  });
});
