// Fleets behind fixtures/groups/<kind>/: one per kind of shared cause, each with healthy machines beside the
// failing ones so the healthy share means something. Written by `npx tsx test/fleet/groups/write-fixtures.ts`;
// the exports are the kit's (Event Viewer XML, wevtutil XML, slmgr text as Windows writes them).
import {
  ACT, DOMAIN, KMS_CLIENT_WIN10, KMS_HOST_2019, at, ev12288, ev12289, ev12290, ev8198, eventViewerXml, slmgrText, wevtutilXml, type EventSpec,
} from '../../rules/kit.js';

export interface GroupScenario {
  /** Folder name under fixtures/groups/. */
  name: string;
  /** What the fixture shows, for its README line. */
  about: string;
  files: Record<string, string>;
  /** The one group the fleet must give: its sentence and its onset, in English. */
  sentences: [string, string];
}

const fqdn = (short: string, domain = DOMAIN): string => `${short.toUpperCase()}.${domain}`;
const cmidOf = (n: number): string => `7e1a${String(n).padStart(4, '0')}-2b3c-4d5e-8f60-718293a4b5c6`;

/** A client that renewed at `okAt` through `host` and, from `failFrom`, sends requests every 2 hours that `answer` says what to do with. */
function clientEvents(
  name: string,
  cmid: string,
  host: string,
  okAt: string | undefined,
  fails: { from: string; times: number; result?: string; answered?: string; activationId?: string; need?: 5 | 25 },
): EventSpec[] {
  const events: EventSpec[] = [];
  let record = 4100;
  const activationId = fails.activationId ?? ACT.win10Enterprise;
  const need = fails.need ?? 25;
  if (okAt) {
    events.push(ev12288(name, okAt, record++, { cmid, host: `${host}:1688`, state: 1, minutes: 184320, activationId, need }));
    events.push(ev12289(name, okAt.replace(/:04Z$/, ':05Z'), record++, { count: 50 }));
  }
  for (let i = 0; i < fails.times; i++) {
    const t = new Date(Date.parse(fails.from) + i * 2 * 3_600_000).toISOString().replace('.000', '');
    events.push(ev12288(name, t, record++, { cmid, host: `${host}:1688`, state: 1, minutes: 184320 - i * 120, activationId, need, ...(fails.result ? { result: fails.result } : {}) }));
    if (fails.answered) events.push(ev12289(name, t.replace(/:04Z$/, ':05Z'), record++, { result: fails.answered, count: 3, activated: 0 }));
  }
  return events;
}

function healthyClient(name: string, cmid: string, host: string, when: string, activationId: string = ACT.win10Enterprise, need: 5 | 25 = 25): EventSpec[] {
  return [ev12288(name, when, 4001, { cmid, host: `${host}:1688`, state: 1, minutes: 259200, activationId, need }), ev12289(name, when.replace(/:04Z$/, ':05Z'), 4002, { count: 50 })];
}

function hostLog(host: string, rows: Array<{ time: string; client: string; cmid: string; result?: string; need?: 5 | 25; activationId?: string }>): string {
  const sorted = [...rows].sort((a, b) => a.time.localeCompare(b.time));
  return wevtutilXml(sorted.map((r, i) => ev12290(fqdn(host).toLowerCase(), r.time, 9001 + i, { client: r.client, cmid: r.cmid, ...(r.result ? { result: r.result } : {}), ...(r.need ? { need: r.need } : {}), ...(r.activationId ? { activationId: r.activationId } : {}) })));
}

/** Background clients a busy host logs (not machines of the snapshot): keeps its count well above 25. */
function background(from: number, n: number, day: number): Array<{ time: string; client: string; cmid: string }> {
  return Array.from({ length: n }, (_, i) => ({ time: at(1 + (i % 20), (i * 7) % 60, day), client: `ws${String(from + i).padStart(3, '0')}.${DOMAIN}`, cmid: cmidOf(1000 + from + i) }));
}

function hostSlmgr(count: number): string {
  return slmgrText('en', [KMS_HOST_2019({ kmsHost: { count } })], true);
}

