// DNS / port-check text with the shapes the fuzzer found slow (seconds to minutes for 30–100 KB): a line
// ending in a long blank run (a /\s+$/ trim backtracked quadratically), and thousands of blank lines after
// a prompt (a multi-line sniffing pattern's \s* ran across them from every line start).
import { describe, expect, it } from 'vitest';
import { parseNetworkText } from '../../src/decode/index.js';
import { checkInput } from '../fuzz/lib/index.js';
import { sniffFormat } from '../../src/ingest/index.js';

const NSLOOKUP = 'C:\\>nslookup -type=srv _vlmcs._tcp.contoso.com\r\nServer:  dc01.contoso.com\r\nAddress:  10.0.0.10\r\n\r\n';

describe('hostile DNS and port-check text stays data', () => {
  it('a 200 000-blank run inside a line is kept as one shortened unknown line, the rest still read', async () => {
    const text = `${NSLOOKUP}_vlmcs._tcp.contoso.com SRV service location:${' '.repeat(200_000)}x\r\n*** dc01.contoso.com can't find _vlmcs._tcp.contoso.com: Non-existent domain\r\n`;
    const parsed = parseNetworkText(text, { file: 'x', format: 'network' });
    expect(parsed.unknownLines).toHaveLength(1);
    expect(parsed.unknownLines[0]?.line).toBe(5);
    expect(parsed.unknownLines[0]?.text).toMatch(/^_vlmcs._tcp.contoso.com SRV service location: +… \(200046 characters\)$/);
    expect(parsed.facts).toEqual([expect.objectContaining({ kind: 'dns-srv-lookup', outcome: 'name-error' })]);
    const result = await checkInput(Buffer.from(text), { filter: false, chunkSize: 65536, compareChunking: true, compareAccount: true });
    expect(result.violations).toEqual([]);
    expect(result.kind).toBe('text-network');
  });

  it('thousands of blank lines after a prompt are sniffed and read', async () => {
    const text = `PS C:\\> Test-NetConnection kms01 -Port 1688${'\r\n'.repeat(20_000)}ComputerName     : kms01\r\nRemotePort       : 1688\r\nTcpTestSucceeded : False\r\n`;
    expect(sniffFormat(Buffer.from(text).subarray(0, 8192)).kind).toBe('text-network');
    const parsed = parseNetworkText(text, { file: 'x', format: 'network' });
    expect(parsed.facts).toEqual([expect.objectContaining({ kind: 'port-check', host: 'kms01', port: 1688, outcome: 'failed' })]);
    const result = await checkInput(Buffer.from(text), { filter: false, chunkSize: 4096, compareChunking: true, compareAccount: true });
    expect(result.violations).toEqual([]);
  });

  it('thousands of different timeout lines leave a short detail', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `    timeout was ${i} seconds.`).join('\r\n');
    const parsed = parseNetworkText(`${NSLOOKUP}DNS request timed out.\r\n${lines}\r\n`, { file: 'x', format: 'network' });
    expect(parsed.facts).toHaveLength(1);
    expect((parsed.facts[0] as { detail: string }).detail.length).toBeLessThan(400);
    expect(parsed.unknownLines).toEqual([]);
  });
});
