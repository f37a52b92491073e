// The fleet snapshots behind fixtures/rules/** and fixtures/scenarios/**: one function per folder,
// returning the files (one subfolder per machine) and what the diagnosis must say about them.
// `npx tsx test/helpers/write-diagnose-fixtures.ts` writes them; the written files are committed.
import {
  ACT,
  type EventSpec,
  type ProductBlock,
  ev104,
  ev1058,
  ev12288,
  ev12289,
  ev12290,
  ev12291,
  ev12293,
  ev12294,
  ev12305,
  ev8198,
  ev8200,
  ev8209,
  ev8230,
  eventViewerXml,
  slmgrAtoFailed,
  slmgrText,
  wevtutilXml,
} from './activation-exports.js';

export interface ExpectedEvidence {
  /** Path relative to the fixture folder. */
  file: string;
  record?: number;
  line?: number;
  eventId?: number;
}

export interface ExpectedFinding {
  rule: string;
  /** Folder name of the machine (compared by machine key). */
  machine: string;
  severity?: 'error' | 'warning' | 'info';
  evidence: ExpectedEvidence[];
  /** Substrings some remedy line must contain. */
  remedyIncludes?: string[];
}

export interface ExpectedStep {
  id: string;
  status: 'pass' | 'fail' | 'unknown';
  /** For unknown steps: a substring of what to collect. */
  collect?: string;
}

export interface Expectation {
  now: string;
  findings: ExpectedFinding[];
  absent: string[];
  walks?: Record<string, ExpectedStep[]>;
}

export interface FixtureFolder {
  files: Record<string, string>;
  expect: Expectation;
}

export interface RuleFixture {
  rule: string;
  fires: FixtureFolder;
  quiet: FixtureFolder;
}

const DOMAIN = 'corp.contoso.com';
const NOW = '2024-03-07T12:00:00Z';
const fq = (short: string): string => `${short.toUpperCase()}.${DOMAIN}`;
const host = (short: string): string => `${short}.${DOMAIN}`;
/** ISO time on March `day` 2024. */
const at = (h: number, m = 0, day = 7, s = 4): string =>
  `2024-03-${String(day).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}Z`;

const CMID = {
  client01: '2ffcfc30-6a6a-49ec-92b8-f6150c7df211',
  client02: 'a0e1d9c4-8f3b-4f55-9a57-3c1f0b6d2e11',
  clone: 'c0ffee00-1111-4222-8333-444455556666',
  pc: (n: number): string => `5d6c00${String(n).padStart(2, '0')}-1b2a-4c3d-8e4f-a5b6c7d8e9f0`,
};

// ---- Building blocks -----------------------------------------------------------------------------

/** A healthy KMS client: renewal request and successful response. */
function healthyClientEvents(short: string, cmid: string, record: number, time = at(9, 12)): EventSpec[] {
  const later = time.replace(/:04Z$/, ':05Z');
  return [ev12288(fq(short), time, record, { cmid, state: 1, minutes: 184320 }), ev12289(fq(short), later, record + 1, { count: 50 })];
}

/** A KMS host log: other clients' requests every 40 minutes across the window, plus `extra`. */
function kmsLog(hostShort: string, from: string, to: string, firstRecord: number, extra: { time: string; client: string; cmid: string; result?: string; need?: 5 | 25; clientTime?: string }[] = []): EventSpec[] {
  const rows: { time: string; client: string; cmid: string; result?: string; need?: 5 | 25; clientTime?: string }[] = [];
  let n = 1;
  for (let t = Date.parse(from); t <= Date.parse(to); t += 40 * 60_000, n++) {
    rows.push({ time: new Date(t).toISOString().replace('.000', ''), client: `pc${String(n).padStart(2, '0')}.${DOMAIN}`, cmid: CMID.pc(n % 90) });
  }
  rows.push(...extra);
  rows.sort((a, b) => a.time.localeCompare(b.time));
  return rows.map((r, i) =>
    ev12290(host(hostShort), r.time, firstRecord + i, { client: r.client, cmid: r.cmid, result: r.result, need: r.need, ...(r.clientTime ? { clientTime: r.clientTime } : {}) }),
  );
}

const KMS_CLIENT_WIN10 = (o: Partial<ProductBlock> = {}): ProductBlock => ({
  name: 'Windows(R), Enterprise edition',
  description: 'Windows(R) Operating System, VOLUME_KMSCLIENT channel',
  partialKey: '2YT43',
  status: 'Licensed',
  activationId: ACT.win10Enterprise,
  keyChannel: 'Volume:GVLK',
  ...o,
});

const KMS_HOST_2019 = (o: Partial<ProductBlock> = {}): ProductBlock => ({
  name: 'Windows(R), ServerStandard edition',
  description: 'Windows(R) Operating System, VOLUME_KMS_C channel',
  partialKey: 'Q8RX4',
  status: 'Licensed',
  activationId: '7dc26449-db21-4e09-ba37-28f2958506a6',
  keyChannel: 'Volume:CSVLK',
  rearm: 1000,
  kmsHost: { count: 50 },
  ...o,
});

const MAK_WIN10 = (o: Partial<ProductBlock> = {}): ProductBlock => ({
  name: 'Windows(R), Professional edition',
  description: 'Windows(R) Operating System, VOLUME_MAK channel',
  partialKey: 'XK3FM',
  status: 'Licensed',
  activationId: '2de67392-b7a7-462a-b1ca-108dd189f588',
  keyChannel: 'Volume:MAK',
  rearm: 1000,
  ...o,
});