/** Healthy clients h01… asking `host`, renewed on March `day`. */
function healthyClients(prefix: string, n: number, host: string, day: number, first = 1): { files: Record<string, string>; rows: Array<{ time: string; client: string; cmid: string }> } {
  const files: Record<string, string> = {};
  const rows: Array<{ time: string; client: string; cmid: string }> = [];
  for (let i = first; i < first + n; i++) {
    const short = `${prefix}${String(i).padStart(2, '0')}`;
    const cmid = cmidOf(i + (prefix === 'h' ? 100 : 200));
    const when = at(i % 5, 12, day);
    files[`${short}/Application.xml`] = eventViewerXml(healthyClient(fqdn(short), cmid, fqdn(host).toLowerCase(), when));
    rows.push({ time: when.replace(/:04Z$/, ':05Z'), client: fqdn(short), cmid });
  }
  return { files, rows };
}

/** kms02 stopped answering at 03:10 on 5 March; its six clients get no response, the snapshot ends 26 hours later. */
function hostDown(): GroupScenario {
  const kms01 = healthyClients('h', 6, 'kms01', 6);
  const files: Record<string, string> = { ...kms01.files };
  const kms02Rows: Array<{ time: string; client: string; cmid: string }> = [];
  for (let i = 1; i <= 6; i++) {
    const short = `c${String(i).padStart(2, '0')}`;
    const cmid = cmidOf(i);
    const ok = at(1, 5 * i, 5);
    files[`${short}/Application.xml`] = eventViewerXml(clientEvents(fqdn(short), cmid, fqdn('kms02').toLowerCase(), ok, { from: at(4 + i, 0, 5), times: 3 }));
    kms02Rows.push({ time: ok.replace(/:04Z$/, ':05Z'), client: fqdn(short), cmid });
  }
  kms02Rows.push(...background(0, 12, 4), { time: at(3, 10, 5, 0), client: `ws900.${DOMAIN}`, cmid: cmidOf(900) });
  files['kms02/KeyManagementService.xml'] = hostLog('kms02', kms02Rows);
  files['kms02/slmgr-dlv.txt'] = hostSlmgr(46);
  // kms01's log runs to 05:10 on 6 March: the newest record of the snapshot.
  files['kms01/KeyManagementService.xml'] = hostLog('kms01', [...kms01.rows, ...background(100, 12, 5), { time: at(5, 10, 6, 0), client: `ws901.${DOMAIN}`, cmid: cmidOf(901) }]);
  files['kms01/slmgr-dlv.txt'] = hostSlmgr(46);
  return {
    name: 'host-down',
    about: 'kms02 logs its last 12290 at 03:10 on 5 March; its six clients get no response from then on, while the six clients of kms01 renew',
    files,
    sentences: [
      "6 of 6 machines with “KMS request got no response” ask kms02.corp.contoso.com; its last 12290 is 2024-03-05 03:10 UTC, 26 h before the newest record in the snapshot; on that host: “Clients still contact a host that logs no requests”.",
      "It began between 2024-03-05 01:30 UTC (the newest success among these machines) and 2024-03-05 05:00 UTC (the first failure after it); around then, kms02.corp.contoso.com logged its last 12290 at 2024-03-05 03:10 UTC.",
    ],
  };
}

