// Bench for the XML path: generates a large Event Viewer-style export (mixed 12288/12289/12290 and unrelated
// events) and measures `analyze` on it in a child process: MB/s, events/s and peak RSS.
// Usage: npm run build && node scripts/bench-xml.js [sizeMB]
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const targetMb = Number(process.argv[2] ?? 200);
// Unrelated events per client exchange (3 activation events): 3 makes half the export activation events
// (the worst case: every one becomes a fact kept in memory); 27 is closer to a real Application log.
// 'kms' instead writes a KMS host's Key Management Service log: nothing but 12290s, one host, 5,000 clients.
const mix = process.argv[3] ?? '3';
const kmsOnly = mix === 'kms';
const unrelated = kmsOnly ? 0 : Number(mix);
const dir = path.join(tmpdir(), 'volact-bench');
const file = path.join(dir, kmsOnly ? `kms-${targetMb}mb.xml` : `application-${targetMb}mb-${unrelated}.xml`);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function spp(rec, id, when, computer, data, channel = 'Application') {
  const d = data.map((x) => `<Data>${x}</Data>`).join('');
  return `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Security-SPP" Guid="{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}" EventSourceName="Software Protection Platform Service"/><EventID Qualifiers="16384">${id}</EventID><Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x80000000000000</Keywords><TimeCreated SystemTime="${when}"/><EventRecordID>${rec}</EventRecordID><Correlation/><Execution ProcessID="0" ThreadID="0"/><Channel>${channel}</Channel><Computer>${computer}</Computer><Security/></System><EventData>${d}</EventData></Event>`;
}

function other(rec, when, computer) {
  return `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-RestartManager" Guid="{0888E5EF-9B98-4695-979D-E92CE4247224}"/><EventID Qualifiers="">10000</EventID><Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime="${when}"/><EventRecordID>${rec}</EventRecordID><Correlation/><Execution ProcessID="4312" ThreadID="9876"/><Channel>Application</Channel><Computer>${computer}</Computer><Security UserID="S-1-5-18"/></System><EventData><Data Name="RmSessionId">0</Data><Data Name="UTCStartTime">${when}</Data></EventData><RenderingInfo Culture="en-US"><Message>Starting session 0 - ${when}.</Message><Level>Information</Level><Task></Task><Opcode>Info</Opcode><Channel>Application</Channel><Provider>Microsoft-Windows-RestartManager</Provider><Keywords><Keyword>Classic</Keyword></Keywords></RenderingInfo></Event>`;
}

async function generate() {
  mkdirSync(dir, { recursive: true });
  const out = createWriteStream(file);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  await write('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\r\n<Events>');
  let bytes = 0;
  let rec = 1;
  let kmsRec = 1;
  let group = 0;
  const start = Date.UTC(2024, 0, 1);
  // Each group: a client's request and response, the host's 12290 for it (the Key Management Service
  // channel numbers its own records), and three unrelated Application events.
  while (bytes < targetMb * 1024 * 1024) {
    const client = group % 5000;
    const host = `pc${String(client).padStart(4, '0')}.corp.contoso.com`;
    const cmid = `5d6c${String(client).padStart(4, '0')}-1b2a-4c3d-8e4f-a5b6c7d8e9f0`;
    const at = start + group * 42000;
    const when = (ms) => new Date(ms).toISOString().replace('Z', '0000Z');
    const ct = new Date(at).toISOString().slice(0, 16).replace('T', ' ').replace(/-/g, '/');
    const failing = client % 2 === 0;
    const result = failing ? '0xC004F038' : '0x00000000';
    const served = spp(kmsRec++, 12290, when(at + 300), 'kms01.corp.contoso.com', [`${result},25,${host},${cmid},${ct},0,2,30240,73111121-5638-40f6-bc11-f1d7b0d64300`, result, '25', host, cmid, ct, '0', '2', '30240', '73111121-5638-40f6-bc11-f1d7b0d64300'], 'Key Management Service');
    const lines = kmsOnly ? [served] : [
      spp(rec++, 12288, when(at), host, [`0x00000000, 0x00000000, kms01.corp.contoso.com:1688, ${cmid}, ${ct}, 0, 2, 30240, 73111121-5638-40f6-bc11-f1d7b0d64300, 25`]),
      served,
      spp(rec++, 12289, when(at + 600), host, [`${result}, ${failing ? '0x04000000' : '0x00000000'}, ${failing ? 0 : 1}, 0, 30, 120, 10080, ${ct}`]),
      ...Array.from({ length: unrelated }, (_, i) => other(rec++, when(at + 5000 + i * 1000), host)),
    ];
    const chunk = lines.join('\r\n') + '\r\n';
    bytes += Buffer.byteLength(chunk);
    await write(chunk);
    group++;
  }
  await write('</Events>\r\n');
  await new Promise((r) => out.end(r));
}

if (!existsSync(file) || statSync(file).size < targetMb * 1024 * 1024) {
  process.stdout.write(`generating ${file} …\n`);
  await generate();
}
const size = statSync(file).size;
const child = `
  const { analyze } = await import(${JSON.stringify(path.join(root, 'dist/index.js'))});
  const t0 = performance.now();
  const a = await analyze([${JSON.stringify(file)}], { now: '2024-03-01T00:00:00Z' });
  const ms = performance.now() - t0;
  const i = a.inputs[0];
  console.log(JSON.stringify({ ms, records: i.records, decoded: i.decoded, ignored: i.ignored, rejected: i.rejected.length, findings: a.findings.length, maxRssKb: process.resourceUsage().maxRSS }));
`;
const run = spawnSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8', maxBuffer: 1 << 24 });
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  process.exit(1);
}
const r = JSON.parse(run.stdout.trim().split('\n').pop());
const mb = size / 1024 / 1024;
const what = kmsOnly ? 'a Key Management Service log, 12290s only' : `${unrelated} unrelated events per 3 activation events`;
console.log(`xml analyze (${what}): ${mb.toFixed(1)} MB, ${r.records} records (${r.decoded} decoded, ${r.ignored} ignored, ${r.rejected} rejected), ${r.findings} findings`);
console.log(`  ${(r.ms / 1000).toFixed(2)} s  ${(mb / (r.ms / 1000)).toFixed(1)} MB/s  ${Math.round(r.records / (r.ms / 1000))} events/s  peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB`);
