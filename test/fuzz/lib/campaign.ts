// A fuzz campaign for one reader family: input i is rebuilt from (run seed, i) alone, mutated from one of the
// family's seeds, checked, and any failure is minimized. The same code runs in the test suite (a small count)
// and in `npm run fuzz` (a long budget, in worker threads, behind a hang watchdog).
import { checkInput, type CheckOptions, type CheckResult, type Violation } from './check.js';
import { checkArchiveInput } from './check-archive.js';
import { BYTE_MUTATORS, type MutationContext, type Mutator } from './mutate-bytes.js';
import { EVTX_MUTATORS, fixEvtxCrcs } from './mutate-evtx.js';
import { TEXT_MUTATORS } from './mutate-text.js';
import { minimize } from './minimize.js';
import { inputSeed, Rng } from './rng.js';
import { ARCHIVE_FAMILY, type Seed } from './seeds.js';

const DICTIONARIES: Record<string, readonly string[]> = {
  evtx: ['ElfChnk\0', 'ElfFile\0', '\x2a\x2a\0\0', '\x0f\x01\x01\x00', '\x0c\x01', '\x00', '\x04', '\x02', '\x41'],
  'xml-events': [
    '<Event>', '</Event>', '<Events>', '</Events>', '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
    '<!DOCTYPE e [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>', '&a;', '&b;', '&#x0;', '&#1114112;', '&#xD800;', '&amp;',
    '<![CDATA[', ']]>', '<!--', '-->', '<?xml version="1.0"?>', '<System>', '</System>', '<EventID>12288</EventID>',
    '<EventID>104</EventID>', '<Data>', '</Data>', '<Data Name="x">', '<EventData>', '</EventData>', '<UserData>', '<',
    '<!ENTITY x SYSTEM "file:///etc/passwd">', '&x;', '<TimeCreated SystemTime="9999-99-99T99:99:99Z"/>',
  ],
  slmgr: [
    'Name: ', 'Description: ', 'License Status: Notification', 'License Status: Licensed', 'Partial Product Key: ', 'Activation ID: ',
    'Error: 0xC004F074', 'Notification Reason: 0xC004F00F.', 'KMS machine name from DNS: ', 'Remaining Windows rearm count: 1001',
    'Volume activation expiration: 259200 minute(s) (180 day(s))', '名前: ', 'ライセンスの状態: ', '\r\n\r\n', ': ', '0x',
  ],
  // Console pastes: what the splitter cuts at (prompts, banners, frames, first lines of outputs), in every language read.
  paste: [
    'C:\\Windows\\system32>', 'PS C:\\> ', '[C:\\x]$ ', '> ', 'slmgr /ato', 'cscript //nologo slmgr.vbs /dlv', 'nslookup -type=srv _vlmcs._tcp',
    'Test-NetConnection kms01 -Port 1688', 'ipconfig /all', 'hostname|nslookup', 'Microsoft (R) Windows Script Host Version 5.812',
    '版权所有(C) Microsoft Corporation。保留所有权利。', '---------------------------', 'Windows Script Host', 'OK', 'Windows IP Configuration',
    'Windows IP 配置', 'Windows IP 構成', '   Primary Dns Suffix  . . . . . . . : ', '                                       ', 'Server:  ', '服务器:  ',
    'ComputerName     : ', 'TcpTestSucceeded : ', 'Error: 0x8007232B', '错误：0xC004F074', 'エラー: 0x', '正在激活', 'Activating Windows(R), x edition (',
    'Code: 0x87E10BC6', 'Description: ', 'Error code: 0xC004F025', 'Edition: ', '---Processing--------------------------', 'ERROR CODE: ',
    'Installed product key ', 'Key Management Service machine name set to ', ':', '：', '\r\n', '\r\n\r\n',
  ],
  csv: ['"', '""', ',', '\r\n', '\t', 'Information,', 'Error,', '12288', '"Microsoft-Windows-Security-SPP"', ';', '=cmd|', '"\n"'],
  text: ['Log Name:', 'Source:', 'Event ID:', 'Date:', 'Description:', 'Event Xml:', 'Event[0]:', '  Log Name: Application', 'Id : 12288', ': ', '\r\n'],
  archive: [
    'PK\x03\x04', 'PK\x01\x02', 'PK\x05\x06', 'PK\x07\x08', 'ustar\x00', 'ustar  \x00', '\x1f\x8b\x08', '../', '..\\', '/etc/', 'C:\\', '\x1b[2J',
    '\xff\xff\xff\xff', '\x00\x00\x00\x00', '\x01\x00', '\x08\x00', '\x0e\x00', '\x00\x08', '\x14\x00', 'x.zip', '.tgz', '<Events>',
  ],
  json: ['{', '}', '[', ']', '"Id":', '"Message":', '"\\u0000"', '1e999', '-0', '"TimeCreated":"/Date(99999999999999999)/"', ',', 'null', '{"a":'],
  ospp: [
    '---Processing--------------------------', '---------------------------------------', '---Exiting-----------------------------',
    'SKU ID: ', 'LICENSE NAME: Office 16, Office16ProPlusVL_KMS_Client edition', 'LICENSE DESCRIPTION: Office 16, VOLUME_KMSCLIENT channel',
    'LICENSE STATUS:  ---LICENSED---', 'LICENSE STATUS:  ---OOB_GRACE---', 'ERROR CODE: 0xC004F074', 'ERROR CODE: 0x4004F040 (for information purposes only as the status is licensed)',
    'ERROR DESCRIPTION: Run the following: cscript ospp.vbs /ddescr:0xC004F074', 'REMAINING GRACE: 179 days  (258642 minute(s) before expiring)',
    'Last 5 characters of installed product key: ', 'Installed product key detected - attempting to activate the following product:',
    '<Product activation successful>', '\tKMS machine registry override defined: ', '\tActivation Interval: 120 minutes',
    'Searching for KMS activation events on machine: ', 'C:\\>cscript ospp.vbs /act', 'BETA EXPIRATION: 1601/1/1', '\r\n',
  ],
  wmi: [
    'Name                                           : ', 'LicenseStatus                                  : 1', 'PartialProductKey                              : ',
    'LicenseStatusReason                            : 3221549172', 'LicenseStatusReason : -1073418124', 'GracePeriodRemaining : 4294967295',
    'EvaluationEndDate : 01.01.1601 01:00:00', 'PSComputerName : ', 'KeyManagementServiceMachine : ', 'IsKeyManagementServiceMachine : 1',
    '#TYPE Microsoft.Management.Infrastructure.CimInstance#root/cimv2/SoftwareLicensingProduct', '"PSComputerName","Name","ID"', '","', '";"',
    '"PartialProductKey":  "', '"LicenseStatus":  ', '{', '}', '[', ']', '----', '------------- ', '...', '…', '\r\n\r\n',
  ],
};