function folder(files: Record<string, string>, expect: Partial<Expectation>): FixtureFolder {
  return { files, expect: { now: expect.now ?? NOW, findings: expect.findings ?? [], absent: expect.absent ?? [], ...(expect.walks ? { walks: expect.walks } : {}) } };
}

/** The quiet twin most KMS client rules share: one healthy client and its host. */
function healthyClientFleet(absent: string[]): FixtureFolder {
  return folder(
    {
      'client01/Application.xml': eventViewerXml(healthyClientEvents('client01', CMID.client01, 5101)),
      'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001, [{ time: at(9, 12, 7, 4), client: host('client01'), cmid: CMID.client01 }])),
    },
    { absent },
  );
}

// ---- One fixture pair per rule ------------------------------------------------------------------

export function ruleFixtures(): RuleFixture[] {
  return [
    {
      rule: 'kms-client/activated',
      fires: folder(
        {
          'client01/Application.xml': eventViewerXml(healthyClientEvents('client01', CMID.client01, 5101)),
          'client01/slmgr-dli.txt': slmgrText('en', [KMS_CLIENT_WIN10({ volumeExpiryMinutes: 259170, kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })]),
        },
        { findings: [{ rule: 'kms-client/activated', machine: 'client01', severity: 'info', evidence: [{ file: 'client01/slmgr-dli.txt', line: 4 }] }], absent: ['kms-client/not-activated'] },
      ),
      quiet: folder(
        { 'client01/slmgr-dli.txt': slmgrText('ja', [KMS_CLIENT_WIN10({ status: '通知', kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })]) },
        { absent: ['kms-client/activated'], findings: [{ rule: 'kms-client/not-activated', machine: 'client01', evidence: [{ file: 'client01/slmgr-dli.txt', line: 1 }] }] },
      ),
    },
    {
      rule: 'kms-client/not-activated',
      fires: folder(
        { 'client01/slmgr-dli.txt': slmgrText('ja', [KMS_CLIENT_WIN10({ status: '最初の猶予期間', kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })]) },
        { findings: [{ rule: 'kms-client/not-activated', machine: 'client01', severity: 'error', evidence: [{ file: 'client01/slmgr-dli.txt', line: 1 }], remedyIncludes: ['slmgr.vbs /ato'] }], absent: ['kms-client/activated'] },
      ),
      quiet: healthyClientFleet(['kms-client/not-activated']),
    },
    {
      rule: 'kms-client/count-below-threshold',
      fires: folder(
        {
          'client01/Application.xml': wevtutilXml([
            ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240 }),
            ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004F038', flags: '0x04000000', count: 12 }),
          ]),
        },
        {
          findings: [{ rule: 'kms-client/count-below-threshold', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5102, eventId: 12289 }, { file: 'client01/Application.xml', record: 5101 }] }],
          absent: ['kms-client/request-failed'],
        },
      ),
      quiet: healthyClientFleet(['kms-client/count-below-threshold']),
    },
    {
      rule: 'kms-client/request-failed',
      fires: folder(
        {
          'client01/Application.xml': eventViewerXml([
            ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240 }),
            ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004F042', count: 50 }),
          ]),
        },
        { findings: [{ rule: 'kms-client/request-failed', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5102 }], remedyIncludes: ['slui.exe 0x2a 0xC004F042'] }] },
      ),
      // 0xC004F038 is the count rule's, never also request-failed.
      quiet: folder(
        {
          'client01/Application.xml': eventViewerXml([
            ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240 }),
            ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004F038', flags: '0x04000000', count: 12 }),
          ]),
        },
        { findings: [{ rule: 'kms-client/count-below-threshold', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5102 }] }], absent: ['kms-client/request-failed'] },
      ),
    },
    {
      rule: 'kms-client/no-response',
      fires: folder(
        {
          'client01/Application.xml': eventViewerXml([
            ev12288(fq('client01'), at(7, 10), 5101, { cmid: CMID.client01, state: 2, minutes: 30240 }),
            ev12288(fq('client01'), at(9, 10), 5102, { cmid: CMID.client01, state: 2, minutes: 30120 }),
          ]),
        },
        { findings: [{ rule: 'kms-client/no-response', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5101 }, { file: 'client01/Application.xml', record: 5102 }] }] },
      ),
      quiet: healthyClientFleet(['kms-client/no-response']),
    },
    {
      rule: 'kms-client/host-mismatch',
      fires: folder(
        {
          'client01/Application.xml': eventViewerXml([
            ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, host: 'kms-old.corp.contoso.com:1688', state: 2, minutes: 30240 }),
          ]),
          'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001)),
          'kms01/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019()], true),
        },
        { findings: [{ rule: 'kms-client/host-mismatch', machine: 'client01', severity: 'warning', evidence: [{ file: 'client01/Application.xml', record: 5101 }], remedyIncludes: ['slmgr.vbs /skms kms01'] }] },
      ),
      quiet: healthyClientFleet(['kms-client/host-mismatch']),
    },
    {
      rule: 'kms-client/not-seen-by-host',
      fires: folder(
        {
          'client01/Application.xml': eventViewerXml([ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, result: '0xC004F074', state: 2, minutes: 30240 })]),
          'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001)),
        },
        { findings: [{ rule: 'kms-client/not-seen-by-host', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5101 }, { file: 'kms01/KeyManagementService.xml', eventId: 12290 }] }] },
      ),
      quiet: folder(
        {
          'client01/Application.xml': eventViewerXml([ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, result: '0xC004F074', state: 2, minutes: 30240 })]),
          'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001, [{ time: at(9, 12, 7, 6), client: host('client01'), cmid: CMID.client01, result: '0xC004F038' }])),
        },
        { absent: ['kms-client/not-seen-by-host'] },
      ),
    },
    {
      rule: 'kms-client/dns-lookup-failed',
      fires: folder(
        {
          'client01/slmgr-dli.txt': slmgrText('en', [KMS_CLIENT_WIN10({ status: 'Initial grace period', graceMinutes: 40320, kmsClient: { cmid: CMID.client01, source: 'dns' } })]),
          'client01/slmgr-ato.txt': slmgrAtoFailed('Windows(R), Enterprise edition', ACT.win10Enterprise, '0x8007232B', 'DNS name does not exist.'),
        },
        {
          findings: [{ rule: 'kms-client/dns-lookup-failed', machine: 'client01', evidence: [{ file: 'client01/slmgr-ato.txt' }], remedyIncludes: ['nslookup -type=srv _vlmcs._tcp'] }],
          absent: ['kms-client/request-failed'],
        },
      ),
      quiet: healthyClientFleet(['kms-client/dns-lookup-failed']),
    },
    {
      rule: 'kms-client/time-skew',
      fires: folder(
        {
          'client01/Application.xml': eventViewerXml([
            ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240, clientTime: '2024/03/07 04:07' }),
            ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004F06C', count: 0, clientTime: '2024/03/07 04:07' }),
          ]),
          'kms01/KeyManagementService.xml': wevtutilXml(
            kmsLog('kms01', at(6, 0), at(11, 0), 30001, [{ time: at(9, 12, 7, 5), client: host('client01'), cmid: CMID.client01, result: '0xC004F06C', clientTime: '2024/3/7 4:07' }]),
          ),
        },
        {
          findings: [{ rule: 'kms-client/time-skew', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5102 }, { file: 'kms01/KeyManagementService.xml', eventId: 12290 }] }],
          absent: ['kms-client/request-failed'],
        },
      ),
      quiet: healthyClientFleet(['kms-client/time-skew']),
    },
    {
      rule: 'kms-client/invalid-volume-key',
      fires: folder(
        {
          'client01/Application.xml': eventViewerXml([
            ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240, activationId: ACT.win7Enterprise }),
            ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004F035', count: 50 }),
          ]),
        },
        { findings: [{ rule: 'kms-client/invalid-volume-key', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5102 }] }], absent: ['kms-client/request-failed', 'oem/missing-bios-marker'] },
      ),
      // With the NOT_WINDOWS_SLP flag the OEM rule is the more specific one.
      quiet: folder(
        {
          'client01/Application.xml': eventViewerXml([
            ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240, activationId: ACT.win7Enterprise }),
            ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004F035', flags: '0x08000008', count: 50 }),
          ]),
        },
        { findings: [{ rule: 'oem/missing-bios-marker', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5102 }] }], absent: ['kms-client/invalid-volume-key'] },
      ),
    },
    {
      rule: 'kms-client/static-host',
      fires: folder(
        { 'client01/slmgr-dli.txt': slmgrText('en', [KMS_CLIENT_WIN10({ volumeExpiryMinutes: 254880, kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'registered' } })]) },
        { findings: [{ rule: 'kms-client/static-host', machine: 'client01', severity: 'info', evidence: [{ file: 'client01/slmgr-dli.txt', line: 4 }], remedyIncludes: ['slmgr.vbs /ckms'] }] },
      ),
      quiet: folder(
        { 'client01/slmgr-dli.txt': slmgrText('ja', [KMS_CLIENT_WIN10({ volumeExpiryMinutes: 254880, kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })]) },
        { absent: ['kms-client/static-host'], findings: [{ rule: 'kms-client/activated', machine: 'client01', evidence: [{ file: 'client01/slmgr-dli.txt', line: 1 }] }] },
      ),
    },
    {
      rule: 'kms-client/activation-expiring',
      fires: folder(
        { 'client01/slmgr-dli.txt': slmgrText('en', [KMS_CLIENT_WIN10({ volumeExpiryMinutes: 14400, kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })]) },
        { findings: [{ rule: 'kms-client/activation-expiring', machine: 'client01', severity: 'warning', evidence: [{ file: 'client01/slmgr-dli.txt', line: 4 }] }] },
      ),
      quiet: folder(
        { 'client01/slmgr-dli.txt': slmgrText('ja', [KMS_CLIENT_WIN10({ volumeExpiryMinutes: 254880, kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })]) },
        { absent: ['kms-client/activation-expiring'] },
      ),
    },
    {
      rule: 'kms-host/duplicate-cmid',
      fires: folder(
        {
          'kms01/KeyManagementService.xml': wevtutilXml(
            kmsLog('kms01', at(6, 0), at(11, 0), 30001, [
              { time: at(7, 3), client: host('lab-pc07'), cmid: CMID.clone, result: '0xC004F038' },
              { time: at(8, 21), client: host('lab-pc08'), cmid: CMID.clone, result: '0xC004F038' },
            ]),
          ),
        },
        { findings: [{ rule: 'kms-host/duplicate-cmid', machine: 'kms01', evidence: [{ file: 'kms01/KeyManagementService.xml', eventId: 12290 }], remedyIncludes: ['sysprep /generalize', 'slmgr.vbs /rearm'] }] },
      ),
      quiet: folder({ 'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001)) }, { absent: ['kms-host/duplicate-cmid'] }),
    },
    {
      rule: 'kms-host/count-below-threshold',
      fires: folder(
        {
          'kms01/slmgr-dlv.txt': slmgrText('ja', [KMS_HOST_2019({ kmsHost: { count: 12 } })], true),
          'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001, [{ time: at(9, 12, 7, 6), client: host('client01'), cmid: CMID.client01, result: '0xC004F038' }])),
        },
        { findings: [{ rule: 'kms-host/count-below-threshold', machine: 'kms01', evidence: [{ file: 'kms01/slmgr-dlv.txt', line: 1 }] }] },
      ),
      // Only servers ask (required count 5), and 12 is enough for them.
      quiet: folder(
        {
          'kms01/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019({ kmsHost: { count: 12 } })], true),
          'kms01/KeyManagementService.xml': wevtutilXml(
            [at(8, 0), at(9, 0), at(10, 0)].map((t, i) => ev12290(host('kms01'), t, 30001 + i, { client: host(`srv-app0${i + 1}`), cmid: CMID.pc(40 + i), need: 5, activationId: ACT.server2019Datacenter })),
          ),
        },
        { absent: ['kms-host/count-below-threshold'] },
      ),
    },
    {
      rule: 'kms-host/idle',
      fires: folder({ 'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(0, 0), at(2, 0), 30001)) }, {
        findings: [{ rule: 'kms-host/idle', machine: 'kms01', severity: 'warning', evidence: [{ file: 'kms01/KeyManagementService.xml', record: 30004 }] }],
      }),
      quiet: folder({ 'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001)) }, { absent: ['kms-host/idle'] }),
    },
    {
      rule: 'kms-host/dns-publish-failed',
      fires: folder({ 'kms01/Application.xml': eventViewerXml([ev12293(host('kms01'), at(3, 15), 7001, '0x80072338', DOMAIN)]) }, {
        findings: [{ rule: 'kms-host/dns-publish-failed', machine: 'kms01', evidence: [{ file: 'kms01/Application.xml', record: 7001, eventId: 12293 }], remedyIncludes: ['_vlmcs._tcp.corp.contoso.com'] }],
      }),
      quiet: folder(
        { 'kms01/Application.xml': eventViewerXml([ev12293(host('kms01'), at(3, 15, 6), 7001, '0x80072338', DOMAIN), ev12294(host('kms01'), at(3, 15), 7002, DOMAIN)]) },
        { absent: ['kms-host/dns-publish-failed'] },
      ),
    },
    {
      rule: 'kms-host/srv-only-first-host',
      fires: folder(
        {
          'kms01/Application.xml': eventViewerXml([ev12294(host('kms01'), at(3, 10), 7001, DOMAIN)]),
          'kms01/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019()], true),
          'kms02/Application.xml': wevtutilXml([ev12293(host('kms02'), at(3, 12), 9101, '0x80072338', DOMAIN)]),
          'kms02/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019({ partialKey: 'B7T2K' })], true),
        },
        {
          findings: [{ rule: 'kms-host/srv-only-first-host', machine: 'kms02', evidence: [{ file: 'kms02/Application.xml', record: 9101 }, { file: 'kms01/Application.xml', record: 7001 }] }],
          absent: ['kms-host/dns-publish-failed'],
        },
      ),
      quiet: folder(
        {
          'kms02/Application.xml': wevtutilXml([ev12293(host('kms02'), at(3, 12), 9101, '0x80072338', DOMAIN)]),
          'kms02/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019({ partialKey: 'B7T2K' })], true),
        },
        { findings: [{ rule: 'kms-host/dns-publish-failed', machine: 'kms02', evidence: [{ file: 'kms02/Application.xml', record: 9101 }] }], absent: ['kms-host/srv-only-first-host'] },
      ),
    },
    {
      rule: 'kms-host/service-failed',
      fires: folder(
        {
          'kms01/Application.xml': eventViewerXml([ev12291(host('kms01'), at(8, 2), 7001, '0xC004F015')]),
          'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(4, 0), at(7, 0), 30001)),
        },
        { findings: [{ rule: 'kms-host/service-failed', machine: 'kms01', evidence: [{ file: 'kms01/Application.xml', record: 7001, eventId: 12291 }] }] },
      ),
      quiet: folder(
        {
          'kms01/Application.xml': eventViewerXml([ev12291(host('kms01'), at(5, 2), 7001, '0xC004F015')]),
          'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001)),
        },
        { absent: ['kms-host/service-failed'] },
      ),
    },
    {
      rule: 'kms-host/not-activated',
      fires: folder({ 'kms01/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019({ status: 'Initial grace period', graceMinutes: 20160, kmsHost: { count: 0 } })], true) }, {
        findings: [{ rule: 'kms-host/not-activated', machine: 'kms01', evidence: [{ file: 'kms01/slmgr-dlv.txt', line: 6 }], remedyIncludes: ['slmgr.vbs /ato'] }],
      }),
      quiet: folder({ 'kms01/slmgr-dlv.txt': slmgrText('ja', [KMS_HOST_2019()], true) }, { absent: ['kms-host/not-activated'] }),
    },
    {
      rule: 'kms-host/key-on-client',
      fires: folder(
        {
          'pc17/slmgr-dlv.txt': slmgrText(
            'en',
            [{ name: 'Windows(R) 7, Enterprise edition', description: 'Windows Operating System - Windows(R) 7, VOLUME_KMS_B channel', partialKey: 'H7X92', status: 'Licensed', keyChannel: 'Volume:CSVLK', rearm: 3, kmsHost: { count: 3, total: 9 } }],
            true,
          ),
        },
        { findings: [{ rule: 'kms-host/key-on-client', machine: 'pc17', evidence: [{ file: 'pc17/slmgr-dlv.txt', line: 6 }], remedyIncludes: ['slmgr.vbs /ipk 33PXH-7Y6KF-2VJC9-XBBR8-HVTHH'] }] },
      ),
      quiet: folder({ 'kms01/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019()], true) }, { absent: ['kms-host/key-on-client'] }),
    },
    {
      rule: 'kms-host/failed-host-referenced',
      fires: folder(
        {
          'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0, 5), at(11, 0, 5), 30001)),
          'client01/Application.xml': eventViewerXml([ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, result: '0xC004F074', state: 1, minutes: 20160 })]),
          'client02/Application.xml': wevtutilXml([ev12288(fq('client02'), at(10, 40), 6101, { cmid: CMID.client02, result: '0xC004F074', state: 1, minutes: 30160 })]),
        },
        {
          findings: [{ rule: 'kms-host/failed-host-referenced', machine: 'kms01', evidence: [{ file: 'client01/Application.xml', record: 5101 }, { file: 'client02/Application.xml', record: 6101 }] }],
        },
      ),
      quiet: healthyClientFleet(['kms-host/failed-host-referenced']),
    },
    {
      rule: 'kms-host/log-cleared',
      fires: folder(
        {
          'kms01/System.xml': eventViewerXml([ev104(host('kms01'), at(5, 58), 88120, 'Key Management Service')]),
          'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 1)),
        },
        { findings: [{ rule: 'kms-host/log-cleared', machine: 'kms01', evidence: [{ file: 'kms01/System.xml', record: 88120, eventId: 104 }] }] },
      ),
      quiet: folder(
        {
          'kms01/System.xml': eventViewerXml([ev104(host('kms01'), at(5, 58), 88120, 'Application')]),
          'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001)),
        },
        { absent: ['kms-host/log-cleared'] },
      ),
    },
    {
      rule: 'mak/activated',
      fires: folder({ 'mak01/slmgr-dlv.txt': slmgrText('en', [MAK_WIN10()], true) }, {
        findings: [{ rule: 'mak/activated', machine: 'mak01', severity: 'info', evidence: [{ file: 'mak01/slmgr-dlv.txt', line: 6 }] }],
      }),
      quiet: folder({ 'mak01/slmgr-dlv.txt': slmgrText('en', [MAK_WIN10({ status: 'Notification', notificationReason: '0xC004F009 (grace time expired)' })], true) }, { absent: ['mak/activated'] }),
    },
    {
      rule: 'mak/online-activation-failed',
      fires: folder(
        {
          'mak01/Application.xml': eventViewerXml([ev8198('MAK01.corp.contoso.com', at(8, 30), 4101, '0x80072EE7'), ev8200('MAK01.corp.contoso.com', at(8, 30, 7, 6), 4102, '0x80072EE7')]),
          'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 30240 })]),
        },
        {
          findings: [{ rule: 'mak/online-activation-failed', machine: 'mak01', evidence: [{ file: 'mak01/Application.xml', record: 4101, eventId: 8198 }, { file: 'mak01/Application.xml', record: 4102 }] }],
          absent: ['mak/ato-error'],
        },
      ),
      // The failure was before slmgr showed the MAK Licensed: history.
      quiet: folder(
        {
          'mak01/Application.xml': eventViewerXml([ev8198('MAK01.corp.contoso.com', at(8, 30), 4101, '0x80072EE7')]),
          'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10()]),
        },
        { absent: ['mak/online-activation-failed'] },
      ),
    },
    {
      rule: 'mak/activation-limit',
      fires: folder(
        {
          'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 30240 })]),
          'mak01/slmgr-ato.txt': slmgrAtoFailed('Windows(R), Professional edition', '2de67392-b7a7-462a-b1ca-108dd189f588', '0xC004C008', 'The activation server determined that the specified product key could not be used.'),
        },
        { findings: [{ rule: 'mak/activation-limit', machine: 'mak01', evidence: [{ file: 'mak01/slmgr-ato.txt' }] }], absent: ['mak/ato-error'] },
      ),
      quiet: folder(
        {
          'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 30240 })]),
          'mak01/slmgr-ato.txt': slmgrAtoFailed('Windows(R), Professional edition', '2de67392-b7a7-462a-b1ca-108dd189f588', '0x80072EE7', 'The server name or address could not be resolved'),
        },
        { findings: [{ rule: 'mak/online-activation-failed', machine: 'mak01', evidence: [{ file: 'mak01/slmgr-ato.txt' }] }], absent: ['mak/activation-limit'] },
      ),
    },
    {
      rule: 'mak/key-blocked',
      fires: folder(
        {
          'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 30240 })]),
          'mak01/slmgr-ato.txt': slmgrAtoFailed('Windows(R), Professional edition', '2de67392-b7a7-462a-b1ca-108dd189f588', '0xC004C003', 'The activation server determined the specified product key is blocked.'),
        },
        { findings: [{ rule: 'mak/key-blocked', machine: 'mak01', evidence: [{ file: 'mak01/slmgr-ato.txt' }], remedyIncludes: ['slmgr.vbs /ipk <new MAK>'] }], absent: ['mak/ato-error'] },
      ),
      quiet: folder(
        {
          'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 30240 })]),
          'mak01/slmgr-ato.txt': slmgrAtoFailed('Windows(R), Professional edition', '2de67392-b7a7-462a-b1ca-108dd189f588', '0xC004C008', 'The activation server determined that the specified product key could not be used.'),
        },
        { absent: ['mak/key-blocked'] },
      ),
    },
    {
      rule: 'mak/ato-error',
      fires: folder(
        {
          'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 30240 })]),
          'mak01/slmgr-ato.txt': slmgrAtoFailed('Windows(R), Professional edition', '2de67392-b7a7-462a-b1ca-108dd189f588', '0xC004F050', 'The Software Licensing Service reported that the product key is invalid.'),
        },
        { findings: [{ rule: 'mak/ato-error', machine: 'mak01', evidence: [{ file: 'mak01/slmgr-ato.txt' }], remedyIncludes: ['slui.exe 0x2a 0xC004F050'] }] },
      ),
      quiet: folder(
        {
          'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 30240 })]),
          'mak01/slmgr-ato.txt': slmgrAtoFailed('Windows(R), Professional edition', '2de67392-b7a7-462a-b1ca-108dd189f588', '0xC004C003', 'The activation server determined the specified product key is blocked.'),
        },
        { findings: [{ rule: 'mak/key-blocked', machine: 'mak01', evidence: [{ file: 'mak01/slmgr-ato.txt' }] }], absent: ['mak/ato-error'] },
      ),
    },
    {
      rule: 'genuine/non-genuine',
      fires: folder({ 'client01/Application.xml': eventViewerXml([ev8209(fq('client01'), at(7, 40), 5201, '0xC004C4A2')]) }, {
        findings: [{ rule: 'genuine/non-genuine', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5201, eventId: 8209 }] }],
      }),
      quiet: folder(
        { 'client01/Application.xml': wevtutilXml([ev8209(fq('client01'), at(7, 40, 5), 5201, '0xC004C4A2'), ev12305(fq('client01'), at(9, 2), 5240)]) },
        { absent: ['genuine/non-genuine'] },
      ),
    },
    {
      rule: 'oem/missing-bios-marker',
      fires: folder(
        {
          'client01/Application.xml': eventViewerXml([
            ev1058(fq('client01'), at(8, 59), 5100, '0xC004F057'),
            ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240, activationId: ACT.win7Enterprise }),
            ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004F035', flags: '0x08000008', count: 50 }),
          ]),
        },
        {
          findings: [{ rule: 'oem/missing-bios-marker', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5102 }, { file: 'client01/Application.xml', record: 5100, eventId: 1058 }] }],
          absent: ['kms-client/invalid-volume-key'],
        },
      ),
      quiet: folder(
        {
          'client01/Application.xml': eventViewerXml([
            ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240, activationId: ACT.win7Enterprise }),
            ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004F035', count: 50 }),
          ]),
        },
        { findings: [{ rule: 'kms-client/invalid-volume-key', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5102 }] }], absent: ['oem/missing-bios-marker'] },
      ),
    },
    {
      rule: 'license/notification',
      fires: folder(
        { 'client01/Application.xml': wevtutilXml([ev8230(fq('client01'), at(9, 30), 5301, { state: 'SL_LICENSING_STATUS_NOTIFICATION', keyType: 'Volume:GVLK', partialKey: '2YT43', reason: '0xC004F056' })]) },
        { findings: [{ rule: 'license/notification', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5301, eventId: 8230 }] }] },
      ),
      quiet: folder(
        { 'client01/Application.xml': wevtutilXml([ev8230(fq('client01'), at(9, 30), 5301, { state: 'SL_LICENSING_STATUS_LICENSED', keyType: 'Volume:GVLK', partialKey: '2YT43' })]) },
        { absent: ['license/notification'] },
      ),
    },
    {
      rule: 'license/grace-expiring',
      fires: folder({ 'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 4320 })]) }, {
        findings: [{ rule: 'license/grace-expiring', machine: 'mak01', severity: 'warning', evidence: [{ file: 'mak01/slmgr-dli.txt', line: 4 }] }],
      }),
      quiet: folder({ 'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 20160 })]) }, { absent: ['license/grace-expiring'] }),
    },
    {
      rule: 'license/rearm-exhausted',
      fires: folder({ 'client01/slmgr-dlv.txt': slmgrText('en', [KMS_CLIENT_WIN10({ rearm: 0, volumeExpiryMinutes: 254880, kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })], true) }, {
        findings: [{ rule: 'license/rearm-exhausted', machine: 'client01', evidence: [{ file: 'client01/slmgr-dlv.txt', line: 6 }] }],
      }),
      quiet: folder({ 'client01/slmgr-dlv.txt': slmgrText('ja', [KMS_CLIENT_WIN10({ rearm: 1, volumeExpiryMinutes: 254880, kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })], true) }, {
        absent: ['license/rearm-exhausted'],
      }),
    },
    {
      rule: 'error/unknown-code',
      fires: folder(
        {
          'client01/Application.xml': eventViewerXml([
            ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240 }),
            ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004FE77', count: 50 }),
          ]),
        },
        { findings: [{ rule: 'error/unknown-code', machine: 'client01', severity: 'info', evidence: [{ file: 'client01/Application.xml', record: 5102 }], remedyIncludes: ['slui.exe 0x2a 0xC004FE77'] }] },
      ),
      quiet: folder(
        {
          'client01/Application.xml': eventViewerXml([
            ev12288(fq('client01'), at(9, 12), 5101, { cmid: CMID.client01, state: 2, minutes: 30240 }),
            ev12289(fq('client01'), at(9, 12, 7, 5), 5102, { result: '0xC004F042', count: 50 }),
          ]),
        },
        { absent: ['error/unknown-code'] },
      ),
    },
    {
      // A client's Application log that ends 2023-05-31 07:12: its last activation events are older (2023-05-20);
      // the newest record is an MsiInstaller event volact does not decode, and it still marks the end.
      rule: 'input/stale-export',
      fires: folder({ 'client01/Application.xml': wevtutilXml(staleClientLog()) }, {
        now: '2024-11-20T00:00:00Z',
        findings: [{ rule: 'input/stale-export', machine: 'client01', severity: 'info', evidence: [{ file: 'client01/Application.xml', record: 5203 }] }],
      }),
      // --now three days after the MsiInstaller record (eleven after the last activation event): not stale.
      quiet: folder({ 'client01/Application.xml': wevtutilXml(staleClientLog()) }, { now: '2023-06-03T00:00:00Z', absent: ['input/stale-export'] }),
    },
  ];
}

