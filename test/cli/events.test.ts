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
