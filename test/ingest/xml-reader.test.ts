import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { events, readAll, readBytes, rejections } from './helpers.js';

const FIX = 'fixtures/ingest';

describe('XML event exports', () => {
  const forms = ['eventviewer.xml', 'wevtutil-rootless.xml', 'wevtutil-utf16le.xml', 'wevtutil-rooted.xml', 'pretty-copy.xml'];

  it.each(forms)('%s yields the same four events', async (name) => {
    const { kind, items } = await readAll(`${FIX}/${name}`);
    expect(kind).toBe('xml-events');
    expect(rejections(items)).toEqual([]);
    const got = events(items);
    expect(got.map((e) => e.eventId)).toEqual([12288, 12289, 1033, 16384]);
    expect(got.map((e) => e.recordId)).toEqual([8001, 8002, 8003, 8004]);
    const [request, response, msi] = got;
    expect(request).toMatchObject({
      provider: 'Microsoft-Windows-Security-SPP',
      providerGuid: '{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}',
      eventSourceName: 'Software Protection Platform Service',
      qualifiers: 16384,
      level: 4,
      channel: 'Application',
      computer: 'CLIENT01.corp.contoso.com',
      timeCreated: '2024-03-05T09:12:04.1234567Z',
      binary: '00000600AB',
    });
    expect(request.data).toEqual([
      '0x00000000, 0x00000000, kms01.corp.contoso.com:1688, 2ffcfc30-6a6a-49ec-92b8-f6150c7df211, 2024/03/05 09:12, 0, 2, 30240, 73111121-5638-40f6-bc11-f1d7b0d64300, 25',
    ]);
    expect(response.data).toEqual(['0xC004F038, 0x04000000, 0, 0, 12, 120, 10080, 2024/03/05 09:12']);
    expect(msi).toMatchObject({ provider: 'MsiInstaller', eventId: 1033, qualifiers: 0 });
    expect(msi.data).toEqual(['Contoso Agent', '1.2.3', '1033', '0', 'Contoso']);
  });

  it('keeps the rendered message of an Event Viewer export', async () => {
    const got = events((await readAll(`${FIX}/eventviewer.xml`)).items);
    expect(got[0].message).toMatch(/^The client has sent an activation request/);
    expect(got[1].message).toBeUndefined();
  });

  it('gives lines for evidence', async () => {
    const got = events((await readAll(`${FIX}/wevtutil-rootless.xml`)).items);
    expect(got.map((e) => e.source.line)).toEqual([1, 2, 3, 4]);
    expect(got[0].source).toMatchObject({ format: 'xml', record: 8001 });
  });

  it('rejects a malformed event and a truncated tail, and keeps the rest', async () => {
    const { items } = await readAll(`${FIX}/broken-truncated.xml`);
    expect(events(items).map((e) => e.recordId)).toEqual([8001, 8003]);
    const rej = rejections(items);
    expect(rej).toHaveLength(2);
    expect(rej[0]).toMatchObject({ line: 4, reason: 'malformed event XML: expected </Level>, found </Levl>' });
    expect(rej[1].reason).toContain('ends inside this <Event>');
    expect(rej[1].line).toBe(6);
  });

  it('rejects a non-XML file with an .xml name as unknown', async () => {
    const { kind, items } = await readAll(`${FIX}/not-xml.xml`);
    expect(kind).toBe('unknown');
    expect(rejections(items)[0].reason).toMatch(/^unknown format/);
  });

  it('does not depend on how the stream is chunked (UTF-16 split mid-character)', async () => {
    const bytes = readFileSync(`${FIX}/wevtutil-utf16le.xml`);
    for (const size of [1, 3, 7, 4096]) {
      const { items } = await readBytes(bytes, size);
      expect(events(items).map((e) => e.recordId)).toEqual([8001, 8002, 8003, 8004]);
    }
  });

  it('never expands entities from a DTD and says so', async () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<Events><Event><System><EventID>1</EventID><Computer>&lol2;</Computer></System></Event>
<Event><System><EventID>2</EventID><Computer>ok</Computer></System></Event></Events>`;
    const { items } = await readBytes(Buffer.from(xml), 64);
    expect(events(items).map((e) => e.computer)).toEqual(['ok']);
    const rej = rejections(items);
    expect(rej.map((r) => r.line)).toEqual([2, 3]);
    expect(rej[0].reason).toContain('DOCTYPE');
    expect(rej[1].reason).toContain('undefined entity &lol2;');
  });

  it('decodes the five predefined entities and character references only', async () => {
    const xml = `<Event><System><EventID>7</EventID><Computer>a&lt;b&gt;&amp;&quot;&apos;&#x41;&#66;</Computer></System></Event>`;
    const { items } = await readBytes(Buffer.from(xml));
    expect(events(items)[0].computer).toBe(`a<b>&"'AB`);
  });

  it('reports text between events once per region and reads on', async () => {
    const xml = `<Event><System><EventID>1</EventID></System></Event>\nGARBAGE here\nmore\n<Event><System><EventID>2</EventID></System></Event>`;
    const { items } = await readBytes(Buffer.from(xml), 5);
    expect(events(items).map((e) => e.eventId)).toEqual([1, 2]);
    const rej = rejections(items);
    expect(rej).toHaveLength(1);
    expect(rej[0]).toMatchObject({ where: 'line 2', line: 2 });
    expect(rej[0].reason).toMatch(/^text outside any <Event>: "GA/);
  });

  it('rejects an event without a usable EventID', async () => {
    const { items } = await readBytes(Buffer.from(`<Event><System><EventID>abc</EventID></System></Event>`));
    expect(rejections(items)[0].reason).toBe('<EventID> must be a number from 0 to 65535, found "abc"');
  });

  it('reads UserData leaves (System 104)', async () => {
    const xml = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Eventlog' Guid='{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}'/><EventID>104</EventID><TimeCreated SystemTime='2024-03-01T10:00:00.000000000Z'/><EventRecordID>9</EventRecordID><Channel>System</Channel><Computer>kms01</Computer></System><UserData><LogFileCleared xmlns='http://manifests.microsoft.com/win/2004/08/windows/eventlog'><SubjectUserName>admin</SubjectUserName><SubjectDomainName>CORP</SubjectDomainName><Channel>Key Management Service</Channel><BackupPath/></LogFileCleared></UserData></Event>`;
    const ev = events((await readBytes(Buffer.from(xml), 100)).items)[0];
    expect(ev.userData).toEqual({ SubjectUserName: 'admin', SubjectDomainName: 'CORP', Channel: 'Key Management Service', BackupPath: '' });
    expect(ev.timeCreated).toBe('2024-03-01T10:00:00.000000000Z');
  });

  it('converts an offset time to UTC and keeps named Data', async () => {
    const xml = `<Event><System><EventID>5</EventID><TimeCreated SystemTime="2024-03-01T19:00:00.5+09:00"/></System><EventData><Data Name="a">1</Data><Data Name="b">2</Data></EventData></Event>`;
    const ev = events((await readBytes(Buffer.from(xml))).items)[0];
    expect(ev.timeCreated).toBe('2024-03-01T10:00:00.5Z');
    expect(ev.namedData).toEqual({ a: '1', b: '2' });
    expect(ev.data).toEqual(['1', '2']);
  });
});
