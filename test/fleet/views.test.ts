import { describe, expect, it } from 'vitest';
import type { Fact, KmsHostRequestFact, KmsRequestFact, KmsServiceFact, LicenseFact } from '../../src/decode/index.js';
import { buildFleet, type FactWithOwner } from '../../src/evidence/index.js';
import { computeFleetViews, expiryRange } from '../../src/fleet/index.js';
import { DEFAULT_OPTIONS } from '../../src/diagnose/index.js';
import { renderMarkdown } from '../../src/report/index.js';
import { analyze, diagnoseFacts, type Analysis } from '../../src/analyze.js';
import { buildReport } from '../../src/report/index.js';

const NOW = '2024-03-08T00:00:00.000Z';
const SETTINGS = { skewHours: DEFAULT_OPTIONS.skewHours };
const src = (file: string, record?: number) => ({ file, format: 'xml' as const, ...(record !== undefined ? { record } : {}) });

function license(machine: string, over: Partial<LicenseFact>): FactWithOwner {
  const fact: LicenseFact = {
    kind: 'license', source: { file: `${machine}/slmgr.txt`, format: 'slmgr' }, computer: '', time: '',
    name: 'Windows(R), Enterprise edition', description: 'Windows(R) Operating System, VOLUME_KMSCLIENT channel', channel: 'VOLUME_KMSCLIENT',
    keyType: 'Volume:GVLK', licenseStatus: 'Licensed', licenseStatusText: 'Licensed', form: 'dli', errors: [], lineStart: 1, lineEnd: 9,
    edition: 'Windows 10/11 Enterprise', family: 'Windows client', activationId: '73111121-5638-40f6-bc11-f1d7b0d64300', ...over,
  };
  return { fact, fallbackMachine: machine };
}

function request(machine: string, time: string, over: Partial<KmsRequestFact> = {}): FactWithOwner {
  const fact: KmsRequestFact = {
    kind: 'kms-request', source: src(`${machine}/app.xml`, 1), computer: `${machine}.corp`, time, eventId: 12288, result: '0x00000000',
    statusFlags: 0, flags: [], host: 'kms01.corp', port: 1688, cmid: `cmid-${machine}`, ...over,
  };
  return { fact, fallbackMachine: machine };
}

function hostEntry(time: string, client: string, cmid: string, result = '0x00000000', requiredCount = 25): FactWithOwner {
  const fact: KmsHostRequestFact = {
    kind: 'kms-host-request', source: src('kms01/kms.xml', 7), computer: 'kms01.corp', time, eventId: 12290, result, requiredCount, clientName: client, cmid,
  };
  return { fact, fallbackMachine: 'kms01' };
}

function service(event: KmsServiceFact['event'], time: string): FactWithOwner {
  return { fact: { kind: 'kms-service', source: src('kms01/app.xml', 9), computer: 'kms01.corp', time, event }, fallbackMachine: 'kms01' };
}

/** The machines kms-client/not-seen-by-host fires on, in name order. */
function notSeenByRule(analysis: Analysis): string[] {
  return analysis.findings.filter((f) => f.rule === 'kms-client/not-seen-by-host').map((f) => f.machine ?? '').sort();
}

describe('expiryRange', () => {
  it.each([
    [-5, 'expired'], [0, 'expired'], [1, '0-7d'], [7 * 1440, '0-7d'], [7 * 1440 + 1, '8-30d'], [30 * 1440, '8-30d'],
    [31 * 1440, '31-60d'], [60 * 1440 + 1, '61-90d'], [90 * 1440, '61-90d'], [90 * 1440 + 1, '>90d'],
  ] as const)('%d minutes → %s', (minutes, range) => {
    expect(expiryRange(minutes)).toBe(range);
  });
});

