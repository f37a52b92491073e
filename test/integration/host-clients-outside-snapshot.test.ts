// Issue 13 point 6: a KMS host's fleet view names the clients it logged that the snapshot lacks (name, CMID,
// last request, last result): capped in text reports with a count, in JSON the newest 200 per host with the total
// (complete with --evidence all, so a busy host's log cannot make them most of a fleet report), escaped everywhere.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildReport, renderHtml, renderJson, renderMarkdown } from '../../src/report/index.js';
import { ev12288, ev12289, ev12290, eventViewerXml, wevtutilXml, type EventSpec } from '../helpers/activation-exports.js';

const HOST = 'kms01.corp.contoso.com';
const HOSTILE = 'evil|<img src=x onerror=alert(1)>*[x](http://a)';
let dir = '';

const cmid = (n: number): string => `5d6c${String(n).padStart(4, '0')}-1b2a-4c3d-8e4f-a5b6c7d8e9f0`;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'volact-absent-'));
  mkdirSync(path.join(dir, 'kms01'));
  mkdirSync(path.join(dir, 'pc01'));
  const log: EventSpec[] = [];
  let record = 1;
  // pc01 is in the snapshot; pc02..pc31 are not; one of them sends a hostile name.
  log.push(ev12290(HOST, '2024-03-07T06:00:00Z', record++, { client: 'pc01.corp.contoso.com', cmid: cmid(1) }));
  for (let i = 2; i <= 31; i++) {
    const name = i === 9 ? HOSTILE : `pc${String(i).padStart(2, '0')}.corp.contoso.com`;
    log.push(ev12290(HOST, `2024-03-06T${String(i % 24).padStart(2, '0')}:00:00Z`, record++, { client: name, cmid: cmid(i) }));
  }
  // pc05 asked again later and was refused: its newest request and result are the ones listed.
  log.push(ev12290(HOST, '2024-03-07T08:00:00Z', record++, { client: 'pc05.corp.contoso.com', cmid: cmid(5), result: '0xC004F038' }));
  writeFileSync(path.join(dir, 'kms01', 'KeyManagementService.xml'), wevtutilXml(log));
  writeFileSync(
    path.join(dir, 'pc01', 'Application.xml'),
    eventViewerXml([ev12288('PC01.corp.contoso.com', '2024-03-07T06:00:00Z', 10, { cmid: cmid(1) }), ev12289('PC01.corp.contoso.com', '2024-03-07T06:00:01Z', 11)]),
  );
});

describe('clients a KMS host saw that the snapshot lacks', () => {
  it('fleet view lists every one, newest first, without the clients the snapshot holds', async () => {
    const a = await analyze([dir], { now: '2024-03-07T12:00:00Z', threads: 0 });
    const host = a.views.kmsHosts.find((h) => h.name === HOST)!;
    const absent = host.clientsNotInSnapshot ?? [];
    expect(host.clientsSeen).toBe(31);
    expect(absent).toHaveLength(30);
    expect(absent.map((c) => c.name)).not.toContain('pc01.corp.contoso.com');
    expect(absent[0]).toEqual({ name: 'pc05.corp.contoso.com', cmid: cmid(5), lastRequest: '2024-03-07T08:00:00.0000032Z', lastResult: '0xC004F038', requests: 2 });
    expect(absent.find((c) => c.cmid === cmid(9))?.name).toBe(HOSTILE);
  });

  it('JSON is complete; Markdown and HTML cap the rows with a count and escape the names', async () => {
    const a = await analyze([dir], { now: '2024-03-07T12:00:00Z', threads: 0 });
    const report = buildReport(a);
    const json = JSON.parse(renderJson(report)) as { fleet: { kmsHosts: Array<{ clientsNotInSnapshot: unknown[] }> } };
    expect(json.fleet.kmsHosts[0].clientsNotInSnapshot).toHaveLength(30);

    const text = renderMarkdown(report);
    expect(text).toContain(`### Clients ${HOST} logged that the snapshot lacks`);
    const section = text.slice(text.indexOf('### Clients kms01'));
    const rows = section.split('\n').filter((l) => l.includes(`| \`5d6c`));
    expect(rows).toHaveLength(20);
    expect(section).toContain('10 more rows in the JSON report.');
    expect(rows[0]).toBe('| pc05.corp.contoso.com | `5d6c0005-1b2a-4c3d-8e4f-a5b6c7d8e9f0` | 2024-03-07T08:00:00.0000032Z | 0xC004F038 | 2 |');
    // The hostile name is the 9th client (2024-03-06T09:00) — within the 20 shown, and inert.
    expect(text).toContain('| evil\\|&lt;img src=x onerror=alert(1)&gt;\\*\\[x\\](http:\\/\\/a) |');
    const html = renderHtml(report);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('evil|&lt;img src=x onerror=alert(1)&gt;*[x](http://a)');
  });

  it('JSON keeps the newest 200 per host with the total; --evidence all keeps every one', async () => {
    const a = await analyze([dir], { now: '2024-03-07T12:00:00Z', threads: 0 });
    const host = a.views.kmsHosts[0];
    const many = Array.from({ length: 450 }, (_, i) => ({ ...host.clientsNotInSnapshot![0], name: `ws${i}`, cmid: cmid(1000 + i) }));
    const busy = { ...a, views: { ...a.views, kmsHosts: [{ ...host, clientsNotInSnapshot: many }] } };
    type HostJson = { clientsNotInSnapshot: Array<{ name: string }>; clientsNotInSnapshotTotal?: number };
    const capped = (JSON.parse(renderJson(buildReport(busy))) as { fleet: { kmsHosts: HostJson[] } }).fleet.kmsHosts[0];
    expect(capped.clientsNotInSnapshot.map((c) => c.name)).toEqual(many.slice(0, 200).map((c) => c.name));
    expect(capped.clientsNotInSnapshotTotal).toBe(450);
    const all = (JSON.parse(renderJson(buildReport(busy, { evidence: 'all' }))) as { fleet: { kmsHosts: HostJson[] } }).fleet.kmsHosts[0];
    expect(all.clientsNotInSnapshot).toHaveLength(450);
    expect(all.clientsNotInSnapshotTotal).toBeUndefined();
    // The text report counts from the total, not from what the JSON kept.
    expect(renderMarkdown(buildReport(busy))).toContain('430 more rows in the JSON report.');
  });
});
