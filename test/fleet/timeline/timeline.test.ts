// `volact timeline` on a two-host fleet (fixtures/timeline/two-hosts): a client that moved from kms01 to kms02
// reads in time order with what each host logged about it; the fleet per hour or day; the machine section of a
// full report; and the fixture is what its scenario makes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { analyze, readFleet } from '../../../src/analyze.js';
import { fleetTimeline, machineTimeline } from '../../../src/fleet/index.js';
import { buildReport, renderJson, renderMarkdown } from '../../../src/report/index.js';
import { runCli } from '../../cli/run-cli.js';
import { twoHostsFleet } from './two-hosts.js';

const DIR = 'fixtures/timeline/two-hosts';

describe('fixtures/timeline/two-hosts', () => {
  it('is what its scenario makes', () => {
    const files = twoHostsFleet();
    expect(fg.sync('**', { cwd: DIR }).sort()).toEqual(Object.keys(files).sort());
    for (const [rel, text] of Object.entries(files)) expect(readFileSync(path.join(DIR, rel), 'utf8'), rel).toBe(text);
  });
});

describe('a machine that moved from one KMS host to the other', () => {
  it('lists its requests, answers, each host’s 12290 about it and its state changes, in time order, with file and record', async () => {
    const { fleet } = await readFleet([DIR], { threads: 0 });
    const entries = machineTimeline(fleet, fleet.find('pc-move')!);
    const rows = entries.map((e) => [e.time.slice(0, 16), e.machine.split('.')[0], e.eventId, e.kind, e.host ?? '', e.result ?? e.state ?? '', `${e.file.slice(DIR.length + 1)}:${e.record ?? e.line}`]);
    expect(rows).toEqual([
      ['2024-03-01T10:00', 'PC-MOVE', 12288, 'request', 'kms01.corp.contoso.com:1688', '', 'pc-move/Application.xml:5101'],
      ['2024-03-01T10:00', 'PC-MOVE', 12288, 'state', '', 'OOBGrace', 'pc-move/Application.xml:5101'],
      ['2024-03-01T10:00', 'kms01', 12290, 'host-logged', 'kms01.corp.contoso.com', '0xC004F038', 'kms01/KeyManagementService.xml:30001'],
      ['2024-03-01T10:00', 'PC-MOVE', 12289, 'response', '', '0xC004F038', 'pc-move/Application.xml:5102'],
      ['2024-03-04T10:00', 'PC-MOVE', 12288, 'request', 'kms01.corp.contoso.com:1688', '', 'pc-move/Application.xml:5103'],
      ['2024-03-04T12:00', 'PC-MOVE', 12288, 'request', 'kms01.corp.contoso.com:1688', '', 'pc-move/Application.xml:5104'],
      ['2024-03-04T14:00', 'PC-MOVE', 12288, 'request', 'kms02.corp.contoso.com:1688', '', 'pc-move/Application.xml:5105'],
      ['2024-03-04T14:00', 'kms02', 12290, 'host-logged', 'kms02.corp.contoso.com', '', 'kms02/KeyManagementService.xml:40002'],
      ['2024-03-04T14:00', 'PC-MOVE', 12289, 'response', '', '', 'pc-move/Application.xml:5106'],
      ['2024-03-04T14:00', 'PC-MOVE', 12289, 'state', '', 'Licensed', 'pc-move/Application.xml:5106'],
      ['2024-03-05T14:00', 'PC-MOVE', 12288, 'request', 'kms02.corp.contoso.com:1688', '', 'pc-move/Application.xml:5107'],
      ['2024-03-05T14:00', 'kms02', 12290, 'host-logged', 'kms02.corp.contoso.com', '', 'kms02/KeyManagementService.xml:40003'],
      ['2024-03-05T14:00', 'PC-MOVE', 12289, 'response', '', '', 'pc-move/Application.xml:5108'],
      ['', 'PC-MOVE', undefined, 'state', '', 'Licensed', 'pc-move/slmgr-dlv.txt:6'],
    ]);
    expect(entries.find((e) => e.state === 'Licensed' && e.eventId === 12289)?.from).toBe('OOBGrace');
  });

  it('the other hosts’ clients and the other client’s requests stay out of it', async () => {
    const { fleet } = await readFleet([DIR], { threads: 0 });
    const entries = machineTimeline(fleet, fleet.find('PC-MOVE.corp.contoso.com')!);
    expect(entries.some((e) => e.client !== undefined && !/^PC-MOVE/.test(e.client))).toBe(false);
    // A host's own timeline lists what it logged, for every client.
    const kms02 = machineTimeline(fleet, fleet.find('kms02')!);
    expect(kms02.filter((e) => e.kind === 'host-logged').map((e) => e.client)).toEqual(['PC-STAY.corp.contoso.com', 'PC-MOVE.corp.contoso.com', 'PC-MOVE.corp.contoso.com']);
  });

  it('volact timeline --machine writes Markdown, JSON lines and CSV with the same rows', async () => {
    const md = await runCli(['timeline', DIR, '--machine', 'pc-move']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Timeline of PC-MOVE\.corp\.contoso\.com\n\n\| Time \| Machine \| Event \| What \| Where \|/);
    expect(md.stdout).toContain('| 2024-03-04 14:00 UTC | kms02.corp.contoso.com | 12290 | kms02.corp.contoso.com logged the request | `fixtures/timeline/two-hosts/kms02/KeyManagementService.xml` record 40002 |');
    expect(md.stdout).toContain('| 2024-03-04 14:00 UTC | PC-MOVE.corp.contoso.com | 12289 | license state OOBGrace → Licensed |');
    const jsonl = (await runCli(['timeline', DIR, '--machine', 'PC-MOVE.corp.contoso.com', '-f', 'jsonl'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(jsonl).toHaveLength(14);
    expect(jsonl[2]).toMatchObject({ machine: 'kms01.corp.contoso.com', eventId: 12290, kind: 'host-logged', client: 'PC-MOVE.corp.contoso.com', result: '0xC004F038', record: 30001, message: { id: 'timeline.host-logged' } });
    expect(jsonl[2].text).toBe('kms01.corp.contoso.com logged the request: 0xC004F038 (SL_E_VL_NOT_ENOUGH_COUNT)');
    const csv = (await runCli(['timeline', DIR, '--machine', 'pc-move', '-f', 'csv'])).stdout.trim().split('\n');
    expect(csv[0]).toBe('time,machine,eventId,kind,text,file,record,line,host,client,result,state,from,expires');
    expect(csv).toHaveLength(15);
    expect(csv[10]).toBe('2024-03-04T14:00:05.0005106Z,PC-MOVE.corp.contoso.com,12289,state,license state OOBGrace → Licensed,fixtures/timeline/two-hosts/pc-move/Application.xml,5106,,,,,Licensed,OOBGrace,');
    const ja = await runCli(['timeline', DIR, '--machine', 'pc-move', '--lang', 'ja']);
    expect(ja.stdout).toContain('| 2024/03/04 14:00 UTC | kms02.corp.contoso.com | 12290 | kms02.corp.contoso.com が要求を記録 |');
  });

  it('says which machines there are when the one asked for is not in the input, and needs --machine or --all', async () => {
    const run = await runCli(['timeline', DIR, '--machine', 'pc-gone']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no machine "pc-gone" in the input; machines: kms01.corp.contoso.com, kms02.corp.contoso.com, PC-MOVE.corp.contoso.com, PC-STAY.corp.contoso.com');
    expect((await runCli(['timeline', DIR])).stderr).toContain('timeline needs either --machine NAME or --all');
    expect((await runCli(['timeline', DIR, '--machine', 'pc-move', '-f', 'html'])).code).toBe(2);
  });
});

describe('the fleet per hour or day', () => {
  it('counts requests, unanswered ones, activations, failures, host logs and state changes per day', async () => {
    const { fleet } = await readFleet([DIR], { threads: 0 });
    const t = fleetTimeline(fleet);
    expect(t.by).toBe('day');
    expect(t.machines).toBe(4);
    expect(t.buckets.map((b) => [b.start.slice(0, 10), b.requests, b.unanswered, b.activated, b.failed, b.hostLogged, b.states])).toEqual([
      // The 12289 with 0xC004F038 is the failure; kms01's 12290 of it counts as logged, not failed again.
      ['2024-03-01', 1, 0, 0, 1, 1, {}],
      ['2024-03-02', 0, 0, 0, 0, 1, {}],
      ['2024-03-03', 1, 0, 1, 0, 1, {}],
      ['2024-03-04', 3, 2, 1, 0, 1, { Licensed: 1 }],
      ['2024-03-05', 1, 0, 1, 0, 1, {}],
    ]);
    expect(fleetTimeline(fleet, 'hour').buckets).toHaveLength(4 * 24 + 5);
  });

  it('draws it as inline SVG in a page that loads and runs nothing', async () => {
    const run = await runCli(['timeline', DIR, '--all', '-f', 'html']);
    expect(run.code).toBe(0);
    const page = run.stdout;
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;">`);
    expect(page).not.toMatch(/<script|<img|<link|https?:\/\//i);
    expect(page).toMatch(/<figure class="chart" data-chart="timeline-states">[\s\S]*<svg class="timeline"/);
    expect(page).toContain('<g class="bucket" data-start="2024-03-04T00:00:00.000Z" data-requests="3" data-unanswered="2" data-failed="0" data-changes="1">');
    const csv = (await runCli(['timeline', DIR, '--all', '--by', 'day', '-f', 'csv'])).stdout.split('\n');
    expect(csv[0]).toBe('start,requests,unanswered,activated,failed,hostLogged,states');
    expect(csv[4]).toBe('2024-03-04T00:00:00.000Z,3,2,1,0,1,Licensed=1');
  });
});

describe('a machine shown in full carries its timeline', () => {
  it('in Markdown (the newest entries) and in JSON (with timelineTotal)', async () => {
    const report = buildReport(await analyze([DIR], { threads: 0 }), { machines: 'all' });
    const move = report.machines.find((m) => m.key === 'pc-move')!;
    expect(move.timelineTotal).toBe(14);
    expect(move.timeline).toHaveLength(14);
    const md = renderMarkdown(report);
    expect(md).toMatch(/## PC-MOVE\.corp\.contoso\.com[\s\S]*### Timeline\n\n\| Time \| Machine \| Event \| What \| Where \|/);
    expect(md).toContain('2 earlier entries are left out; volact timeline &lt;paths&gt; --machine PC-MOVE.corp.contoso.com lists them all.');
    const json = JSON.parse(renderJson(buildReport(await analyze([DIR], { threads: 0 }), { machines: 'all', evidence: 5 })));
    const written = json.machines.find((m: { key: string }) => m.key === 'pc-move');
    expect(written.timelineTotal).toBe(14);
    // The newest five, in time order.
    expect(written.timeline.map((e: { text: string }) => e.text)).toEqual([
      'license state OOBGrace → Licensed',
      'request sent to kms02.corp.contoso.com:1688',
      'kms02.corp.contoso.com logged the request',
      'answer: activated, host count 41',
      'slmgr: Windows(R), Enterprise edition Licensed',
    ]);
  });
});
