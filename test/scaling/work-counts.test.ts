// Work grows with the input, not faster (issue 24). Each test counts what a path does (reads of a fact's field
// through a counting getter, calls of a method) at n and at 4n: linear work grows 4×, n log n a little more,
// a quadratic path 16×. Counts, not timings, so the tests hold on a busy machine.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Fact } from '../../src/decode/index.js';
import { diagnose } from '../../src/diagnose/index.js';
import { MachineView } from '../../src/evidence/machine-view/index.js';
import { RecordLedger } from '../../src/evidence/index.js';
import { english } from '../helpers/english.js';
import { answered, asked, cmidOf, countReads, fleetOf, HOST, HOUR, MINUTE, served, START } from './facts.js';

/** 4n's count over n's: 4 when linear, ~4.7 for n log n at these sizes, 16 when quadratic. */
const BOUND = 6;

function growth(work: (n: number) => number, n: number): number {
  const small = work(n);
  const large = work(4 * n);
  expect(small).toBeGreaterThan(0);
  return large / small;
}

afterEach(() => vi.restoreAllMocks());

describe('one client failing for months: pairing 12288 with 12289', () => {
  const reads = (n: number): number => {
    const facts: Fact[] = [];
    for (let i = 0; i < n; i++) {
      facts.push(asked('pc1.corp.contoso.com', cmidOf(1), START + i * 2 * HOUR, 2 * i + 1));
      facts.push(answered('pc1.corp.contoso.com', START + i * 2 * HOUR + 2000, 2 * i + 2));
    }
    const fleet = fleetOf(facts);
    const view = new MachineView(fleet.machines[0], fleet, START + n * 2 * HOUR);
    const counter = countReads(view.facts('kms-response'), 'time');
    const exchanges = view.exchanges();
    // Every request found its own response.
    expect(exchanges.filter((x) => x.response).length).toBe(n);
    expect(exchanges.every((x) => x.response && Date.parse(x.response.time) - x.at === 2000)).toBe(true);
    return counter.reads;
  };

  it('reads each response a bounded number of times', () => {
    expect(reads(2000)).toBeLessThan(10 * 2000);
    expect(growth(reads, 1000)).toBeLessThan(BOUND);
  });
});

describe('one client whose requests the host logged: matching 12290 to 12288', () => {
  // Requests with no 12289 back, each logged by the host: no-response, not-seen-by-host and the walk look each up.
  const reads = (n: number): number => {
    const facts: Fact[] = [];
    const logged = [];
    for (let i = 0; i < n; i++) {
      facts.push(asked('pc1.corp.contoso.com', cmidOf(1), START + i * 2 * HOUR, i + 1));
      logged.push(served(HOST, 'pc1.corp.contoso.com', cmidOf(1), START + i * 2 * HOUR + 1000, i + 1, '0xC004F038'));
    }
    const counter = countReads(logged, 'time');
    const { findings } = diagnose(fleetOf([...facts, ...logged]), { now: '2024-06-01T00:00:00Z' });
    // The host logged every request, so none is "no response" and none was "never seen".
    expect(findings.filter((f) => f.rule === 'kms-client/no-response' || f.rule === 'kms-client/not-seen-by-host')).toEqual([]);
    return counter.reads;
  };

  it('reads the host log a number of times that grows with the log, not with requests × log', () => {
    expect(growth(reads, 500)).toBeLessThan(BOUND);
  });
});

describe('a VDI pool of clones sharing one CMID', () => {
  const clones = (n: number): Fact[] => {
    const facts: Fact[] = [];
    for (let m = 0; m < n; m++) {
      const name = `vdi${String(m).padStart(5, '0')}.corp.contoso.com`;
      facts.push(asked(name, cmidOf(7), START + m * MINUTE, 1));
      // A tenth of them run 6 hours behind: the host refuses them with 0xC004F06C.
      const skewed = m % 10 === 3;
      const entry = served(HOST, name, cmidOf(7), START + m * MINUTE + 1000, m + 1, skewed ? '0xC004F06C' : '0xC004F038');
      if (skewed) entry.clientTime = new Date(START + m * MINUTE - 6 * HOUR).toISOString();
      facts.push(entry);
    }
    return facts;
  };

  it('names a few clones in each finding and counts the rest (4000 clones)', () => {
    const { findings } = diagnose(fleetOf(clones(4000)), { now: '2024-06-01T00:00:00Z' });
    const perClone = findings.filter((f) => f.rule === 'kms-host/duplicate-cmid' && f.machine?.startsWith('vdi')).map((f) => english.finding(f));
    expect(perClone).toHaveLength(4000);
    for (const f of perClone) {
      expect(f.title).toMatch(/ and 3989 more$/);
      expect(f.title.length).toBeLessThan(600);
      expect(f.detail.length).toBeLessThan(700);
      // Its own 12288, ten other clones' 12288s, ten of their 12290s.
      expect(f.evidence.length).toBeLessThanOrEqual(21);
    }
    const onHost = english.finding(findings.find((f) => f.rule === 'kms-host/duplicate-cmid' && f.machine === HOST)!);
    expect(onHost.detail).toContain('came from 4000 machines:');
    expect(onHost.detail).toContain(' and 3990 more');
    expect(onHost.detail.length).toBeLessThan(800);
    // A skewed clone's time-skew finding cites its own 12290, not the other skewed clones'.
    const skew = findings.find((f) => f.rule === 'kms-client/time-skew' && f.machine === 'vdi00003.corp.contoso.com')!;
    expect(skew.evidence.map((e) => e.record)).toEqual([4]);
  });

  it('reads the shared CMID a number of times that grows with the clones, not with their pairs', () => {
    const reads = (n: number): number => {
      const facts = clones(n);
      const counter = countReads(facts.filter((f) => f.kind === 'kms-host-request'), 'cmid');
      diagnose(fleetOf(facts), { now: '2024-06-01T00:00:00Z' });
      return counter.reads;
    };
    expect(growth(reads, 250)).toBeLessThan(BOUND);
  });
});

