// nslookup, Resolve-DnsName and Test-NetConnection text as customers paste it (English and Japanese,
// UTF-8, UTF-16LE with BOM, Shift_JIS) → dns-srv-lookup and port-check facts, through the real reader.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/analyze.js';
import { parseNetworkText, type DnsSrvLookupFact, type Fact, type PortCheckFact } from '../../src/decode/index.js';

const DIR = 'fixtures/network';

async function read(name: string): Promise<{ facts: Fact[]; format: string; unknown: number; rejected: number; warnings: number }> {
  const file = path.join(DIR, name);
  const { account, facts } = await analyzeFile({ path: file, display: file });
  return { facts: facts.map((f) => f.fact), format: account.format, unknown: account.unknownLines?.length ?? 0, rejected: account.rejected.length, warnings: account.warnings?.length ?? 0 };
}

const strip = (f: Fact): Record<string, unknown> => {
  const { source, computer, time, ...rest } = f as Fact & Record<string, unknown>;
  void computer;
  void time;
  return { ...rest, line: source.line };
};

describe('nslookup -type=srv', () => {
  it('reads an English answer with two targets, their addresses and the server', async () => {
    const r = await read('nslookup-en-answer.txt');
    expect(r).toMatchObject({ format: 'network', unknown: 0, rejected: 0 });
    expect(r.facts.map(strip)).toEqual([
      {
        line: 2,
        kind: 'dns-srv-lookup',
        tool: 'nslookup',
        query: '_vlmcs._tcp.contoso.com',
        domain: 'contoso.com',
        server: 'dc01.contoso.com',
        serverAddress: '10.0.0.10',
        outcome: 'answer',
        records: [
          { priority: 0, weight: 0, port: 1688, target: 'kms01.contoso.com', addresses: ['10.0.0.20'] },
          { priority: 10, weight: 0, port: 1688, target: 'kms02.contoso.com', addresses: ['10.0.0.21'] },
        ],
      },
    ]);
  });

  it('reads a Japanese Shift_JIS answer: "サーバー: UnKnown", 権限のない回答', async () => {
    const r = await read('nslookup-ja-answer-sjis.txt');
    expect(r.unknown).toBe(0);
    expect(r.facts.map(strip)).toEqual([
      expect.objectContaining({
        server: 'UnKnown',
        serverAddress: '10.0.0.10',
        nonAuthoritative: true,
        outcome: 'answer',
        domain: 'contoso.co.jp',
        records: [{ priority: 0, weight: 0, port: 1688, target: 'kms01.contoso.co.jp', addresses: ['192.168.10.5'] }],
      }),
    ]);
  });

  it.each([
    ['nslookup-en-nxdomain.txt', 'name-error', 'Non-existent domain', '_vlmcs._tcp.contoso.com'],
    ['nslookup-ja-nxdomain.txt', 'name-error', 'Non-existent domain', '_vlmcs._tcp.contoso.co.jp'],
    ['nslookup-en-timeout.txt', 'timeout', 'DNS request timed out.', '_vlmcs._tcp.contoso.com'],
    ['nslookup-ja-timeout.txt', 'timeout', 'DNS 要求がタイムアウトしました。', ''],
    ['nslookup-en-no-srv.txt', 'no-records', 'no SRV record', ''],
  ])('%s → %s', async (name, outcome, detail, query) => {
    const r = await read(name);
    expect(r.unknown).toBe(0);
    expect(r.facts).toHaveLength(1);
    const f = r.facts[0] as DnsSrvLookupFact;
    expect(f).toMatchObject({ kind: 'dns-srv-lookup', outcome, query, records: [] });
    expect(f.detail).toContain(detail);
  });
});

describe('Resolve-DnsName -Type SRV', () => {
  it('reads the table form (UTF-16LE with BOM) and the additional A record below it', async () => {
    const r = await read('resolve-dnsname-en-table-utf16le.txt');
    expect(r.unknown).toBe(0);
    expect(r.facts.map(strip)).toEqual([
      {
        line: 2,
        kind: 'dns-srv-lookup',
        tool: 'resolve-dnsname',
        query: '_vlmcs._tcp.contoso.com',
        domain: 'contoso.com',
        outcome: 'answer',
        records: [{ priority: 0, weight: 0, port: 1688, target: 'kms01.contoso.com', addresses: ['10.0.0.20'], ttl: 600 }],
      },
    ]);
  });

  it('reads the list form with two targets', async () => {
    const r = await read('resolve-dnsname-en-list.txt');
    expect(r.unknown).toBe(0);
    const f = r.facts[0] as DnsSrvLookupFact;
    expect(f.records.map((x) => `${x.target}:${x.port}`)).toEqual(['kms01.contoso.com:1688', 'kms03.contoso.com:1690']);
    expect(f.records[0]?.addresses).toEqual(['10.0.0.20']);
    expect(f.records[1]?.addresses).toBeUndefined();
  });

  it.each([
    ['resolve-dnsname-en-error.txt', 'name-error', 'DNS name does not exist (DNS_ERROR_RCODE_NAME_ERROR)', '_vlmcs._tcp.contoso.com'],
    ['resolve-dnsname-ja-error-utf16le.txt', 'name-error', 'DNS 名が存在しません (DNS_ERROR_RCODE_NAME_ERROR)', '_vlmcs._tcp.contoso.co.jp'],
    ['resolve-dnsname-en-timeout.txt', 'timeout', 'This operation returned because the timeout period expired (ERROR_TIMEOUT)', '_vlmcs._tcp.contoso.com'],
  ])('%s → %s', async (name, outcome, detail, query) => {
    const r = await read(name);
    expect(r.unknown).toBe(0);
    expect(r.facts.map(strip)).toEqual([expect.objectContaining({ line: 1, outcome, detail, query, records: [] })]);
  });
});

