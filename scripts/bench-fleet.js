// `npm run bench:fleet`: generates synthetic fleet snapshots (clients with an Application export and slmgr
// output each, 3 KMS hosts with large Key Management Service logs), runs the whole analysis on each in a
// fresh process, and reports time, throughput and peak RSS. Sizes: 1k, 5k, 10k machines (override with
// `node scripts/bench-fleet.js 1000 2000`). Needs `npm run build` first (the script is wired that way).
// Then the report budgets (reportBudgets below): on the largest size with about 20 failing machines, the
// size of each report the CLI writes and each run's peak RSS (`--no-reports` skips them).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliModuleUrl } from '../bin/cli-module.js';
import { timeCli } from './time-cli.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const HOSTS = 3;
const DOMAIN = 'corp.example';
const ENTERPRISE = '73111121-5638-40f6-bc11-f1d7b0d64300';
const DAYS = 30;
const END = Date.parse('2024-03-08T00:00:00Z');
const NOW = '2024-03-08T00:00:00Z';

async function parent(sizes, readOnly) {
  if (!existsSync(path.join(root, 'dist', 'analyze.js'))) {
    console.error('bench-fleet: dist/ is missing; run `npm run build` first');
    process.exit(2);
  }
  const runs = sizes.length > 0 ? sizes : [1000, 5000, 10000];
  console.log(`cores: ${availableParallelism()}, node ${process.version}`);
  console.log(readOnly ? 'read, merge and fleet views only (no rule chain)' : 'whole analysis: read, merge, rules, walks, fleet views, JSON report');
  console.log('machines  files   MB     records    facts   read s  rest s  total s  files/s  MB/s   peak RSS MB  findings');
  const rows = [];
  for (const n of runs) {
    const dir = path.join(tmpdir(), `volact-bench-fleet-${n}`);
    const shape = generate(dir, n);
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', dir, ...(readOnly ? ['--read-only'] : [])], { encoding: 'utf8' });
    if (run.status !== 0) {
      console.error(run.stderr);
      process.exit(1);
    }
    const r = JSON.parse(run.stdout.trim().split('\n').pop());
    rows.push({ n, ...r });
    console.log(
      `${String(n).padStart(8)}  ${String(shape.files).padStart(5)}  ${(shape.bytes / 1e6).toFixed(0).padStart(5)}  ${String(r.records).padStart(9)}  ${String(r.facts).padStart(7)}  ${r.readSeconds.toFixed(1).padStart(6)}  ${r.afterSeconds.toFixed(1).padStart(6)}  ${r.seconds.toFixed(1).padStart(7)}  ${(shape.files / r.seconds).toFixed(0).padStart(7)}  ${(shape.bytes / 1e6 / r.seconds).toFixed(1).padStart(5)}  ${r.peakRssMb.toFixed(0).padStart(11)}  ${r.findings}`,
    );
    if (!process.env.VOLACT_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  }
  if (rows.length > 1) {
    const first = rows[0];
    console.log('\ncost per machine relative to the smallest run (1.0 = linear):');
    for (const r of rows) console.log(`  ${r.n}: time ${((r.seconds / r.n) / (first.seconds / first.n)).toFixed(2)}`);
  }
}

async function child(dir, readOnly) {
  const dist = (p) => path.join(root, 'dist', p);
  const { analyzeFile, diagnoseFacts } = await import(dist('analyze.js'));
  const { expandInputs } = await import(dist('ingest/index.js'));
  const { readFiles } = await import(dist('read/index.js'));
  const { buildFleet } = await import(dist('evidence/index.js'));
  const { computeFleetViews } = await import(dist('fleet/index.js'));
  const { buildReport, renderJson } = await import(dist('report/index.js'));
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const clock = () => Number(process.hrtime.bigint()) / 1e9;
  const t0 = clock();
  const { files } = await expandInputs([dir]);
  const results = await readFiles(files, analyzeFile, {});
  const inputs = results.map((r) => r.account);
  const facts = results.flatMap((r) => r.facts);
  const t1 = clock();
  let findings = 0;
  let rules = 0;
  if (readOnly) {
    computeFleetViews(buildFleet(facts, { now: NOW }), NOW, { skewHours: 4 });
  } else {
    const analysis = diagnoseFacts(inputs, facts, { now: NOW });
    renderJson(buildReport(analysis));
    findings = analysis.findings.length;
  }
  const t2 = clock();
  rules = t2 - t1;
  clearInterval(sample);
  peak = Math.max(peak, process.memoryUsage().rss);
  const records = inputs.reduce((n, i) => n + i.records, 0);
  // Worker threads share the process, so RSS covers them too.
  console.log(JSON.stringify({ seconds: t2 - t0, readSeconds: t1 - t0, afterSeconds: rules, peakRssMb: peak / 1048576, records, facts: facts.length, findings }));
}

/**
 * `volact check <snapshot> --reporter json` end to end (a process of its own: start-up, read, rules, report to
 * /dev/null), on snapshots generated into a temp folder and removed after. Floors: 10k machines ≤ 10 s and
 * ≤ 500 MB; 100k ≤ 150 s and ≤ 1.5 GB, time linear from 10k. Each size runs twice: the default fleet
 * (one client in 50 stuck) and one where every other client fails.
 */
function cliCheck(sizes) {
  console.log('\nvolact check --reporter json, end to end (every client renews weekly and its host logs each renewal):');
  console.log('machines  failing         MB   total s  s per 1k machines  cpu s  peak RSS MB  load');
  for (const n of sizes) {
    for (const failing of [undefined, 'half']) {
      const dir = mkdtempSync(path.join(tmpdir(), `volact-bench-check-${n}-`));
      try {
        const shape = generate(dir, n, failing);
        const load = loadavg()[0];
        const r = timeCli(['check', dir, '--reporter', 'json', '--now', NOW]);
        const label = failing === 'half' ? 'half' : '1 in 50';
        console.log(`${String(n).padStart(8)}  ${label.padEnd(8)}  ${(shape.bytes / 1e6).toFixed(0).padStart(7)}  ${r.seconds.toFixed(1).padStart(7)}  ${((r.seconds / n) * 1000).toFixed(2).padStart(17)}  ${r.cpuSeconds.toFixed(1).padStart(5)}  ${r.rssMb.toFixed(0).padStart(11)}  ${load.toFixed(1).padStart(4)}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
}

/**
 * `volact check --reporter json` on the same snapshot with grouping (the default) and without (`--group-min 0`),
 * alternating, `VOLACT_BENCH_RUNS` times each (default 2): wall, CPU (user + sys) and peak RSS, and how much
 * grouping adds (issue 25: at most 10% of time and memory at 100,000 machines).
 */
function groupsCost(sizes, failing) {
  const runs = Number(process.env.VOLACT_BENCH_RUNS ?? 2);
  console.log(`volact check --reporter json, with and without grouping (--group-min 0), ${failing === 'half' ? 'half the clients' : 'one client in 50'} failing:`);
  console.log('machines  grouping  run   wall s   cpu s  peak RSS MB  load');
  for (const n of sizes.length > 0 ? sizes : [100_000]) {
    // A folder of its own: other benches keep theirs across runs, and this one removes its own at the end.
    const dir = path.join(tmpdir(), `volact-bench-groups-${n}${failing ? '-half' : ''}`);
    generate(dir, n, failing);
    const best = { on: [], off: [] };
    for (let r = 0; r < runs; r++) {
      for (const mode of ['on', 'off']) {
        const load = loadavg()[0];
        const t = timeCli(['check', dir, '--reporter', 'json', '--now', NOW, ...(mode === 'off' ? ['--group-min', '0'] : [])]);
        best[mode].push(t);
        console.log(`${String(n).padStart(8)}  ${mode.padStart(8)}  ${String(r + 1).padStart(3)}  ${t.seconds.toFixed(1).padStart(7)}  ${t.cpuSeconds.toFixed(1).padStart(6)}  ${t.rssMb.toFixed(0).padStart(11)}  ${load.toFixed(1).padStart(4)}`);
      }
    }
    // The least of each: the run least disturbed by whatever else the machine was doing.
    const least = (list, key) => Math.min(...list.map((t) => t[key]));
    for (const key of ['seconds', 'cpuSeconds', 'rssMb']) {
      const on = least(best.on, key);
      const off = least(best.off, key);
      console.log(`  ${key.padEnd(10)} with ${on.toFixed(1)}, without ${off.toFixed(1)}: grouping adds ${(((on - off) / off) * 100).toFixed(1)}%`);
    }
    if (!process.env.VOLACT_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `volact timeline --machine` on a client with N request/answer pairs (2N events) whose host logged N 12290s about
 * it among as many of other clients: wall, CPU and peak RSS per size, and the growth per event (1.0 = linear).
 */
function timelineCost(sizes) {
  console.log('volact timeline --machine pc-busy -f jsonl: one client with N exchanges, its host with 2N 12290s');
  console.log('exchanges   events   wall s   cpu s  peak RSS MB  cpu per 1k events');
  let first;
  for (const n of sizes.length > 0 ? sizes : [25_000, 100_000]) {
    const dir = mkdtempSync(path.join(tmpdir(), `volact-bench-timeline-${n}-`));
    try {
      mkdirSync(path.join(dir, 'pc-busy'));
      mkdirSync(path.join(dir, 'kms1'));
      const cmid = guid(7);
      const at = (i) => END - (n - i) * 600_000;
      const client = [];
      const host = [];
      for (let i = 0; i < n; i++) {
        client.push({ kind: 12288, at: at(i), data: request('ok', 0, cmid, at(i)) }, { kind: 12289, at: at(i) + 900, data: response(i % 10 === 0 ? 'count' : 'ok', at(i)) });
        host.push({ at: at(i) + 500, name: 'pc-busy', cmid, trouble: i % 10 === 0 ? 'count' : 'ok' }, { at: at(i) + 700, name: `ws-${i % 5000}`, cmid: guid(100_000 + (i % 5000)), trouble: 'ok' });
      }
      let record = 0;
      writeExportXmlInPieces(path.join(dir, 'pc-busy', 'Application.xml'), client, (e) => clientEvent(e.kind, 'pc-busy', e.at, ++record, e.data));
      record = 0;
      writeExportXmlInPieces(path.join(dir, 'kms1', 'KeyManagementService.xml'), host, (e) => hostEvent('kms1', e, ++record));
      const t = timeCli(['timeline', dir, '--machine', 'pc-busy', '-f', 'jsonl']);
      const perK = t.cpuSeconds / ((2 * n) / 1000);
      first ??= perK;
      console.log(`${String(n).padStart(9)}  ${String(2 * n).padStart(7)}  ${t.seconds.toFixed(1).padStart(7)}  ${t.cpuSeconds.toFixed(1).padStart(6)}  ${t.rssMb.toFixed(0).padStart(11)}  ${perK.toFixed(3).padStart(8)} (${(perK / first).toFixed(2)})`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Writes the snapshot once per size (kept across runs when its shape matches). */
function generate(dir, machines, failing) {
  const marker = path.join(dir, '.complete');
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const clients = machines - HOSTS;
    const hostEntries = Array.from({ length: HOSTS }, () => []);
    for (let c = 0; c < clients; c++) {
      const name = `pc${String(c).padStart(5, '0')}`;
      const host = c % HOSTS;
      const cmid = guid(c);
      // Every client renews weekly and retries once; one in 50 is stuck (count, DNS or no response).
      const trouble = troubleOf(c, clients, failing);
      const events = [];
      let record = 1000;
      for (let d = DAYS - 1; d >= 0; d -= 7) {
        const at = END - d * 86_400_000 - ((c * 7919) % 80_000_000);
        events.push(clientEvent(12288, name, at, ++record, request(trouble, host, cmid, at)));
        if (trouble === 'dns' || trouble === 'silent') continue;
        events.push(clientEvent(12289, name, at + 900, ++record, response(trouble, at)));
        hostEntries[host].push({ at: at + 500, name, cmid, trouble });
      }
      for (let k = 0; k < 6; k++) events.push(noiseEvent(name, END - k * 3_600_000, ++record));
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, 'Application.xml'), exportXml(events));
      writeFileSync(path.join(dir, name, 'slmgr-dlv.txt'), clientSlmgr(cmid, host, trouble));
    }
    for (let h = 0; h < HOSTS; h++) {
      const name = `kms${h + 1}`;
      mkdirSync(path.join(dir, name));
      // A host logs its own clients' renewals, and a busy background of clients outside the snapshot.
      const entries = hostEntries[h];
      const background = Math.max(20_000, entries.length * 4);
      for (let i = 0; i < background; i++) entries.push({ at: END - ((i * 104_729) % (DAYS * 86_400_000)), name: `ws${h}-${i % 20_000}`, cmid: guid(1_000_000 + h * 100_000 + (i % 20_000)), trouble: 'ok' });
      entries.sort((a, b) => a.at - b.at);
      let record = 0;
      // Written in pieces: at 100,000 machines a host's log is larger than the longest string V8 can hold.
      writeExportXmlInPieces(path.join(dir, name, 'KeyManagementService.xml'), entries, (e) => hostEvent(name, e, ++record));
      writeFileSync(path.join(dir, name, 'slmgr-dlv.txt'), hostSlmgr(entries.length));
    }
    writeFileSync(marker, '');
  }
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.startsWith('.')) {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

function guid(n) {
  const hex = n.toString(16).padStart(12, '0');
  return `5a7c2e10-3f4b-4d8e-9a61-${hex}`;
}

function clientTime(ms) {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)} ${iso.slice(11, 16)}`;
}

function request(trouble, host, cmid, at) {
  const result = trouble === 'dns' ? '0x8007232B' : '0x00000000';
  return [result, '0x00000000', `kms${host + 1}.${DOMAIN}:1688`, cmid, clientTime(at), '0', trouble === 'ok' ? '1' : '2', trouble === 'ok' ? '259200' : '20160', ENTERPRISE, '25'].join(', ');
}

function response(trouble, at) {
  const result = trouble === 'count' ? '0xC004F038' : '0x00000000';
  return [result, '0x00000000', trouble === 'ok' ? '1' : '0', '0', trouble === 'count' ? '12' : '40', '120', '10080', clientTime(at)].join(', ');
}

const SYSTEM_TAIL = '<Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x80000000000000</Keywords>';

function clientEvent(id, name, at, record, data) {
  return (
    `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Security-SPP" Guid="{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}" EventSourceName="Software Protection Platform Service"/>` +
    `<EventID Qualifiers="16384">${id}</EventID>${SYSTEM_TAIL}<TimeCreated SystemTime="${new Date(at).toISOString()}"/><EventRecordID>${record}</EventRecordID>` +
    `<Correlation/><Execution ProcessID="0" ThreadID="0"/><Channel>Application</Channel><Computer>${name}.${DOMAIN}</Computer><Security/></System>` +
    `<EventData><Data>${data}</Data></EventData></Event>`
  );
}

function noiseEvent(name, at, record) {
  return (
    `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="MsiInstaller"/><EventID Qualifiers="0">1033</EventID>${SYSTEM_TAIL}` +
    `<TimeCreated SystemTime="${new Date(at).toISOString()}"/><EventRecordID>${record}</EventRecordID><Correlation/><Execution ProcessID="0" ThreadID="0"/>` +
    `<Channel>Application</Channel><Computer>${name}.${DOMAIN}</Computer><Security/></System><EventData><Data>Windows Installer installed the product. Product Name: Example Agent.</Data></EventData></Event>`
  );
}

function hostEvent(host, e, record) {
  const fields = [e.trouble === 'count' ? '0xC004F038' : '0x00000000', '25', `${e.name}.${DOMAIN}`, e.cmid, clientTime(e.at), '0', '1', '259200', ENTERPRISE];
  return (
    `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Security-SPP" Guid="{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}" EventSourceName="KmsRequests"/>` +
    `<EventID Qualifiers="16384">12290</EventID>${SYSTEM_TAIL}<TimeCreated SystemTime="${new Date(e.at).toISOString()}"/><EventRecordID>${record}</EventRecordID>` +
    `<Correlation/><Execution ProcessID="0" ThreadID="0"/><Channel>Key Management Service</Channel><Computer>${host}.${DOMAIN}</Computer><Security/></System>` +
    `<EventData><Data>${fields.join(',')}</Data>${fields.map((f) => `<Data>${f}</Data>`).join('')}</EventData></Event>`
  );
}

function writeExportXmlInPieces(file, items, render) {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<Events>');
    for (let i = 0; i < items.length; i += 10_000) {
      writeSync(fd, items.slice(i, i + 10_000).map(render).join('\n') + (i + 10_000 < items.length ? '\n' : ''));
    }
    writeSync(fd, '</Events>\n');
  } finally {
    closeSync(fd);
  }
}

function exportXml(events) {
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<Events>${events.join('\n')}</Events>\n`;
}

function clientSlmgr(cmid, host, trouble) {
  const licensed = trouble === 'ok';
  return `Software licensing service version: 10.0.19041.3996

Name: Windows(R), Enterprise edition
Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel
Activation ID: ${ENTERPRISE}
Product Key Channel: Volume:GVLK
Partial Product Key: 2YT43
License Status: ${licensed ? 'Licensed' : 'Initial grace period'}
${licensed ? 'Volume activation expiration: 254880 minute(s) (177 day(s))' : 'Time remaining: 20160 minute(s) (14 day(s))'}

Key Management Service client information
    Client Machine ID (CMID): ${cmid}
    KMS machine name from DNS: kms${host + 1}.${DOMAIN}:1688
    Activation interval: 120 minutes
    Renewal interval: 10080 minutes
`;
}

function hostSlmgr(requests) {
  return `Software licensing service version: 10.0.17763.1

Name: Windows(R), ServerStandard edition
Description: Windows(R) Operating System, VOLUME_KMS_2012-R2_WIN10 channel
Product Key Channel: Volume:CSVLK
Partial Product Key: Q8RX4
License Status: Licensed

Key Management Service is enabled on this machine
    Current count: 50
    Listening on Port: 1688
    DNS publishing enabled
    KMS priority: Normal

Key Management Service cumulative requests received from clients
    Total requests received: ${requests}
    Failed requests received: 0
`;
}

// ---- Report budgets (issue 14): output size per reporter and peak RSS per run, on a fleet with few failures.

const BUDGET_FAILING = 20;

/**
 * What client `c` does: by default one in 50 is stuck (count, DNS or no response); `failing` = 'half' makes every
 * other client fail, in turn count / dns / silent; a number spreads that many failing clients evenly.
 */
function troubleOf(c, clients, failing) {
  if (failing === undefined) return c % 50 === 7 ? 'count' : c % 50 === 23 ? 'dns' : c % 50 === 41 ? 'silent' : 'ok';
  if (failing === 'half') return c % 2 === 0 ? 'ok' : ['count', 'dns', 'silent'][((c - 1) / 2) % 3];
  return fewFailing(c, clients, failing);
}

/** `failing` clients spread evenly over the fleet, in turn count / dns / silent; the rest are fine. */
function fewFailing(c, clients, failing) {
  const step = Math.max(1, Math.floor(clients / failing));
  if (c % step !== 0 || c / step >= failing) return 'ok';
  return ['count', 'dns', 'silent'][(c / step) % 3];
}

/** The CLI runs the budgets are about, each in a fresh process writing its report to a file. */
function budgetRuns(dir, out) {
  const now = ['--now', NOW];
  return [
    { name: 'analyze -f md', args: ['analyze', dir, '-f', 'md', '-o', path.join(out, 'report.md'), ...now], file: 'report.md', budget: 300 * 1024 },
    { name: 'analyze -f html', args: ['analyze', dir, '-f', 'html', '-o', path.join(out, 'report.html'), ...now], file: 'report.html', budget: 1.5 * 1024 * 1024 },
    { name: 'analyze -f json', args: ['analyze', dir, '-f', 'json', '-o', path.join(out, 'report.json'), ...now], file: 'report.json', budget: 25 * 1024 * 1024 },
    { name: 'check --reporter github', args: ['check', dir, '--reporter', 'github', '-o', path.join(out, 'annotations.txt'), ...now], file: 'summary.md', budget: 1024 * 1024, summary: true },
    { name: 'check --reporter json', args: ['check', dir, '--reporter', 'json', '-o', path.join(out, 'check.json'), ...now], file: 'check.json', budget: 25 * 1024 * 1024 },
  ];
}

async function reportBudgets(n) {
  const dir = path.join(tmpdir(), `volact-bench-fleet-${n}-f${BUDGET_FAILING}`);
  generate(dir, n, BUDGET_FAILING);
  const out = mkdtempSync(path.join(tmpdir(), 'volact-bench-reports-'));
  console.log(`\nreport budgets: ${n} machines, ${BUDGET_FAILING} failing (default options)`);
  console.log('run                       output KB   budget KB  ok   seconds  peak RSS MB');
  const rss = {};
  for (const run of budgetRuns(dir, out)) {
    const env = { ...process.env, ...(run.summary ? { GITHUB_STEP_SUMMARY: path.join(out, 'summary.md') } : {}) };
    const t0 = Date.now();
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--cli', ...run.args], { encoding: 'utf8', env, maxBuffer: 1 << 26 });
    const seconds = (Date.now() - t0) / 1000;
    if (child.status !== 0 && child.status !== 1) {
      console.error(child.stderr);
      process.exit(1);
    }
    const { maxRssKb } = JSON.parse(child.stdout.trim().split('\n').pop());
    rss[run.name] = maxRssKb / 1024;
    const bytes = statSync(path.join(out, run.file)).size;
    console.log(
      `${run.name.padEnd(24)}  ${(bytes / 1024).toFixed(0).padStart(9)}  ${(run.budget / 1024).toFixed(0).padStart(10)}  ${bytes <= run.budget ? 'yes' : 'NO '}  ${seconds.toFixed(1).padStart(7)}  ${(maxRssKb / 1024).toFixed(0).padStart(11)}`,
    );
  }
  const ratio = rss['check --reporter json'] / rss['check --reporter github'];
  console.log(`check --reporter json peak RSS is ${(ratio * 100 - 100).toFixed(1)}% above --reporter github (budget: at most 10%)`);
  const render = chromiumRender(path.join(out, 'report.html'));
  if (render) console.log(`HTML in headless Chromium: loaded and dumped in ${render.page.toFixed(2)} s (about:blank takes ${render.blank.toFixed(2)} s; budget: under 5 s)`);
  else console.log('HTML in headless Chromium: skipped (no chromium on PATH; set CHROMIUM)');
  if (!process.env.VOLACT_BENCH_KEEP) {
    rmSync(out, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  } else console.log(`reports kept in ${out}`);
}

/** Seconds headless Chromium takes to load, lay out and dump the page, and to do the same with about:blank. */
function chromiumRender(file) {
  const candidates = [process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome'].filter(Boolean);
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--dump-dom'];
  for (const exe of candidates) {
    const time = (url) => {
      const t0 = Date.now();
      const r = spawnSync(exe, [...flags, url], { encoding: 'utf8', maxBuffer: 1 << 28 });
      return r.error || r.status !== 0 ? undefined : (Date.now() - t0) / 1000;
    };
    const blank = time('about:blank');
    if (blank === undefined) continue;
    const page = time(pathToFileURL(file).href);
    if (page !== undefined) return { blank, page };
  }
  return undefined;
}

/** Runs the CLI in this process and prints its peak RSS (worker threads included) as the last line. */
async function cliChild(args) {
  const { main } = await import(cliModuleUrl(pathToFileURL(path.join(root, 'dist') + path.sep)).href);
  const code = await main(args);
  console.log(JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }));
  process.exitCode = code;
}

// Last, so every constant above is initialised before the run starts.
if (process.argv[2] === '--cli') {
  await cliChild(process.argv.slice(3));
} else if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4] === '--read-only');
} else if (process.argv[2] === '--generate') {
  // Writes one snapshot and keeps it, for profiling: node scripts/bench-fleet.js --generate 1000
  // node scripts/bench-fleet.js --generate 10000 half: half the clients failing; … 10000 20: twenty failing.
  const failing = process.argv[4] === 'half' ? 'half' : Number(process.argv[4]) > 0 ? Number(process.argv[4]) : undefined;
  const dir = path.join(tmpdir(), `volact-bench-fleet-${Number(process.argv[3])}${failing === 'half' ? '-half' : failing ? `-f${failing}` : ''}`);
  generate(dir, Number(process.argv[3]), failing);
  console.log(dir);
} else if (process.argv[2] === '--groups') {
  // What grouping failing machines into likely shared causes costs: node scripts/bench-fleet.js --groups 100000
  // (`half` after the sizes: half the clients failing, the most grouping has to do).
  groupsCost(process.argv.slice(3).map(Number).filter((n) => Number.isInteger(n) && n > 0), process.argv.includes('half') ? 'half' : undefined);
} else if (process.argv[2] === '--timeline') {
  // One client with N exchanges and its host's N 12290s: node scripts/bench-fleet.js --timeline 25000 100000
  timelineCost(process.argv.slice(3).map(Number).filter((n) => Number.isInteger(n) && n > 0));
} else if (process.argv[2] === '--check-cli') {
  // Only the end-to-end check runs: node scripts/bench-fleet.js --check-cli 10000 100000
  cliCheck(process.argv.slice(3).map(Number).filter((n) => Number.isInteger(n) && n > 0));
} else {
  // --read-only: read, merge and fleet views without the rule chain (to see where the time goes).
  const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  await parent(sizes, process.argv.includes('--read-only'));
  if (!process.argv.includes('--read-only') && !process.argv.includes('--no-reports')) await reportBudgets(Math.max(...(sizes.length > 0 ? sizes : [10000])));
  if (sizes.length === 0 && !process.argv.includes('--read-only')) cliCheck([10_000, 100_000]);
}