describe('a site where every client asks its own host', () => {
  const site = (n: number): Fact[] => {
    const facts: Fact[] = [];
    for (let i = 0; i < n; i++) {
      const host = `kms${String(i).padStart(5, '0')}.corp.contoso.com`;
      const client = `pc${String(i).padStart(5, '0')}.corp.contoso.com`;
      // Every eighth client names a host that is gone; the others ask theirs after its log ends.
      facts.push(asked(client, cmidOf(i), START + 10 * HOUR, 1, i % 8 === 5 ? `retired${i}.corp.contoso.com` : host));
      facts.push(served(host, client, cmidOf(i), START, 1));
    }
    return facts;
  };

  it('looks at each client once for failed-host-referenced, not once per host', () => {
    const calls = (n: number): number => {
      const spy = vi.spyOn(MachineView.prototype, 'recentExchanges');
      diagnose(fleetOf(site(n)), { now: '2024-06-01T00:00:00Z' });
      const made = spy.mock.calls.length;
      spy.mockRestore();
      return made;
    };
    expect(growth(calls, 250)).toBeLessThan(BOUND);
  });

  it('names a few of the hosts in host-mismatch and counts the rest (2000 hosts)', () => {
    const { findings } = diagnose(fleetOf(site(2000)), { now: '2024-06-01T00:00:00Z' });
    const mismatch = findings.filter((f) => f.rule === 'kms-client/host-mismatch').map((f) => english.finding(f));
    expect(mismatch).toHaveLength(250);
    for (const f of mismatch) {
      expect(f.detail).toMatch(/ and 1990 more/);
      expect(f.detail.length).toBeLessThan(900);
    }
    const failed = findings.filter((f) => f.rule === 'kms-host/failed-host-referenced');
    expect(failed).toHaveLength(1750);
    expect(failed.every((f) => f.evidence.length === 2)).toBe(true);
  });
});

describe('a newest-first export with a hole after every record', () => {
  it('collects record ids into the same runs in any order (the newest-first shape of the bench guards the time)', () => {
    const runs = (ids: number[]): Array<[number, number]> => {
      const ledger = new RecordLedger('f.evtx');
      for (const id of ids) ledger.add({ recordIds: [id], channel: 'Application' });
      return ledger.result()[0].idRuns;
    };
    const n = 200_000;
    const descending = Array.from({ length: n }, (_, i) => 2 * (n - i));
    const got = runs(descending);
    expect(got).toHaveLength(n);
    expect(got[0]).toEqual([2, 2]);
    expect(got[n - 1]).toEqual([2 * n, 2 * n]);
    // Shuffled ids (a fixed permutation), with duplicates, give what sorting them gives.
    const ids = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5000) * 3 + (i % 7 === 0 ? 1 : 0));
    const expected: Array<[number, number]> = [];
    for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
      const tail = expected[expected.length - 1];
      if (tail && id === tail[1] + 1) tail[1] = id;
      else expected.push([id, id]);
    }
    expect(runs([...ids, ...ids.slice(0, 100)])).toEqual(expected);
  });
});

describe('a Key Management Service log with a hole after every record', () => {
  it('finds the 12290s around each hole by binary search, not by a scan per hole', () => {
    const reads = (n: number): number => {
      const logged = Array.from({ length: n }, (_, i) => served(HOST, `pc${i % 50}`, cmidOf(i % 50), START + i * MINUTE, 1 + 3 * i));
      const span = {
        file: `${HOST}/kms.xml`, channel: 'Key Management Service', records: n + Math.floor(n / 10), newest: logged[n - 1].time,
        computers: [{ computer: HOST, records: n, newest: logged[n - 1].time }],
        idRuns: logged.map((e) => [e.source.record!, e.source.record!] as [number, number]),
      };
      const counter = countReads(logged, 'source');
      const { findings } = diagnose(fleetOf(logged, [span]), { now: '2024-06-01T00:00:00Z' });
      const cleared = findings.find((f) => f.rule === 'kms-host/log-cleared')!;
      // A whole-log export (it held more records than its 12290s): every hole is evidence.
      expect(cleared.evidence).toHaveLength(n - 1);
      expect(english.evidence(cleared.evidence[0]).summary).toMatch(/^records 2–3 \(2\) are missing before record 4 /);
      return counter.reads;
    };
    expect(growth(reads, 1000)).toBeLessThan(BOUND);
  });
});