describe('Test-NetConnection -Port', () => {
  it.each([
    ['tnc-en-open.txt', { host: 'kms01.contoso.com', address: '10.0.0.20', port: 1688, outcome: 'open', warnings: [] }],
    ['tnc-en-failed.txt', { host: 'kms02.contoso.com', address: '10.0.0.21', port: 1688, outcome: 'failed', pingSucceeded: false, warnings: ['TCP connect to (10.0.0.21 : 1688) failed', 'Ping to 10.0.0.21 failed with status: TimedOut'] }],
    ['tnc-ja-failed-utf16le.txt', { host: 'kms01.contoso.co.jp', address: '192.168.10.5', port: 1688, outcome: 'failed', pingSucceeded: true, warnings: ['TCP connect to (192.168.10.5 : 1688) failed'] }],
    ['tnc-en-name-failed.txt', { host: 'kms09.contoso.com', outcome: 'name-not-resolved', warnings: ['Name resolution of kms09.contoso.com failed'] }],
    ['tnc-en-quiet.txt', { host: 'kms01.contoso.com', port: 1688, outcome: 'open' }],
  ])('%s', async (name, want) => {
    const r = await read(name);
    expect(r.unknown).toBe(0);
    expect(r.facts).toHaveLength(1);
    expect(r.facts[0]).toMatchObject({ kind: 'port-check', tool: 'test-netconnection', ...want });
  });

  it('a ping-only run (no -Port) is read, gives no fact, and says why', async () => {
    const text = 'ComputerName           : kms01.contoso.com\r\nRemoteAddress          : 10.0.0.20\r\nInterfaceAlias         : Ethernet\r\nSourceAddress          : 10.0.0.31\r\nPingSucceeded          : True\r\nPingReplyDetails (RTT) : 1 ms\r\n';
    const r = parseNetworkText(text, { file: 'x', format: 'network' });
    expect(r.facts).toEqual([]);
    expect(r.unknownLines).toEqual([]);
    expect(r.notes[0]).toContain('without -Port');
  });
});

describe('several outputs in one paste', () => {
  it('splits nslookup and Test-NetConnection (run through powershell -Command) into their facts', async () => {
    const r = await read('combined-en.txt');
    expect(r.unknown).toBe(0);
    expect(r.facts.map((f) => [f.kind, f.source.line])).toEqual([
      ['dns-srv-lookup', 2],
      ['port-check', 21],
    ]);
    expect((r.facts[1] as PortCheckFact).outcome).toBe('open');
  });

  it('keeps lines no parser knows, with their numbers', () => {
    const text = 'Server:  dc01\r\nAddress:  10.0.0.10\r\n\r\nsomething odd here\r\n*** dc01 can\'t find _vlmcs._tcp.x.test: Non-existent domain\r\n';
    const r = parseNetworkText(text, { file: 'x', format: 'network' });
    expect(r.unknownLines).toEqual([{ line: 4, text: 'something odd here' }]);
    expect(r.facts).toHaveLength(1);
  });

  it('an nslookup of another name (an A query) gives no SRV fact', () => {
    const text = 'Server:  dc01\r\nAddress:  10.0.0.10\r\n\r\nName:    kms01.contoso.com\r\nAddress:  10.0.0.20\r\n';
    expect(parseNetworkText(text, { file: 'x', format: 'network' }).facts).toEqual([]);
  });

  it('never throws on arbitrary text', () => {
    for (const t of ['', '***', 'Server:', 'Resolve-DnsName : x', 'ComputerName :', 'Name Type TTL Section\n-- --\nx', '\u0000\uFFFD'.repeat(50)]) {
      expect(() => parseNetworkText(t, { file: 'x', format: 'network' })).not.toThrow();
    }
  });
});

describe('whose check it is', () => {
  it('takes the machine from file names such as client01-nslookup.txt', async () => {
    const { machineFromPath } = await import('../../src/evidence/index.js');
    expect(machineFromPath('in/client01-nslookup.txt')).toBe('client01');
    expect(machineFromPath('in/PC-JA-07_resolve-dnsname.txt')).toBe('PC-JA-07');
    expect(machineFromPath('in/client02-tnc-1688.txt')).toBe('client02');
    expect(machineFromPath('client03/nslookup.txt')).toBe('client03');
  });
});