describe('computeFleetViews', () => {
  const facts: FactWithOwner[] = [
    // pc1: slmgr says Licensed with 5 days left; its older 12288 said OOBGrace — slmgr wins.
    request('pc1', '2024-03-01T00:00:00Z', { licenseStateName: 'OOBGrace', minutesToExpiry: 100, activationId: '73111121-5638-40f6-bc11-f1d7b0d64300', edition: 'Windows 10/11 Enterprise' }),
    license('pc1', { volumeExpiryMinutes: 5 * 1440 }),
    // pc2: only events; the newest 12288 counts (grace ended two days ago).
    request('pc2', '2024-03-01T00:00:00Z', { licenseStateName: 'OOBGrace', minutesToExpiry: 9 * 1440, activationId: '73111121-5638-40f6-bc11-f1d7b0d64300', edition: 'Windows 10/11 Enterprise', family: 'Windows client' }),
    request('pc2', '2024-03-02T00:00:00Z', { licenseStateName: 'OOBGrace', minutesToExpiry: 4 * 1440, activationId: '73111121-5638-40f6-bc11-f1d7b0d64300', edition: 'Windows 10/11 Enterprise', family: 'Windows client' }),
    // pc3: MAK, permanent: no expiry. A second product block not in use is left out.
    license('pc3', { channel: 'VOLUME_MAK', keyType: 'Volume:MAK', edition: 'Windows 10/11 Pro', activationId: 'mak-id' }),
    license('pc3', { name: 'Office', notInUse: true, activationId: 'office-id', licenseStatus: 'Unlicensed' }),
    // Clones: two names, one CMID, both logged by the host. pc4 asked kms01 but kms01 never logged it.
    request('clone-a', '2024-03-07T10:00:00Z', { cmid: 'dup' }),
    request('clone-b', '2024-03-07T11:00:00Z', { cmid: 'dup' }),
    request('pc4', '2024-03-07T12:00:00Z'),
    request('pc5', '2024-01-01T00:00:00Z', { host: 'kms01' }),
    hostEntry('2024-03-07T10:00:05Z', 'clone-a.corp', 'dup'),
    hostEntry('2024-03-07T11:00:05Z', 'CLONE-B', 'dup', '0xC004F038'),
    hostEntry('2024-01-20T00:00:00Z', 'old.corp', 'old-cmid', '0x00000000', 5),
    hostEntry('2024-03-07T20:00:00Z', 'pc1.corp', 'cmid-pc1'),
    service('dns-publish-ok', '2024-03-01T00:00:00Z'),
    service('dns-publish-failed', '2024-03-06T00:00:00Z'),
  ];
  const views = computeFleetViews(buildFleet(facts, { now: NOW }), NOW, SETTINGS);

  it('03A: one license per machine and product, slmgr over events, newest event over older', () => {
    // Requests that name no product (no activation id) do not count as a license.
    expect(views.statusCounts).toEqual({ Licensed: 2, OOBGrace: 1 });
  });

  it('02A/02B: time left from "now", by range, soonest first', () => {
    expect(views.expiring.map((e) => [e.machine, e.status, e.minutesLeft, e.range])).toEqual([
      ['pc2.corp', 'OOBGrace', -2 * 1440, 'expired'],
      ['pc1.corp', 'Licensed', 5 * 1440, '0-7d'],
    ]);
    expect(views.expiring[0].expires).toBe('2024-03-06T00:00:00.000Z');
    expect(views.expiringByRange).toEqual({ expired: 1, '0-7d': 1, '8-30d': 0, '31-60d': 0, '61-90d': 0, '>90d': 0 });
  });

  it('04A: products by edition and channel with machine and licensed counts', () => {
    const enterprise = views.products.find((p) => p.edition === 'Windows 10/11 Enterprise' && p.channel === 'VOLUME_KMSCLIENT')!;
    expect(enterprise).toEqual({ edition: 'Windows 10/11 Enterprise', family: 'Windows client', channel: 'VOLUME_KMSCLIENT', machines: 2, licensed: 1 });
    expect(views.products.find((p) => p.channel === 'VOLUME_MAK')).toMatchObject({ machines: 1, licensed: 1 });
  });

  it('05A: KMS host count from 12290 over 30 days, clients seen, needed count, last activity, DNS state, requests per day', () => {
    expect(views.kmsHosts).toHaveLength(1);
    const host = views.kmsHosts[0];
    expect(host).toMatchObject({ name: 'kms01.corp', currentCount: 2, currentCountSource: '12290', clientsSeen: 3, requiredCount: 25, lastActivity: '2024-03-07T20:00:00Z', dnsPublishing: 'failed' });
    expect(host.requestsPerDay).toEqual([
      { day: '2024-01-20', requests: 1, failed: 0 },
      { day: '2024-03-07', requests: 3, failed: 1 },
    ]);
  });

  it('duplicate CMIDs (one name per machine, FQDN and short name are one) and clients no host logged', () => {
    expect(views.duplicateCmids).toEqual([{ cmid: 'dup', names: ['clone-a.corp', 'clone-b.corp'] }]);
    // pc5 asked before the host log begins: the log cannot tell, so it is not listed. pc1's request of 1 March is
    // not in the log either (the host logged pc1 six days later, far outside the skew allowance).
    expect(views.unseenClients).toEqual([
      { machine: 'pc1.corp', host: 'kms01.corp' },
      { machine: 'pc2.corp', host: 'kms01.corp' },
      { machine: 'pc4.corp', host: 'kms01.corp' },
    ]);
    // The view is the rule's question: the same clients, no more, no fewer.
    expect(notSeenByRule(diagnoseFacts([], facts, { now: NOW }))).toEqual(['pc1.corp', 'pc2.corp', 'pc4.corp']);
  });

  it('clients no host saw: the skew setting reaches the view and the rule alike, so they agree at any skew', () => {
    // The host's log begins 6 h after pc6 asked and never names it; other clients fill it.
    const skewFacts = [
      request('pc6', '2024-03-07T00:00:00Z'),
      hostEntry('2024-03-07T06:00:00Z', 'other1.corp', 'cmid-other1'),
      hostEntry('2024-03-07T12:00:00Z', 'other2.corp', 'cmid-other2'),
    ];
    for (const [skewHours, unseen] of [[4, []], [8, ['pc6.corp']]] as const) {
      const analysis = diagnoseFacts([], skewFacts, { now: NOW, diagnose: { skewHours } });
      // At 8 h the log covers pc6's request (it begins within the allowance): the host should have logged it.
      // A view with its own fixed 4 h said "the log cannot tell" there while the rule fired.
      expect(analysis.views.unseenClients.map((c) => c.machine), `skew ${skewHours} h`).toEqual(unseen);
      expect(notSeenByRule(analysis), `skew ${skewHours} h`).toEqual(unseen);
    }
  });

  it('slmgr host data wins for the count, and "publishing disabled" wins for DNS', () => {
    const slmgr = license('kms01', { channel: 'VOLUME_KMS_C', keyType: 'Volume:CSVLK', kmsHost: { currentCount: 40, dnsPublishing: false } });
    const v = computeFleetViews(buildFleet([...facts, slmgr], { now: NOW }), NOW, SETTINGS);
    expect(v.kmsHosts[0]).toMatchObject({ currentCount: 40, currentCountSource: 'slmgr', dnsPublishing: 'disabled' });
  });

  it('"DNS publishing enabled" in a host\'s /dlv with no 12293/12294 shows as enabled, and 12294 still wins', () => {
    const slmgr = license('kms01', { channel: 'VOLUME_KMS_C', keyType: 'Volume:CSVLK', kmsHost: { currentCount: 40, dnsPublishing: true } });
    const noEvents = facts.filter((f) => f.fact.kind !== 'kms-service');
    expect(computeFleetViews(buildFleet([...noEvents, slmgr], { now: NOW }), NOW, SETTINGS).kmsHosts[0].dnsPublishing).toBe('enabled');
    const published = service('dns-publish-ok', '2024-03-07T21:00:00Z');
    expect(computeFleetViews(buildFleet([...noEvents, slmgr, published], { now: NOW }), NOW, SETTINGS).kmsHosts[0].dnsPublishing).toBe('ok');
  });

  it('04A: the /dli and /dlv blocks of one product are one license row; another partial key stays apart', () => {
    const dli = license('pc9', { form: 'dli', activationId: undefined, partialKey: 'WFG6P', lineStart: 1, lineEnd: 9 });
    const dlv = license('pc9', { form: 'dlv', partialKey: 'WFG6P', lineStart: 12, lineEnd: 30 });
    const one = computeFleetViews(buildFleet([dli, dlv], { now: NOW }), NOW, SETTINGS);
    expect(one.products).toEqual([{ edition: 'Windows 10/11 Enterprise', family: 'Windows client', channel: 'VOLUME_KMSCLIENT', machines: 1, licensed: 1 }]);
    expect(one.statusCounts).toEqual({ Licensed: 1 });
    const other = license('pc9', { form: 'dli', activationId: undefined, partialKey: 'XXXXX', lineStart: 40, lineEnd: 48 });
    expect(computeFleetViews(buildFleet([dli, dlv, other], { now: NOW }), NOW, SETTINGS).statusCounts).toEqual({ Licensed: 2 });
  });

  it('an empty fleet gives empty views', () => {
    const v = computeFleetViews(buildFleet([] as FactWithOwner[], { now: NOW }), NOW, SETTINGS);
    expect(v).toEqual({ statusCounts: {}, expiring: [], expiringByRange: { expired: 0, '0-7d': 0, '8-30d': 0, '31-60d': 0, '61-90d': 0, '>90d': 0 }, products: [], kmsHosts: [], duplicateCmids: [], unseenClients: [] });
  });
});

describe('fleet views in the reports', () => {
  it('JSON carries them and the Markdown Fleet section escapes names from input', async () => {
    const analysis = await analyze(['fixtures/snapshots/nightly-2024-03-07'], { now: '2024-03-07T23:59:00Z', threads: 0 });
    const report = buildReport(analysis);
    expect(report.fleet.kmsHosts.map((h) => h.name)).toEqual(['kms01.corp.contoso.com']);
    const hostile = { ...report, fleet: { ...report.fleet, unseenClients: [{ machine: 'evil|<img src=x>*[x](http://a)', host: 'kms01' }] } };
    const text = renderMarkdown(hostile);
    expect(text).toContain('### KMS clients their host never logged');
    expect(text).toContain('| evil\\|&lt;img src=x&gt;\\*\\[x\\](http:\\/\\/a) | kms01 |');
    expect(text).toContain('### KMS hosts (05A)');
  });
});

// Keeps the Fact import used for readers of this file: facts above are all of the decode layer's shapes.
export type { Fact };
