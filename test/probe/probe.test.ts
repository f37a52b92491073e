// volact probe against a DNS server and TCP listeners this test runs on 127.0.0.1: no other address is
// ever contacted (every name is resolved through the local server, every connection goes to 127.0.0.1).
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseFacts, type Analysis } from '../../src/analyze.js';
import { runProbe, type ProbeOptions } from '../../src/probe/index.js';
import type { DnsSrvLookupFact, PortCheckFact } from '../../src/decode/index.js';
import { runCli } from '../cli/run-cli.js';
import { startLocalDns, type LocalDns } from './local-dns.js';
import { english } from '../helpers/english.js';

const NOW = '2024-03-07T12:00:00.000Z';
let listener: Server;
let openPort: number;
let closedPort: number;
let dns: LocalDns;
let silentDns: LocalDns;

function listen(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((socket) => socket.destroy());
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

beforeAll(async () => {
  listener = await listen();
  openPort = (listener.address() as { port: number }).port;
  // A port that was just free: open a listener, note its port, close it.
  const gone = await listen();
  closedPort = (gone.address() as { port: number }).port;
  await new Promise<void>((r) => gone.close(() => r()));
  dns = await startLocalDns({
    '_vlmcs._tcp.healthy.test': { srv: [{ priority: 0, weight: 0, port: openPort, target: 'kms01.healthy.test' }] },
    'kms01.healthy.test': { a: ['127.0.0.1'] },
    '_vlmcs._tcp.stale.test': {
      srv: [
        { priority: 0, weight: 0, port: openPort, target: 'kms01.stale.test' },
        { priority: 0, weight: 0, port: closedPort, target: 'old-kms.stale.test' },
        { priority: 10, weight: 0, port: openPort, target: 'gone.stale.test' },
      ],
    },
    'kms01.stale.test': { a: ['127.0.0.1'] },
    'old-kms.stale.test': { a: ['127.0.0.1'] },
    'nosrv.test': {},
    '_vlmcs._tcp.nosrv.test': { a: ['127.0.0.1'] },
  });
  silentDns = await startLocalDns({}, { silent: true });
});

afterAll(async () => {
  await new Promise<void>((r) => listener.close(() => r()));
  await dns.close();
  await silentDns.close();
});

async function probe(options: Partial<ProbeOptions> & { domain: string }, server = dns): Promise<Analysis & { facts: { lookup: DnsSrvLookupFact; checks: PortCheckFact[] } }> {
  const r = await runProbe({ dnsServer: `127.0.0.1:${server.port}`, timeoutMs: 1000, machine: 'probe01', now: NOW, ...options });
  const lookup = r.facts.map((f) => f.fact).find((f): f is DnsSrvLookupFact => f.kind === 'dns-srv-lookup')!;
  const checks = r.facts.map((f) => f.fact).filter((f): f is PortCheckFact => f.kind === 'port-check');
  return { ...diagnoseFacts(r.inputs, r.facts, { now: NOW }), facts: { lookup, checks } };
}

const rules = (a: Analysis): string[] => a.findings.map((f) => f.rule).sort();

describe('volact probe', () => {
  it('a healthy SRV set: the record answers, the port opens, no finding', async () => {
    const a = await probe({ domain: 'healthy.test' });
    expect(a.facts.lookup).toMatchObject({ outcome: 'answer', query: '_vlmcs._tcp.healthy.test', server: `127.0.0.1:${dns.port}` });
    expect(a.facts.lookup.records).toEqual([{ priority: 0, weight: 0, port: openPort, target: 'kms01.healthy.test', addresses: ['127.0.0.1'] }]);
    expect(a.facts.checks).toEqual([expect.objectContaining({ host: 'kms01.healthy.test', address: '127.0.0.1', port: openPort, outcome: 'open' })]);
    expect(rules(a)).toEqual([]);
    const walk = a.walks.get('probe01')!;
    expect(walk.find((s) => s.id === 'kms-client/dns-discovery')?.status).toBe('pass');
    expect(walk.find((s) => s.id === 'kms-client/host-reachable')?.status).toBe('pass');
    expect(a.inputs).toEqual([{ file: 'volact probe', format: 'network', records: 2, decoded: 2, ignored: 0, rejected: [] }]);
  });

  it('a missing record: NXDOMAIN gives dns/srv-missing', async () => {
    const a = await probe({ domain: 'missing.test' });
    expect(a.facts.lookup).toMatchObject({ outcome: 'name-error', records: [] });
    expect(a.facts.checks).toEqual([]);
    expect(rules(a)).toEqual(['dns/srv-missing']);
    expect(english.finding(a.findings[0]!).detail).toContain('does not exist');
    expect(a.walks.get('probe01')?.find((s) => s.id === 'kms-client/dns-discovery')?.status).toBe('fail');
  });

  it('a name with no SRV record (NODATA) is missing too', async () => {
    const a = await probe({ domain: 'nosrv.test' });
    expect(a.facts.lookup.outcome).toBe('no-records');
    expect(rules(a)).toEqual(['dns/srv-missing']);
  });

  it('stale targets: one refuses its port, one does not resolve → dns/srv-stale and network/port-blocked', async () => {
    const a = await probe({ domain: 'stale.test' });
    const byHost = Object.fromEntries(a.facts.checks.map((c) => [c.host, c.outcome]));
    expect(byHost).toEqual({ 'kms01.stale.test': 'open', 'old-kms.stale.test': 'refused', 'gone.stale.test': 'name-not-resolved' });
    expect(rules(a)).toEqual(['dns/srv-stale', 'network/port-blocked']);
    const stale = english.finding(a.findings.find((f) => f.rule === 'dns/srv-stale')!);
    expect(stale.detail).toContain(`old-kms.stale.test:${closedPort}`);
    expect(stale.detail).toContain('gone.stale.test');
    expect(stale.detail).not.toContain('kms01.stale.test');
  });

  it('a closed port given with --host: network/port-blocked names it', async () => {
    const a = await probe({ domain: 'healthy.test', hosts: [`127.0.0.1:${closedPort}`] });
    const blocked = a.findings.find((f) => f.rule === 'network/port-blocked');
    expect(english.finding(blocked!).detail).toContain(`127.0.0.1:${closedPort} refused`);
    expect(rules(a)).toEqual(['network/port-blocked']);
    expect(a.walks.get('probe01')?.find((s) => s.id === 'kms-client/host-reachable')?.status).toBe('fail');
  });

  it('a resolver that never answers: the lookup times out within the bound and counts as no record', async () => {
    const started = Date.now();
    const a = await probe({ domain: 'healthy.test', timeoutMs: 400 }, silentDns);
    const took = Date.now() - started;
    expect(silentDns.queries).toContain('_vlmcs._tcp.healthy.test SRV');
    expect(a.facts.lookup.outcome).toBe('timeout');
    expect(took).toBeLessThan(3000);
    expect(rules(a)).toEqual(['dns/srv-missing']);
    expect(english.finding(a.findings[0]!).detail).toContain('did not answer in time');
  });

  it('the CLI reports like check: junit reporter, exit 1 on an error finding, 0 when healthy', async () => {
    const failing = await runCli(['probe', 'missing.test', '--dns-server', `127.0.0.1:${dns.port}`, '--timeout', '1000', '--reporter', 'junit', '--now', NOW, '--machine', 'probe01']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('<testsuites');
    expect(failing.stdout).toContain('dns/srv-missing');
    expect(failing.stderr).toContain('volact probe: 1 finding at or above error');
    const healthy = await runCli(['probe', 'healthy.test', '--dns-server', `127.0.0.1:${dns.port}`, '--timeout', '1000', '--reporter', 'json', '--now', NOW]);
    expect(healthy.code).toBe(0);
    const report = JSON.parse(healthy.stdout) as { findings: unknown[]; check: { passed: boolean }; inputs: { format: string }[] };
    expect(report.findings).toEqual([]);
    expect(report.check.passed).toBe(true);
    expect(report.inputs[0]?.format).toBe('network');
  });

  it('usage errors exit 2: a bad --host, a bad domain', async () => {
    expect((await runCli(['probe', 'healthy.test', '--host', 'kms01:99999'])).code).toBe(2);
    expect((await runCli(['probe', 'bad domain!'])).code).toBe(2);
    expect((await runCli(['probe', 'healthy.test', '--timeout', 'soon'])).code).toBe(2);
  });
});
