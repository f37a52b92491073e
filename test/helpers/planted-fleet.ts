// A generated fleet with three planted causes and random noise, as the events Windows writes (12288, 12289,
// 12290, 8198) decoded by the real decoder: for the grouping test at fleet scale without writing 10,000 folders.
//
// Planted: kms03 stops answering at 03:10 on 5 March (its clients that came up for renewal since get no
// response); a VDI pool of clones of one image (one CMID); the branch.contoso.com zone loses its _vlmcs._tcp
// records (8198 with 0x8007232B). Noise: clients of kms01/kms02 that get no response or a failing code at random
// times, machines of a second edition and builds spread over the fleet, none of it shared by most of a rule.
import { decodeEvent } from '../../src/decode/index.js';
import type { FactWithOwner } from '../../src/evidence/index.js';
import type { RawEvent } from '../../src/types.js';
import { Rng } from '../fuzz/lib/rng.js';

const CORP = 'corp.contoso.com';
const BRANCH = 'branch.contoso.com';
const ENTERPRISE = '73111121-5638-40f6-bc11-f1d7b0d64300';
const EDUCATION = 'e0c42288-980c-4788-a014-c080d2e1926e';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The snapshot ends here (the newest record of kms01's log). */
export const PLANTED_END = Date.parse('2024-03-06T05:10:00Z');
export const KMS03_DOWN = Date.parse('2024-03-05T03:10:00Z');
export const CLONE_CMID = 'c0ffee00-1111-4222-8333-444455556666';
/** Codes the noise fails with: each names a different rule or meaning. */
const NOISE_CODES = ['0xC004F074', '0x80070005', '0xC004F06C', '0x8007007B', '0xC004F042'];

export interface PlantedFleet {
  facts: FactWithOwner[];
  /** Machine display names per planted cause. */
  planted: { kms03: string[]; clones: string[]; branch: string[]; pinned: string[] };
  noise: string[];
  machines: number;
}

export interface PlantedOptions {
  machines: number;
  seed?: number;
  kms03Clients?: number;
  clones?: number;
  branch?: number;
  noise?: number;
  /**
   * A fourth cause, off by default: clients set with /skms to kms-old.corp.contoso.com, a host retired and not in
   * the snapshot. Each gets host-mismatch and, following from it, no response: the consequences must fold into
   * the cause's group instead of mixing with kms03's clients under "no response".
   */
  pinned?: number;
}

export const PINNED_HOST = `kms-old.${CORP}`;

const iso = (ms: number): string => new Date(ms).toISOString();
const clientTime = (ms: number): string => iso(ms).slice(0, 16).replace('T', ' ').replace(/-/g, '/');

class Writer {
  readonly facts: FactWithOwner[] = [];
  private record = 1;

  add(e: Omit<RawEvent, 'source' | 'provider' | 'recordId'> & { file: string }): void {
    const { file, ...rest } = e;
    const record = this.record++;
    const raw: RawEvent = { ...rest, provider: 'Microsoft-Windows-Security-SPP', recordId: record, source: { file, format: 'xml', record } };
    const decoded = decodeEvent(raw);
    if (decoded.status !== 'decoded') throw new Error(`planted fleet: event ${e.eventId} did not decode (${decoded.status})`);
    for (const fact of decoded.facts) this.facts.push({ fact, fallbackMachine: '' });
  }

  request(name: string, at: number, o: { host: string; cmid: string; result?: string; activationId?: string; need?: number; state?: number }): void {
    const info = [o.result ?? '0x00000000', '0x00000000', `${o.host}:1688`, o.cmid, clientTime(at), '0', String(o.state ?? 1), '259200', o.activationId ?? ENTERPRISE, String(o.need ?? 25)].join(', ');
    this.add({ file: `${name}/Application.xml`, eventId: 12288, channel: 'Application', computer: name, timeCreated: iso(at), data: [info] });
  }

  response(name: string, at: number, result = '0x00000000'): void {
    const ok = result === '0x00000000';
    const info = [result, '0x00000000', ok ? '1' : '0', '0', '50', '120', '10080', clientTime(at)].join(', ');
    this.add({ file: `${name}/Application.xml`, eventId: 12289, channel: 'Application', computer: name, timeCreated: iso(at), data: [info] });
  }

  hostLogged(host: string, at: number, client: string, cmid: string, result = '0x0', activationId = ENTERPRISE): void {
    const fields = [result, '25', client, cmid, clientTime(at), '0', '1', '259200', activationId];
    this.add({ file: `${host}/KeyManagementService.xml`, eventId: 12290, channel: 'Key Management Service', computer: `${host}.${CORP}`, timeCreated: iso(at), data: [fields.join(','), ...fields] });
  }

  slui(name: string, at: number, hr: string): void {
    const args = `RuleId=31e71c49-8da7-4a2f-ad92-45d98a1c79ba;Action=AutoActivate;AppId=55c92734-d682-4d71-983e-d6ec3f16059f;SkuId=${ENTERPRISE};NotificationInterval=1440;Trigger=TimerEvent`;
    this.add({ file: `${name}/Application.xml`, eventId: 8198, channel: 'Application', computer: name, timeCreated: iso(at), qualifiers: 49152, level: 2, data: [`hr=${hr}`, args] });
  }
}

export function plantedFleet(options: PlantedOptions): PlantedFleet {
  const rng = new Rng(options.seed ?? 25);
  const w = new Writer();
  const kms03Count = options.kms03Clients ?? Math.round(options.machines * 0.02);
  const cloneCount = options.clones ?? Math.round(options.machines * 0.004);
  const branchCount = options.branch ?? Math.round(options.machines * 0.008);
  const noiseCount = options.noise ?? Math.round(options.machines * 0.006);
  const planted = { kms03: [] as string[], clones: [] as string[], branch: [] as string[], pinned: [] as string[] };
  const noise: string[] = [];
  const clients = options.machines - 3;
  let next = 0;
  const take = (n: number): number[] => Array.from({ length: n }, () => next++);
  const cmidOf = (i: number): string => `5a7c2e10-3f4b-4d8e-9a61-${i.toString(16).padStart(12, '0')}`;
  const renewals = (name: string, cmid: string, host: string, lastOk: number, activationId = ENTERPRISE): void => {
    // Weekly renewals up to lastOk, each answered at once and logged by the host.
    for (let t = lastOk - 21 * DAY; t <= lastOk; t += 7 * DAY) {
      w.request(name, t, { host: `${host}.${CORP}`, cmid, activationId });
      w.response(name, t + 900);
      w.hostLogged(host, t + 500, name, cmid, '0x0', activationId);
    }
  };

  // kms03's clients: those whose weekly renewal fell due after it stopped retry every 2 hours without an
  // answer; as many again are not due yet and still look fine.
  for (const i of take(Math.min(kms03Count * 2, clients))) {
    const name = `pc${String(i).padStart(5, '0')}.${CORP}`;
    const failing = planted.kms03.length < kms03Count;
    const sinceDue = failing ? rng.range(0, Math.floor((PLANTED_END - KMS03_DOWN) / HOUR) - 2) * HOUR : -rng.range(1, 5 * 24) * HOUR;
    const lastOk = KMS03_DOWN + sinceDue - 7 * DAY;
    renewals(name, cmidOf(i), 'kms03', lastOk);
    if (!failing) continue;
    for (let t = lastOk + 7 * DAY; t <= PLANTED_END; t += 2 * HOUR) w.request(name, t, { host: `kms03.${CORP}`, cmid: cmidOf(i) });
    planted.kms03.push(name);
  }
  // Clones of one image: one CMID from many names; kms01 answers them (and counts them once).
  for (const i of take(cloneCount)) {
    const name = `vdi${String(i).padStart(5, '0')}.${CORP}`;
    renewals(name, CLONE_CMID, 'kms01', PLANTED_END - rng.range(2, 100) * HOUR);
    planted.clones.push(name);
  }
  // branch.contoso.com: renewed through kms02 a while ago, then its SRV lookups fail from 1 March on.
  for (const i of take(branchCount)) {
    const name = `br${String(i).padStart(5, '0')}.${BRANCH}`;
    renewals(name, cmidOf(i), 'kms02', Date.parse('2024-02-28T00:00:00Z') - rng.range(1, 48) * HOUR);
    for (let t = Date.parse('2024-03-01T06:00:00Z') + rng.range(0, 50) * 60_000; t <= PLANTED_END; t += 8 * HOUR) w.slui(name, t, '0x8007232B');
    planted.branch.push(name);
  }
  // Pinned to the retired host from 4 March on, after weekly renewals through kms01.
  for (const i of take(Math.min(options.pinned ?? 0, clients - next))) {
    const name = `pn${String(i).padStart(5, '0')}.${CORP}`;
    renewals(name, cmidOf(i), 'kms01', Date.parse('2024-03-01T00:00:00Z') - rng.range(1, 48) * HOUR);
    for (let t = Date.parse('2024-03-04T10:00:00Z') + rng.range(0, 120) * 60_000; t <= PLANTED_END; t += 2 * HOUR) w.request(name, t, { host: PINNED_HOST, cmid: cmidOf(i) });
    planted.pinned.push(name);
  }
  // Noise: kms01/kms02 clients with a failure of their own at a random time, and the healthy rest.
  const noiseAt = new Set<number>();
  while (noiseAt.size < noiseCount) noiseAt.add(next + rng.int(clients - next));
  for (const i of take(clients - next)) {
    const host = rng.chance(0.5) ? 'kms01' : 'kms02';
    const edition = rng.chance(0.05) ? EDUCATION : ENTERPRISE;
    const name = `pc${String(i).padStart(5, '0')}.${CORP}`;
    const lastOk = PLANTED_END - rng.range(1, 20 * 24) * HOUR;
    renewals(name, cmidOf(i), host, lastOk, edition);
    if (!noiseAt.has(i)) continue;
    noise.push(name);
    const at = lastOk + rng.range(1, Math.max(1, Math.floor((PLANTED_END - lastOk) / HOUR))) * HOUR;
    if (rng.chance(0.25)) w.request(name, at, { host: `${host}.${CORP}`, cmid: cmidOf(i), activationId: edition });
    else {
      const code = NOISE_CODES[rng.int(NOISE_CODES.length)];
      w.request(name, at, { host: `${host}.${CORP}`, cmid: cmidOf(i), activationId: edition });
      w.response(name, at + 900, code);
      w.hostLogged(host, at + 500, name, cmidOf(i), code, edition);
    }
  }
  // kms01's log runs to the end of the snapshot; kms02's nearly; kms03's stops.
  w.hostLogged('kms01', PLANTED_END, `ws001.${CORP}`, cmidOf(9_000_001));
  w.hostLogged('kms02', PLANTED_END - HOUR, `ws002.${CORP}`, cmidOf(9_000_002));
  w.hostLogged('kms03', KMS03_DOWN, `ws003.${CORP}`, cmidOf(9_000_003));
  return { facts: w.facts, planted, noise, machines: options.machines };
}