export function dictionaryFor(family: string): readonly string[] {
  if (family === 'slmgr' || family === 'text-network' || family === 'text-paste') return [...DICTIONARIES.paste!, ...(family === 'slmgr' ? DICTIONARIES.slmgr! : [])];
  if (DICTIONARIES[family]) return DICTIONARIES[family];
  if (family.startsWith('csv') || family.startsWith('tsv')) return DICTIONARIES.csv;
  if (family.startsWith('wmi')) return DICTIONARIES.wmi;
  if (family.startsWith('json')) return DICTIONARIES.json;
  return DICTIONARIES.text;
}

export function mutatorsFor(family: string): readonly Mutator[] {
  // Structural EVTX damage gets as much weight as all byte damage together.
  if (family === 'evtx') return [...BYTE_MUTATORS, ...EVTX_MUTATORS, ...EVTX_MUTATORS];
  return [...BYTE_MUTATORS, ...TEXT_MUTATORS];
}

export interface GeneratedInput {
  bytes: Buffer;
  seed: string;
  mutations: string[];
  options: CheckOptions;
}

/** Input `index` of a campaign, rebuilt from the run seed alone. */
export function makeInput(family: string, seeds: readonly Seed[], runSeed: number, index: number): GeneratedInput {
  const rng = new Rng(inputSeed(runSeed, index));
  const seed = rng.pick(seeds);
  const ctx: MutationContext = { others: seeds.map((s) => s.bytes), dictionary: dictionaryFor(family) };
  const mutators = mutatorsFor(family);
  let bytes = seed.bytes;
  const mutations: string[] = [];
  for (let n = rng.skewedSize(5); n > 0; n--) {
    const m = rng.pick(mutators);
    bytes = m.apply(bytes, rng, ctx);
    mutations.push(m.name);
  }
  if (family === 'evtx' && rng.chance(0.3)) {
    bytes = Buffer.from(bytes);
    fixEvtxCrcs(bytes);
  }
  const options: CheckOptions = {
    filter: rng.chance(0.5),
    // Byte-sized pieces cost one await each: only on small inputs.
    chunkSize: rng.pick([1, 7, 512, 4096, 65536, Math.max(1, bytes.length)].filter((s) => s > 64 || bytes.length <= (s === 1 ? 2048 : 16384))),
    compareFilter: rng.chance(0.25),
    compareChunking: rng.chance(0.15),
    compareAccount: rng.chance(0.1),
  };
  return { bytes, seed: seed.name, mutations, options };
}

