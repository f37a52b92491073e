// What the scenarios behind fixtures/rules/** and fixtures/scenarios/** are built from: the shapes of a fixture
// folder and of what the diagnosis must say about it, and the machines most scenarios share. Each rule's
// scenarios sit in test/rules/<area>/<name>.scenarios.ts; `npx tsx test/rules/write-fixtures.ts` writes them all.
export * from '../helpers/activation-exports.js';
import { ACT, type EventSpec, type ProductBlock, ev12288, ev12289, ev12290, eventViewerXml, wevtutilXml } from '../helpers/activation-exports.js';

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

/** A machine's likely cause and the findings that follow from it (in the guide's order). */
export interface ExpectedCause {
  cause: string;
  consequences: string[];
}

export interface Expectation {
  now: string;
  findings: ExpectedFinding[];
  absent: string[];
  walks?: Record<string, ExpectedStep[]>;
  causes?: Record<string, ExpectedCause>;
}

export interface FixtureFolder {
  /** Text files (written as UTF-8), or bytes for inputs that are not text (an EVTX file, a screenshot). */
  files: Record<string, string | Uint8Array>;
  expect: Expectation;
}

/** A rule's scenarios: a fleet where it fires, and one where it must stay quiet. */
export interface RuleScenarios {
  rule: string;
  fires: FixtureFolder;
  quiet: FixtureFolder;
}

export const DOMAIN = 'corp.contoso.com';
export const NOW = '2024-03-07T12:00:00Z';
export const fq = (short: string): string => `${short.toUpperCase()}.${DOMAIN}`;
export const host = (short: string): string => `${short}.${DOMAIN}`;
/** ISO time on March `day` 2024. */
export const at = (h: number, m = 0, day = 7, s = 4): string =>
  `2024-03-${String(day).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}Z`;

export const CMID = {
  client01: '2ffcfc30-6a6a-49ec-92b8-f6150c7df211',
  client02: 'a0e1d9c4-8f3b-4f55-9a57-3c1f0b6d2e11',
  clone: 'c0ffee00-1111-4222-8333-444455556666',
  pc: (n: number): string => `5d6c00${String(n).padStart(2, '0')}-1b2a-4c3d-8e4f-a5b6c7d8e9f0`,
};

// ---- Building blocks -----------------------------------------------------------------------------

/** A healthy KMS client: renewal request and successful response. */
export function healthyClientEvents(short: string, cmid: string, record: number, time = at(9, 12)): EventSpec[] {
  const later = time.replace(/:04Z$/, ':05Z');
  return [ev12288(fq(short), time, record, { cmid, state: 1, minutes: 184320 }), ev12289(fq(short), later, record + 1, { count: 50 })];
}

/** A KMS host log: other clients' requests every 40 minutes across the window, plus `extra`. */
export function kmsLog(hostShort: string, from: string, to: string, firstRecord: number, extra: { time: string; client: string; cmid: string; result?: string; need?: 5 | 25; clientTime?: string }[] = []): EventSpec[] {
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

export const KMS_CLIENT_WIN10 = (o: Partial<ProductBlock> = {}): ProductBlock => ({
  name: 'Windows(R), Enterprise edition',
  description: 'Windows(R) Operating System, VOLUME_KMSCLIENT channel',
  partialKey: '2YT43',
  status: 'Licensed',
  activationId: ACT.win10Enterprise,
  keyChannel: 'Volume:GVLK',
  ...o,
});

export const KMS_HOST_2019 = (o: Partial<ProductBlock> = {}): ProductBlock => ({
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

export const MAK_WIN10 = (o: Partial<ProductBlock> = {}): ProductBlock => ({
  name: 'Windows(R), Professional edition',
  description: 'Windows(R) Operating System, VOLUME_MAK channel',
  partialKey: 'XK3FM',
  status: 'Licensed',
  activationId: '2de67392-b7a7-462a-b1ca-108dd189f588',
  keyChannel: 'Volume:MAK',
  rearm: 1000,
  ...o,
});

export function folder(files: Record<string, string | Uint8Array>, expect: Partial<Expectation>): FixtureFolder {
  return {
    files,
    expect: { now: expect.now ?? NOW, findings: expect.findings ?? [], absent: expect.absent ?? [], ...(expect.walks ? { walks: expect.walks } : {}), ...(expect.causes ? { causes: expect.causes } : {}) },
  };
}

/** The quiet twin most KMS client rules share: one healthy client and its host. */
export function healthyClientFleet(absent: string[]): FixtureFolder {
  return folder(
    {
      'client01/Application.xml': eventViewerXml(healthyClientEvents('client01', CMID.client01, 5101)),
      'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001, [{ time: at(9, 12, 7, 4), client: host('client01'), cmid: CMID.client01 }])),
    },
    { absent },
  );
}

/** A rule whose fixture folders hold tool output transcribed by hand (not generated): where it comes from. */
export interface TranscribedScenarios {
  rule: string;
  transcribed: string;
}