/** Five VDI clones of one image (one CMID) are the only clients of kms03: it counts them once, so its count stays at 3. */
function clones(): GroupScenario {
  const kms01 = healthyClients('h', 6, 'kms01', 6);
  const files: Record<string, string> = { ...kms01.files };
  const clone = 'c0ffee00-1111-4222-8333-444455556666';
  const kms03Rows: Array<{ time: string; client: string; cmid: string; result?: string }> = [];
  for (let i = 1; i <= 5; i++) {
    const short = `vdi${String(i).padStart(2, '0')}`;
    const first = at(9 + i, 4, 6);
    files[`${short}/Application.xml`] = eventViewerXml(clientEvents(fqdn(short), clone, fqdn('kms03').toLowerCase(), undefined, { from: first, times: 2, answered: '0xC004F038' }));
    for (let k = 0; k < 2; k++) kms03Rows.push({ time: new Date(Date.parse(first) + k * 7_200_000 + 1000).toISOString().replace('.000', ''), client: fqdn(short), cmid: clone, result: '0xC004F038' });
  }
  kms03Rows.push({ time: at(7, 0, 6, 0), client: `lab01.${DOMAIN}`, cmid: cmidOf(950), result: '0xC004F038' }, { time: at(7, 30, 6, 0), client: `lab02.${DOMAIN}`, cmid: cmidOf(951), result: '0xC004F038' });
  files['kms03/KeyManagementService.xml'] = hostLog('kms03', kms03Rows);
  files['kms03/slmgr-dlv.txt'] = hostSlmgr(3);
  files['kms01/KeyManagementService.xml'] = hostLog('kms01', [...kms01.rows, ...background(100, 12, 6)]);
  files['kms01/slmgr-dlv.txt'] = hostSlmgr(46);
  return {
    name: 'clones',
    about: 'five VDI clones share one CMID and ask kms03, whose count stays at 3 because it counts them once; the six clients of kms01 renew',
    files,
    sentences: [
      "5 of 5 machines with “KMS host count is below the threshold this client needs” share CMID c0ffee00-1111-4222-8333-444455556666 (clones of an image that was not generalized) and ask kms03.corp.contoso.com; its count is 3, below the 25 its clients need; on that host: “Several machines share one CMID (image not generalized)” (also “Several machines share one CMID (image not generalized)” on 5).",
      "It began at 2024-03-06 10:04 UTC (none of these machines succeeded before it in the snapshot).",
    ],
  };
}

/** The clients in lab.contoso.com find no KMS host in DNS (8198 with 0x8007232B); those in corp.contoso.com renew. */
function dnsZone(): GroupScenario {
  const kms01 = healthyClients('h', 6, 'kms01', 6);
  const files: Record<string, string> = { ...kms01.files };
  const lab = 'lab.contoso.com';
  for (let i = 1; i <= 4; i++) {
    const short = `pcl${String(i).padStart(2, '0')}`;
    const name = fqdn(short, lab);
    const ok = at(2, 5 * i, 1);
    const events = [...healthyClient(name, cmidOf(300 + i), fqdn('kms01').toLowerCase(), ok)];
    for (let k = 0; k < 3; k++) events.push(ev8198(name, at(9 + 2 * k, 4 * i, 6), 4200 + k, '0x8007232B'));
    files[`${short}/Application.xml`] = eventViewerXml(events);
  }
  files['kms01/KeyManagementService.xml'] = hostLog('kms01', [...kms01.rows, ...background(100, 12, 6)]);
  files['kms01/slmgr-dlv.txt'] = hostSlmgr(46);
  return {
    name: 'dns-zone',
    about: 'four clients in lab.contoso.com log 8198 with 0x8007232B (no _vlmcs._tcp answer) since 6 March; the six clients in corp.contoso.com renew through kms01',
    files,
    sentences: [
      "4 of 4 machines with “Client found no KMS host in DNS (_vlmcs._tcp)” are in DNS domain lab.contoso.com; they ask kms01.corp.contoso.com, which activates 6 other machines.",
      "It began between 2024-03-01 02:20 UTC (the newest success among these machines) and 2024-03-06 09:04 UTC (the first failure after it).",
    ],
  };
}

