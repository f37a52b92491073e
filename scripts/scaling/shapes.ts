// The inputs `npm run bench:scaling` grows: each a plausible real snapshot (a busy KMS host, a VDI pool of
// clones, a site with many hosts, a client failing for months, a filtered or newest-first export, …), written
// the way Windows writes it, at any size. Deterministic: the same size gives the same bytes. Each shape is
// also a way one hostile file could stall a CI job if some path grew faster than its input.
import {
  ACT,
  clientTime,
  ev12288,
  ev12289,
  ev12290,
  ev12291,
  ev12293,
  ev12294,
  hostClientTime,
  slmgrAtoOk,
  slmgrText,
  wevtutilXml,
  type EventSpec,
  type ProductBlock,
} from '../../test/helpers/activation-exports.js';
import { makeZip } from '../../test/helpers/archive-writer.js';
import { denseExportChunks } from '../../test/helpers/dense-export.js';
import {
  Appender,
  DAY,
  DOMAIN,
  HOST,
  HOUR,
  MINUTE,
  REQUEST_TEXT,
  RESPONSE_TEXT,
  SPP,
  START,
  cmidOf,
  iso,
  pad,
  writeEventViewerCsv,
  writeText,
  writeWevtutil,
  writeWevtutilText,
  type TextEvent,
} from './write.js';

export interface Shape {
  name: string;
  /** What real input this is. */
  input: string;
  /** What n counts. */
  unit: string;
  /** The bench's N (4N is run too). */
  n: number;
  /** Writes the input of size n into `dir` (empty). */
  write(dir: string, n: number): void;
  /** The CLI arguments after `volact`, given the input folder and the report file. */
  args?(dir: string, out: string): string[];
}

export const NOW = '2024-03-08T00:00:00Z';

const KMS_LOG = 'Key Management Service';
const kmsLog = (e: EventSpec): EventSpec => ({ ...e, channel: KMS_LOG, sourceName: 'KmsRequests' });
const client = (i: number): string => `pc${pad(i, 5)}.${DOMAIN}`;
const info = (fields: readonly (string | number)[]): string => fields.join(', ');

/** n 12290s of a busy host, clients taking turns, `idOf(i)` the record id of the i-th. */
function* hostRequests(n: number, idOf: (i: number) => number, every = 2 * MINUTE): Generator<EventSpec> {
  for (let i = 0; i < n; i++) {
    const c = i % 500;
    yield ev12290(HOST, iso(START + i * every), idOf(i), { client: client(c), cmid: cmidOf(c) });
  }
}

/** A client's own Application log: `pairs` requests, each answered (or not) every `every` ms. */
function* clientExchanges(name: string, cmid: (i: number) => string, pairs: number, o: { every?: number; answered?: boolean; result?: string; host?: string; skewMs?: number } = {}): Generator<EventSpec> {
  const every = o.every ?? 2 * HOUR;
  let rec = 1;
  for (let i = 0; i < pairs; i++) {
    const at = START + i * every;
    const clientAt = at - (o.skewMs ?? 0);
    const time = iso(at);
    const ct = clientTime(iso(clientAt));
    yield ev12288(name, time, rec++, { cmid: cmid(i), host: `${o.host ?? HOST}:1688`, clientTime: ct, state: 2, minutes: 30240 });
    if (o.answered !== false) {
      const result = o.result ?? '0xC004F038';
      yield ev12289(name, iso(at + 2000), rec++, { result, count: 12, clientTime: ct });
    }
  }
}