/** wevtutil qe Application /f:xml of a client whose log ends 2023-05-31 07:12 UTC with a record of another provider. */
function staleClientLog(): EventSpec[] {
  const msi = (time: string, record: number): EventSpec => ({
    id: 1033, time, record, computer: fq('client01'), provider: 'MsiInstaller', qualifiers: 0, level: 4,
    data: ['Contoso Agent', '1.2.3', '1033', '0', 'Contoso', '(NULL)', ''],
    message: 'Windows Installer installed the product. Product Name: Contoso Agent. Product Version: 1.2.3. Product Language: 1033. Manufacturer: Contoso. Installation success or error status: 0.',
  });
  return [
    msi('2023-05-19T16:40:10Z', 5199),
    ev12288(fq('client01'), '2023-05-20T09:12:04Z', 5200, { cmid: CMID.client01, state: 1, minutes: 184320 }),
    ev12289(fq('client01'), '2023-05-20T09:12:05Z', 5201, { count: 50 }),
    msi('2023-05-24T11:02:45Z', 5202),
    msi('2023-05-31T07:12:33Z', 5203),
  ];
}

// ---- Walk scenarios ---------------------------------------------------------------------------------

export function walkScenarios(): Record<string, FixtureFolder> {
  const clientSlmgr = slmgrText('ja', [KMS_CLIENT_WIN10({ volumeExpiryMinutes: 259170, kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })]);
  return {
    'healthy-kms-client': folder(
      {
        'client01/Application.xml': eventViewerXml(healthyClientEvents('client01', CMID.client01, 5101, at(11, 50))),
        'client01/slmgr-dli.txt': clientSlmgr,
        'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001, [{ time: at(11, 50, 7, 4), client: host('client01'), cmid: CMID.client01 }])),
        'kms01/Application.xml': eventViewerXml([ev12294(host('kms01'), at(2, 0), 7001, DOMAIN)]),
        'kms01/slmgr-dlv.txt': slmgrText('ja', [KMS_HOST_2019()], true),
      },
      {
        absent: ['kms-client/not-activated', 'kms-client/request-failed', 'kms-client/not-seen-by-host'],
        findings: [{ rule: 'kms-client/activated', machine: 'client01', evidence: [{ file: 'client01/slmgr-dli.txt', line: 1 }] }],
        walks: {
          client01: [
            { id: 'kms-client/activated', status: 'pass' },
            { id: 'kms-client/threshold', status: 'pass' },
            { id: 'kms-client/response-result', status: 'pass' },
            { id: 'kms-client/host-and-port', status: 'pass' },
            { id: 'kms-client/dns-discovery', status: 'pass' },
            { id: 'kms-client/host-reachable', status: 'pass' },
            { id: 'kms-client/host-logged-request', status: 'pass' },
            { id: 'kms-client/time-skew', status: 'pass' },
            { id: 'kms-client/volume-key', status: 'pass' },
            { id: 'kms-client/counted', status: 'pass' },
            { id: 'kms-client/failover', status: 'pass' },
            { id: 'kms-client/expiry', status: 'pass' },
            { id: 'genuine/non-genuine', status: 'pass' },
            { id: 'license/state', status: 'pass' },
            { id: 'error/codes-explained', status: 'pass' },
          ],
        },
      },
    ),
    'kms-client-host-never-saw-it': folder(
      {
        'client01/Application.xml': eventViewerXml([
          ev12288(fq('client01'), at(7, 10), 5101, { cmid: CMID.client01, result: '0xC004F074', state: 2, minutes: 30360 }),
          ev12288(fq('client01'), at(9, 10), 5102, { cmid: CMID.client01, result: '0xC004F074', state: 2, minutes: 30240 }),
          ev12288(fq('client01'), at(11, 10), 5103, { cmid: CMID.client01, result: '0xC004F074', state: 2, minutes: 30120 }),
        ]),
        'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 40), 30001)),
      },
      {
        findings: [
          { rule: 'kms-client/not-seen-by-host', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5101 }, { file: 'client01/Application.xml', record: 5103 }, { file: 'kms01/KeyManagementService.xml', eventId: 12290 }] },
          { rule: 'kms-client/no-response', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5102 }] },
          { rule: 'kms-client/request-failed', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5101 }], remedyIncludes: ['slui.exe 0x2a 0xC004F074'] },
        ],
        absent: ['kms-client/host-mismatch'],
        walks: {
          client01: [
            { id: 'kms-client/activated', status: 'fail' },
            { id: 'kms-client/threshold', status: 'unknown', collect: 'Current count' },
            { id: 'kms-client/response-result', status: 'unknown', collect: 'slmgr.vbs /ato' },
            { id: 'kms-client/host-and-port', status: 'pass' },
            { id: 'kms-client/dns-discovery', status: 'pass' },
            { id: 'kms-client/host-reachable', status: 'fail' },
            { id: 'kms-client/host-logged-request', status: 'fail' },
            { id: 'kms-client/time-skew', status: 'unknown', collect: 'Key Management Service log from kms01.corp.contoso.com' },
            { id: 'kms-client/volume-key', status: 'pass' },
            { id: 'kms-client/counted', status: 'pass' },
            { id: 'kms-client/failover', status: 'unknown', collect: 'slmgr.vbs /dli' },
            { id: 'genuine/non-genuine', status: 'pass' },
            { id: 'license/state', status: 'fail' },
            { id: 'error/codes-explained', status: 'pass' },
          ],
        },
      },
    ),
    'kms-host-duplicate-cmids': folder(
      {
        'kms01/KeyManagementService.xml': wevtutilXml(
          kmsLog('kms01', at(6, 0), at(11, 0), 30001, [
            { time: at(7, 3), client: host('lab-pc07'), cmid: CMID.clone, result: '0xC004F038' },
            { time: at(8, 21), client: host('lab-pc08'), cmid: CMID.clone, result: '0xC004F038' },
          ]),
        ),
        'kms01/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019({ kmsHost: { count: 9 } })], true),
        'kms01/Application.xml': eventViewerXml([ev12294(host('kms01'), at(2, 0), 7001, DOMAIN)]),
        'lab-pc07/Application.xml': eventViewerXml([
          ev12288(fq('lab-pc07'), at(7, 3), 3101, { cmid: CMID.clone, state: 2, minutes: 41000 }),
          ev12289(fq('lab-pc07'), at(7, 3, 7, 5), 3102, { result: '0xC004F038', flags: '0x04000000', count: 9 }),
        ]),
        'lab-pc08/Application.xml': wevtutilXml([
          ev12288(fq('lab-pc08'), at(8, 21), 3101, { cmid: CMID.clone, state: 2, minutes: 41000 }),
          ev12289(fq('lab-pc08'), at(8, 21, 7, 5), 3102, { result: '0xC004F038', flags: '0x04000000', count: 9 }),
        ]),
      },
      {
        findings: [
          { rule: 'kms-host/duplicate-cmid', machine: 'kms01', evidence: [{ file: 'kms01/KeyManagementService.xml', eventId: 12290 }] },
          { rule: 'kms-host/duplicate-cmid', machine: 'lab-pc07', evidence: [{ file: 'lab-pc07/Application.xml', record: 3101 }, { file: 'lab-pc08/Application.xml', record: 3101 }] },
          { rule: 'kms-host/count-below-threshold', machine: 'kms01', evidence: [{ file: 'kms01/slmgr-dlv.txt', line: 6 }] },
          { rule: 'kms-client/count-below-threshold', machine: 'lab-pc08', evidence: [{ file: 'lab-pc08/Application.xml', record: 3102 }] },
        ],
        absent: ['kms-client/request-failed'],
        walks: {
          kms01: [
            { id: 'kms-host/activated', status: 'pass' },
            { id: 'kms-host/service', status: 'pass' },
            { id: 'kms-host/dns-publish', status: 'pass' },
            { id: 'kms-host/count', status: 'fail' },
            { id: 'kms-host/unique-cmids', status: 'fail' },
            { id: 'kms-host/activity', status: 'pass' },
            { id: 'kms-host/key-placement', status: 'pass' },
            { id: 'kms-host/log-intact', status: 'pass' },
            { id: 'genuine/non-genuine', status: 'pass' },
            { id: 'license/state', status: 'pass' },
            { id: 'error/codes-explained', status: 'pass' },
          ],
          'lab-pc07': [
            { id: 'kms-client/activated', status: 'fail' },
            { id: 'kms-client/threshold', status: 'fail' },
            { id: 'kms-client/response-result', status: 'fail' },
            { id: 'kms-client/host-and-port', status: 'pass' },
            { id: 'kms-client/dns-discovery', status: 'pass' },
            { id: 'kms-client/host-reachable', status: 'pass' },
            { id: 'kms-client/host-logged-request', status: 'pass' },
            { id: 'kms-client/time-skew', status: 'pass' },
            { id: 'kms-client/volume-key', status: 'pass' },
            { id: 'kms-client/counted', status: 'fail' },
            { id: 'kms-client/failover', status: 'unknown', collect: 'slmgr.vbs /dli' },
            { id: 'genuine/non-genuine', status: 'pass' },
            { id: 'license/state', status: 'fail' },
            { id: 'error/codes-explained', status: 'pass' },
          ],
        },
      },
    ),
    'mak-online-activation-failed': folder(
      {
        'mak01/Application.xml': eventViewerXml([
          ev8198('MAK01.corp.contoso.com', at(8, 30), 4101, '0x80072EE7'),
          ev8200('MAK01.corp.contoso.com', at(8, 30, 7, 6), 4102, '0x80072EE7'),
          ev8198('MAK01.corp.contoso.com', at(10, 30), 4140, '0x80072EE7'),
        ]),
        'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 30240 })]),
      },
      {
        findings: [{ rule: 'mak/online-activation-failed', machine: 'mak01', evidence: [{ file: 'mak01/Application.xml', record: 4101 }, { file: 'mak01/Application.xml', record: 4140 }] }],
        absent: ['mak/ato-error', 'mak/activated', 'kms-client/request-failed'],
        walks: {
          mak01: [
            { id: 'mak/activated', status: 'fail' },
            { id: 'mak/online-activation', status: 'fail' },
            { id: 'mak/key-usable', status: 'unknown', collect: 'slui.exe 4' },
            { id: 'mak/ato-error', status: 'pass' },
            { id: 'genuine/non-genuine', status: 'pass' },
            { id: 'license/state', status: 'fail' },
            { id: 'error/codes-explained', status: 'pass' },
          ],
        },
      },
    ),
  };
}