/** At 14:00 on 6 March five clients of two healthy hosts stop getting answers: a change on the network, not a host. */
function timeWindow(): GroupScenario {
  const kms01 = healthyClients('h', 5, 'kms01', 6);
  const kms02 = healthyClients('g', 5, 'kms02', 6);
  const files: Record<string, string> = { ...kms01.files, ...kms02.files };
  const rows: Record<string, Array<{ time: string; client: string; cmid: string }>> = { kms01: [...kms01.rows, ...background(100, 12, 6)], kms02: [...kms02.rows, ...background(200, 12, 6)] };
  for (let i = 1; i <= 5; i++) {
    const short = `t${String(i).padStart(2, '0')}`;
    const host = i % 2 === 0 ? 'kms02' : 'kms01';
    const ok = at(1, 5 * i, 1 + i);
    files[`${short}/Application.xml`] = eventViewerXml(clientEvents(fqdn(short), cmidOf(400 + i), fqdn(host).toLowerCase(), ok, { from: at(14, 6 * i, 6), times: 2 }));
    rows[host].push({ time: ok.replace(/:04Z$/, ':05Z'), client: fqdn(short), cmid: cmidOf(400 + i) });
  }
  for (const host of ['kms01', 'kms02']) {
    rows[host].push({ time: at(21, 0, 6, 0), client: `ws99${host.slice(-1)}.${DOMAIN}`, cmid: cmidOf(990 + Number(host.slice(-1))) });
    files[`${host}/KeyManagementService.xml`] = hostLog(host, rows[host]);
    files[`${host}/slmgr-dlv.txt`] = hostSlmgr(46);
  }
  return {
    name: 'time-window',
    about: 'five clients of kms01 and kms02 get no response from 14:06 on 6 March on, while both hosts keep answering ten others: they share only when it began',
    files,
    sentences: [
      "5 of 5 machines with “KMS request got no response” (and what follows from it: “KMS host never logged this client” on 5) began failing within 2024-03-06 14:06–14:30 UTC.",
      "It began between 2024-03-06 01:25 UTC (the newest success among these machines) and 2024-03-06 14:06 UTC (the first failure after it).",
    ],
  };
}

/** kms01 activates Windows 10/11 Enterprise, but its key does not cover Windows Server 2022: four servers get 0xC004F042. */
function edition(): GroupScenario {
  const kms01 = healthyClients('h', 6, 'kms01', 6);
  const files: Record<string, string> = { ...kms01.files };
  const rows: Array<{ time: string; client: string; cmid: string; result?: string; need?: 5 | 25; activationId?: string }> = [...kms01.rows, ...background(100, 12, 6)];
  for (let i = 1; i <= 4; i++) {
    const short = `srv${String(i).padStart(2, '0')}`;
    const first = at(10 + i, 4, 6);
    files[`${short}/Application.xml`] = eventViewerXml(
      clientEvents(fqdn(short), cmidOf(600 + i), fqdn('kms01').toLowerCase(), undefined, { from: first, times: 2, answered: '0xC004F042', activationId: WS2022_DATACENTER, need: 5 }),
    );
    for (let k = 0; k < 2; k++) rows.push({ time: new Date(Date.parse(first) + k * 7_200_000 + 1000).toISOString().replace('.000', ''), client: fqdn(short), cmid: cmidOf(600 + i), result: '0xC004F042', need: 5, activationId: WS2022_DATACENTER });
  }
  files['kms01/KeyManagementService.xml'] = hostLog('kms01', rows);
  files['kms01/slmgr-dlv.txt'] = hostSlmgr(46);
  return {
    name: 'edition',
    about: 'four Windows Server 2022 Datacenter machines get 0xC004F042 from kms01, which activates the six Windows 10/11 Enterprise clients',
    files,
    sentences: [
      "4 of 4 machines with “KMS activation request failed” run Windows Server 2022 Datacenter and report 0xC004F042 (SL_E_VL_KEY_MANAGEMENT_SERVICE_ID_MISMATCH); they ask kms01.corp.contoso.com, which activates 6 other machines.",
      "It began at 2024-03-06 11:04 UTC (none of these machines succeeded before it in the snapshot).",
    ],
  };
}

/** Activation id of Windows Server 2022 Datacenter (src/decode/data/products.tsv). */
const WS2022_DATACENTER = 'ef6cfc9f-8c5d-44ac-9aad-de6a2ea0ae03';

export const GROUP_SCENARIOS: readonly (() => GroupScenario)[] = [hostDown, clones, dnsZone, timeWindow, edition];
export { KMS_CLIENT_WIN10, fqdn, cmidOf };
