import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('volact events', () => {
  it('prints activation events as JSONL with decoded facts', async () => {
    const run = await runCli(['events', 'fixtures/ingest/eventviewer.xml']);
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => r.eventId)).toEqual([12288, 12289, 16384]);
    expect(rows[0]).toMatchObject({ recordId: 8001, provider: 'Microsoft-Windows-Security-SPP', channel: 'Application', computer: 'CLIENT01.corp.contoso.com' });
    expect((rows[0].decoded as Array<Record<string, unknown>>)[0]).toMatchObject({ kind: 'kms-request', result: '0x00000000', host: 'kms01.corp.contoso.com', port: 1688, requiredCount: 25 });
    expect((rows[1].decoded as Array<Record<string, unknown>>)[0]).toMatchObject({ kind: 'kms-response', result: '0xC004F038', currentCount: 12, activated: false });
  });

  it('--all prints every record in input order', async () => {
    const run = await runCli(['events', '--all', 'fixtures/ingest/wevtutil-rootless.xml']);
    const rows = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { eventId: number; decoded?: unknown });
    expect(rows.map((r) => r.eventId)).toEqual([12288, 12289, 1033, 16384]);
    expect(rows[2].decoded).toBeUndefined();
  });

  it('prints CSV with a header and reports rejections on stderr', async () => {
    const run = await runCli(['events', '-f', 'csv', 'fixtures/ingest/broken-truncated.xml']);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('file,format,recordId,eventId,qualifiers,level,timeCreated,provider,channel,computer,data,decoded');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',12288,16384,4,');
    expect(run.stderr).toContain('broken-truncated.xml: line 4: malformed event XML');
    expect(run.stderr).toContain('line 6: the input ends inside this <Event>');
  });
});

describe('volact events output stays data', () => {
  it('CSV makes terminal controls from input visible and defuses formulas; JSONL escapes them', async () => {
    const xml = `<Event><System><Provider Name='Microsoft-Windows-Security-SPP'/><EventID Qualifiers='16384'>12290</EventID><TimeCreated SystemTime='2024-03-05T09:12:05Z'/><EventRecordID>1</EventRecordID><Channel>Key Management Service</Channel><Computer>=cmd|' /C calc'!A0&#27;[2J</Computer></System><EventData><Data>0x0,25,evil\u001b[31m.corp,2ffcfc30-6a6a-49ec-92b8-f6150c7df211,2024/3/5 9:12,0,1,259200,73111121-5638-40f6-bc11-f1d7b0d64300</Data></EventData></Event>`;
    const csv = await runCli(['events', '-', '-f', 'csv'], xml);
    expect(csv.stdout).not.toContain('\u001b');
    expect(csv.stdout).toContain(`"'=cmd|' /C calc'!A0\\u{001b}[2J"`);
    const jsonl = await runCli(['events', '-'], xml);
    expect(jsonl.stdout).not.toContain('\u001b');
    expect(jsonl.stdout).toContain('evil\\u001b[31m.corp');
  });
});