export interface Finding {
  family: string;
  index: number;
  seed: string;
  mutations: string[];
  violations: Violation[];
  /** Smallest input found that still shows the first violation's property. */
  minimized: Buffer;
  original: Buffer;
  options: CheckOptions;
}

export interface CampaignStats {
  family: string;
  inputs: number;
  bytes: number;
  ms: number;
  /** Inputs per reader kind the sniffer chose (mutations can move an input to another reader). */
  byKind: Record<string, number>;
  records: number;
  events: number;
  rejected: number;
  findings: number;
  /** The slowest input: ms and size, to judge the time bound. */
  slowest: { ms: number; bytes: number; index: number };
}

export interface CampaignOptions {
  family: string;
  seeds: readonly Seed[];
  runSeed: number;
  /** Stop after this many inputs … */
  count?: number;
  /** … or after this many milliseconds, whichever comes first. */
  timeMs?: number;
  startIndex?: number;
  /** Called before each input with its index (the watchdog reads it). */
  onInput?: (index: number) => void;
  /** Called before every read, minimizing included: a liveness signal. */
  onHeartbeat?: () => void;
  /** Called after each input with how long its checks took. */
  onSlow?: (index: number, ms: number, bytes: number) => void;
  onFinding?: (finding: Finding) => void | Promise<void>;
  /** Called every 256 inputs with the running totals (a watchdog that kills the run keeps these). */
  onProgress?: (stats: CampaignStats) => void;
  /** Minimize failing inputs (costs up to `minimizeTries` reads each). */
  minimizeTries?: number;
  /** Stop minimizing and collecting after this many findings with the same property. */
  maxFindingsPerProperty?: number;
}

export async function runCampaign(opts: CampaignOptions): Promise<CampaignStats> {
  const stats: CampaignStats = {
    family: opts.family, inputs: 0, bytes: 0, ms: 0, byKind: {}, records: 0, events: 0, rejected: 0, findings: 0,
    slowest: { ms: 0, bytes: 0, index: -1 },
  };
  const perProperty = new Map<string, number>();
  // Archives open as many entries through openInputs; every other family is one reader.
  const check: (bytes: Buffer, options: CheckOptions) => Promise<CheckResult> = opts.family === ARCHIVE_FAMILY ? checkArchiveInput : checkInput;
  const start = performance.now();
  const count = opts.count ?? Number.POSITIVE_INFINITY;
  const deadline = opts.timeMs === undefined ? Number.POSITIVE_INFINITY : start + opts.timeMs;
  for (let i = opts.startIndex ?? 0; stats.inputs < count && performance.now() < deadline; i++) {
    opts.onInput?.(i);
    const input = makeInput(opts.family, opts.seeds, opts.runSeed, i);
    opts.onHeartbeat?.();
    const t0 = performance.now();
    const result = await check(input.bytes, input.options);
    const ms = performance.now() - t0;
    opts.onSlow?.(i, ms, input.bytes.length);
    stats.inputs++;
    stats.bytes += input.bytes.length;
    stats.byKind[result.kind] = (stats.byKind[result.kind] ?? 0) + 1;
    stats.records += result.records;
    stats.events += result.events;
    stats.rejected += result.rejected;
    if (ms > stats.slowest.ms) stats.slowest = { ms, bytes: input.bytes.length, index: i };
    if (stats.inputs % 256 === 0) opts.onProgress?.({ ...stats, ms: performance.now() - start, byKind: { ...stats.byKind } });
    if (result.violations.length === 0) continue;
    stats.findings++;
    const property = result.violations[0].property;
    const seen = (perProperty.get(property) ?? 0) + 1;
    perProperty.set(property, seen);
    if (seen > (opts.maxFindingsPerProperty ?? 3)) continue;
    const stillFails = async (candidate: Buffer): Promise<boolean> => {
      opts.onHeartbeat?.();
      return (await check(candidate, input.options)).violations.some((v) => v.property === property);
    };
    const minimized = (opts.minimizeTries ?? 0) > 0
      ? await minimize(input.bytes, stillFails, { maxTries: opts.minimizeTries, keepOffsets: opts.family === 'evtx' })
      : input.bytes;
    await opts.onFinding?.({
      family: opts.family, index: i, seed: input.seed, mutations: input.mutations, violations: result.violations,
      minimized, original: input.bytes, options: input.options,
    });
  }
  stats.ms = performance.now() - start;
  return stats;
}