export const SHAPES: Shape[] = [
  {
    name: 'holes-whole',
    input: "a KMS host's whole Key Management Service log (12290s and 12294s) whose record ids jump after every record",
    unit: 'records',
    n: 20_000,
    write(dir, n) {
      writeWevtutil(dir, 'kms01/KeyManagementService.xml', (function* () {
        for (let i = 0; i < n; i++) {
          const at = iso(START + i * 2 * MINUTE);
          const id = 1 + 3 * i;
          yield i % 10 === 9 ? kmsLog(ev12294(HOST, at, id, DOMAIN)) : ev12290(HOST, at, id, { client: client(i % 500), cmid: cmidOf(i % 500) });
        }
      })());
    },
  },
  {
    name: 'holes-filtered',
    input: 'a Key Management Service log exported filtered to 12290 (wevtutil /q): a short hole after every record',
    unit: 'records',
    n: 20_000,
    write(dir, n) {
      writeWevtutil(dir, 'kms01/KeyManagementService.xml', hostRequests(n, (i) => 1 + 3 * i));
    },
  },
  {
    name: 'holes-unknown',
    input: 'a 12290-only Key Management Service export with long holes after every record (filtered, or cleared often)',
    unit: 'records',
    n: 20_000,
    write(dir, n) {
      writeWevtutil(dir, 'kms01/KeyManagementService.xml', hostRequests(n, (i) => 1 + 20 * i));
    },
  },
  {
    name: 'exchanges',
    input: 'one client failing for months: its Application log holds n 12288/12289 pairs refused for the count',
    unit: 'pairs',
    n: 20_000,
    write(dir, n) {
      writeWevtutil(dir, 'pc00001/Application.xml', clientExchanges(client(1), () => cmidOf(1), n));
    },
  },
  {
    name: 'client-logged-by-host',
    input: "one client's n requests with no 12289 back, each logged by the host's 12290 (replies lost on the way back)",
    unit: 'requests',
    n: 8_000,
    write(dir, n) {
      writeWevtutil(dir, 'pc00001/Application.xml', clientExchanges(client(1), () => cmidOf(1), n, { answered: false }));
      writeWevtutil(dir, 'kms01/KeyManagementService.xml', (function* () {
        for (let i = 0; i < n; i++) yield ev12290(HOST, iso(START + i * 2 * HOUR + 1000), i + 1, { client: client(1), cmid: cmidOf(1), result: '0xC004F038' });
      })());
    },
  },
  {
    name: 'many-cmids',
    input: 'a lab machine re-imaged (sysprep) before every run: one name with n CMIDs, each request logged by the host',
    unit: 'CMIDs',
    n: 5_000,
    write(dir, n) {
      writeWevtutil(dir, 'lab01/Application.xml', clientExchanges(`lab01.${DOMAIN}`, (i) => cmidOf(100_000 + i), n, { every: 6 * HOUR }));
      writeWevtutil(dir, 'kms01/KeyManagementService.xml', (function* () {
        for (let i = 0; i < n; i++) yield ev12290(HOST, iso(START + i * 6 * HOUR + 1000), i + 1, { client: `lab01.${DOMAIN}`, cmid: cmidOf(100_000 + i), result: '0xC004F038' });
      })());
    },
  },
  {
    name: 'clones',
    input: 'a VDI pool of n clones of one image sharing one CMID (a tenth with clocks 6 h off), with the host log',
    unit: 'machines',
    n: 1_000,
    write(dir, n) {
      const shared = cmidOf(7);
      for (let m = 0; m < n; m++) {
        const skewMs = m % 10 === 3 ? 6 * HOUR : 0;
        const result = skewMs ? '0xC004F06C' : '0xC004F038';
        writeWevtutil(dir, `vdi${pad(m, 5)}/Application.xml`, clientExchanges(`vdi${pad(m, 5)}.${DOMAIN}`, () => shared, 3, { every: 2 * HOUR + m * 1000, result, skewMs }));
      }
      writeWevtutil(dir, 'kms01/KeyManagementService.xml', (function* () {
        let rec = 1;
        for (let i = 0; i < 3; i++) {
          for (let m = 0; m < n; m++) {
            const at = START + i * (2 * HOUR + m * 1000) + 1000;
            const skewMs = m % 10 === 3 ? 6 * HOUR : 0;
            const clientTime = hostClientTime(iso(at - skewMs));
            yield ev12290(HOST, iso(at), rec++, { client: `vdi${pad(m, 5)}.${DOMAIN}`, cmid: shared, result: skewMs ? '0xC004F06C' : '0xC004F038', clientTime });
          }
        }
      })());
    },
  },
  {
    name: 'hosts-own-clients',
    input: 'a site with n KMS hosts, each with one client asking it; an eighth of the clients name retired hosts',
    unit: 'clients (and as many hosts)',
    n: 1_000,
    write(dir, n) {
      for (let i = 0; i < n; i++) {
        const host = `kms${pad(i, 5)}.${DOMAIN}`;
        const asks = i % 8 === 5 ? `retired${pad(i, 5)}.${DOMAIN}` : host;
        writeWevtutil(dir, `${client(i).split('.')[0]}/Application.xml`, clientExchanges(client(i), () => cmidOf(i), 2, { host: asks, result: '0x00000000' }));
        writeWevtutil(dir, `kms${pad(i, 5)}/KeyManagementService.xml`, [ev12290(host, iso(START), 1, { client: client(i), cmid: cmidOf(i) })]);
      }
    },
  },
  {
    name: 'csv-many-cmids',
    input: 'Event Viewer "Save as CSV" of one machine, newest first: n 12288/12289 pairs, each with its own CMID',
    unit: 'pairs',
    n: 25_000,
    write(dir, n) {
      writeEventViewerCsv(dir, 'lab01-Application.csv', (function* (): Generator<TextEvent> {
        for (let i = n - 1; i >= 0; i--) {
          const at = START + i * HOUR;
          const ct = clientTime(iso(at));
          yield { id: 12289, at: at + 1000, provider: SPP, message: `${RESPONSE_TEXT}\nInfo:\n${info(['0xC004F038', '0x04000000', 0, 0, 12, 120, 10080, ct])}` };
          yield { id: 12288, at, provider: SPP, message: `${REQUEST_TEXT}\nInfo:\n${info(['0x00000000', '0x00000000', `${HOST}:1688`, cmidOf(200_000 + i), ct, 0, 2, 30240, ACT.win10Enterprise, 25])}` };
        }
      })());
    },
  },
  {
    name: 'forwarded-collector',
    input: "a Windows Event Forwarding collector's export: n clients' 12288/12289 interleaved with their host's 12290s (test/helpers/dense-export.js)",
    unit: 'clients',
    n: 2_000,
    write(dir, n) {
      const out = new Appender(dir, 'collector/ForwardedEvents.xml');
      // About 2.5 KB per exchange: three exchanges per client.
      for (const chunk of denseExportChunks({ clients: n, targetBytes: n * 3 * 2500 })) out.write(chunk);
      out.close();
    },
  },
  {
    name: 'daily-files-host',
    input: "one KMS host's log exported every day into its own file, n files in one folder",
    unit: 'files',
    n: 4_000,
    write(dir, n) {
      for (let d = 0; d < n; d++) {
        writeWevtutil(dir, `kms01/KMS-${iso(START + d * DAY).slice(0, 10)}.xml`, hostRequests(4, (i) => 1 + d * 4 + i, 6 * HOUR));
      }
    },
  },
  {
    name: 'flat-folder-files',
    input: "one client's events exported every hour by a script, n small files in one flat folder",
    unit: 'files',
    n: 4_000,
    write(dir, n) {
      for (let f = 0; f < n; f++) {
        const at = START + f * HOUR;
        const ct = clientTime(iso(at));
        writeWevtutil(dir, `pc00001/Application-${pad(f, 6)}.xml`, [
          ev12288(client(1), iso(at), 2 * f + 1, { cmid: cmidOf(1), clientTime: ct }),
          ev12289(client(1), iso(at + 2000), 2 * f + 2, { result: '0xC004F038', count: 12, clientTime: ct }),
        ]);
      }
    },
  },
  {
    name: 'nested-folders',
    input: 'a snapshot with n files nested below each machine folder (machine/date/logs/Application.xml, machine/date/slmgr/dli.txt)',
    unit: 'files',
    n: 2_000,
    write(dir, n) {
      for (let m = 0; m < n / 2; m++) {
        const folder = `${client(m).split('.')[0]}/2024-03-0${1 + (m % 7)}`;
        writeWevtutil(dir, `${folder}/logs/Application.xml`, clientExchanges(client(m), () => cmidOf(m), 2, { result: '0x00000000' }));
        writeText(dir, `${folder}/slmgr/dli.txt`, slmgrText('en', [licensedClient(m)]));
      }
    },
  },
  {
    name: 'zip-many-files',
    input: 'the same snapshot as a customer zip: n entries in machine folders',
    unit: 'files',
    n: 2_000,
    write(dir, n) {
      const entries = [];
      for (let m = 0; m < n / 2; m++) {
        const name = client(m).split('.')[0];
        const events = [...clientExchanges(client(m), () => cmidOf(m), 2, { result: '0x00000000' })];
        entries.push({ name: `snapshot/${name}/Application.xml`, data: Buffer.from(wevtutilXml(events)) });
        entries.push({ name: `snapshot/${name}/slmgr-dli.txt`, data: Buffer.from(slmgrText('en', [licensedClient(m)])) });
      }
      writeText(dir, 'customer.zip', makeZip(entries));
    },
  },
  {
    name: 'newest-first',
    input: 'Get-WinEvent (newest first) of the SPP provider only: record ids fall, with a hole wherever other providers wrote',
    unit: 'records',
    n: 50_000,
    write(dir, n) {
      writeWevtutil(dir, 'pc00001/Application.xml', (function* () {
        for (let i = n - 1; i >= 0; i--) {
          const at = START + i * 10 * MINUTE;
          const id = 1 + 2 * i;
          if (i % 50 === 0) yield ev12288(client(1), iso(at), id, { cmid: cmidOf(1) });
          else yield { id: 16384, time: iso(at), record: id, computer: client(1), data: [iso(at + DAY).replace(/\.\d+Z$/, 'Z'), 'RulesEngine'] };
        }
      })());
    },
  },
  {
    name: 'slmgr-ato-products',
    input: 'slmgr /dlv and /ato of a machine with n products installed (/ato prints no channel: borrowed from /dlv)',
    unit: 'products',
    // slmgr output over 4 Mi characters is refused as not slmgr output: 4N stays below that.
    n: 1_000,
    write(dir, n) {
      const products = Array.from({ length: n }, (_, i) => volumeProduct(i));
      writeText(dir, 'pc00001/slmgr-dlv.txt', slmgrText('en', products, true));
      const ato = products.map((p, i) => slmgrAtoOk(p.name, p.activationId!).replace(i === 0 ? /^$/ : /^[\s\S]*?\r\n\r\n/, ''));
      writeText(dir, 'pc00001/slmgr-ato.txt', ato.join(''));
    },
  },
  {
    name: 'dns-failures-host',
    input: 'a KMS host that has failed to publish its SRV record for years (12293 at every retry, one early 12294)',
    unit: '12293s',
    n: 10_000,
    write(dir, n) {
      writeWevtutil(dir, 'kms01/Application.xml', (function* () {
        yield ev12294(HOST, iso(START - DAY), 1, DOMAIN);
        for (let i = 0; i < n; i++) yield ev12293(HOST, iso(START + i * 2 * HOUR), i + 2, '0x80070005', i % 4 === 0 ? `branch${i % 3}.${DOMAIN}` : DOMAIN);
      })());
    },
  },
  {
    name: 'hosts-failing-dns',
    input: 'n KMS hosts of one forest: the first publishes the SRV record, every other one fails (12293)',
    unit: 'hosts',
    n: 1_000,
    write(dir, n) {
      for (let h = 0; h < n; h++) {
        const host = `kms${pad(h, 5)}.${DOMAIN}`;
        const events = h === 0 ? [ev12294(host, iso(START), 1, DOMAIN)] : [0, 1, 2].map((k) => ev12293(host, iso(START + k * DAY), k + 1, '0x80070005', DOMAIN));
        writeWevtutil(dir, `kms${pad(h, 5)}/Application.xml`, events);
      }
    },
  },
  {
    name: 'products-one-rule',
    input: 'slmgr /dli of a machine with n products, each in its initial grace period ending at its own time (one rule fires for each)',
    unit: 'products',
    // Without the KMS client part each block is short enough for 4N to stay under slmgr's 4 Mi character limit.
    n: 2_000,
    write(dir, n) {
      const products: ProductBlock[] = Array.from({ length: n }, (_, i) => ({ ...volumeProduct(i), status: 'Initial grace period', volumeExpiryMinutes: undefined, graceMinutes: 600 + i, kmsClient: undefined }));
      writeText(dir, 'pc00001/slmgr-dli.txt', slmgrText('en', products));
    },
  },
  {
    name: 'long-message-lines',
    input: 'wevtutil /f:text whose 12288 message has a short Info value followed by n plain lines (a pasted message)',
    unit: 'lines',
    n: 50_000,
    write(dir, n) {
      const lines = Array.from({ length: n }, (_, i) => `line${i % 97}`).join('\n');
      writeWevtutilText(dir, 'pc00001/Application.txt', [
        { id: 12288, at: START, provider: SPP, computer: client(1), message: `${REQUEST_TEXT}\nInfo:\n0x00000000, \n${lines}` },
        { id: 12289, at: START + 2000, provider: SPP, computer: client(1), message: `${RESPONSE_TEXT}\nInfo:\n0xC004F038, 0x04000000, 0, 0, 12, 120, 10080, 2024/01/01 00:00` },
      ]);
    },
  },
  {
    name: 'long-value',
    input: "a client's 12290 whose CMID field is n KB of backtick runs (hostile), rendered as Markdown",
    unit: 'KB',
    // 4N holds 262,144 runs: past what a call takes as arguments.
    n: 128,
    write(dir, n) {
      // The newest request, so the report's table of clients outside the snapshot shows it.
      writeWevtutil(dir, 'kms01/KeyManagementService.xml', [...hostRequests(20, (i) => i + 1), ev12290(HOST, iso(START + HOUR), 21, { client: client(9), cmid: '`a'.repeat(n * 512) })]);
    },
    args: (dir, out) => ['analyze', dir, '-f', 'md', '-o', out, '--now', NOW],
  },
  {
    name: 'many-data-fields',
    input: 'one 12290 carrying n Data fields (hostile, under the 4 MiB event limit)',
    unit: 'fields',
    n: 50_000,
    write(dir, n) {
      const e = ev12290(HOST, iso(START), 1, { client: client(3), cmid: cmidOf(3) });
      const data = [...e.data];
      for (let i = data.length; i < n; i++) data.push(String(i % 10));
      writeWevtutil(dir, 'kms01/KeyManagementService.xml', [{ ...e, data }, ...hostRequests(20, (i) => i + 2)]);
    },
  },
  {
    name: 'busy-host-log',
    input: 'a busy host: 12291 then n 12290s, nearly all from one client name whose CMID an older name used too',
    unit: '12290s',
    n: 40_000,
    write(dir, n) {
      writeWevtutil(dir, 'kms01/KeyManagementService.xml', (function* () {
        yield kmsLog(ev12291(HOST, iso(START - DAY), 1, '0xC004F074'));
        yield ev12290(HOST, iso(START - HOUR), 2, { client: `old-pc.${DOMAIN}`, cmid: cmidOf(1) });
        for (let i = 0; i < n; i++) yield ev12290(HOST, iso(START + i * MINUTE), i + 3, { client: client(1), cmid: cmidOf(1) });
      })());
      writeWevtutil(dir, 'pc00002/Application.xml', clientExchanges(client(2), () => cmidOf(2), 2, { answered: false, every: DAY * 60 }));
    },
  },
  {
    name: 'ps-list-blanks',
    input: 'Get-WinEvent | Format-List whose message holds n blank lines before its last line',
    unit: 'blank lines',
    n: 50_000,
    write(dir, n) {
      const out = new Appender(dir, 'pc00001/events-list.txt');
      out.write('\r\nTimeCreated  : 1/1/2024 12:00:00 AM\r\nProviderName : Microsoft-Windows-Security-SPP\r\nId           : 16384\r\n');
      out.write('Message      : Successfully scheduled Software Protection service for re-start at 2024-01-02T00:00:00Z. Reason: RulesEngine.\r\n');
      for (let i = 0; i < n; i += 1000) out.write('\r\n'.repeat(Math.min(1000, n - i)));
      out.write('               (end of message)\r\n\r\n');
      out.write(`TimeCreated  : 1/1/2024 12:00:02 AM\r\nProviderName : Microsoft-Windows-Security-SPP\r\nId           : 12289\r\nMessage      : ${RESPONSE_TEXT}\r\n               Info:\r\n               0xC004F038, 0x04000000, 0, 0, 12, 120, 10080, 2024/01/01 00:00\r\n\r\n`);
      out.close();
    },
  },
];

function licensedClient(m: number): ProductBlock {
  return {
    name: 'Windows(R), Enterprise edition',
    description: 'Windows(R) Operating System, VOLUME_KMSCLIENT channel',
    partialKey: 'NPPR9',
    status: 'Licensed',
    volumeExpiryMinutes: 250_000,
    kmsClient: { cmid: cmidOf(m), kmsName: HOST, source: 'dns' },
  };
}

function volumeProduct(i: number): ProductBlock {
  return {
    name: `Office 16, Office16Product${pad(i, 5)}VL_KMS_Client edition`,
    description: 'Office 16, VOLUME_KMSCLIENT channel',
    partialKey: 'WFG99',
    status: 'Licensed',
    activationId: `${(0x10000000 + i).toString(16)}-2b3c-4d5e-8f60-718293a4b5c6`,
    keyChannel: 'Volume:GVLK',
    volumeExpiryMinutes: 250_000,
    kmsClient: { cmid: cmidOf(1), kmsName: HOST, source: 'dns' },
  };
}
