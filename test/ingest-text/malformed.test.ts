// Malformed records are rejected with the line they start on, and reading goes on with the next one.
import { describe, expect, it } from 'vitest';
import type { RawEvent, Reader, ReaderContext, ReaderItem, Rejection } from '../../src/types.js';
import type { Sniffed } from '../../src/ingest/index.js';
import { sniffFormat } from '../../src/ingest/index.js';
import * as text from '../../src/ingest/text/index.js';
import { chunks } from './read-fixture.js';

interface Outcome {
  events: RawEvent[];
  rejections: Rejection[];
  unknown: [number, string][];
}

async function run(factory: (s: Sniffed) => Reader, content: string | Buffer, ctx: Partial<ReaderContext> = {}, pieceSize = 7): Promise<Outcome> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const sniffed = sniffFormat(bytes.subarray(0, 8192));
  // Small pieces put chunk boundaries everywhere, also inside multi-byte characters.
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += pieceSize) parts.push(bytes.subarray(i, i + pieceSize));
  const out: Outcome = { events: [], rejections: [], unknown: [] };
  for await (const item of factory(sniffed)(chunks(parts), { file: 't', ...ctx }) as AsyncGenerator<ReaderItem>) {
    if (item.kind === 'event') out.events.push(item.event);
    if (item.kind === 'rejected') out.rejections.push(item.rejection);
    if (item.kind === 'unknown-line') out.unknown.push([item.line.line, item.line.text]);
  }
  return out;
}

const where = (o: Outcome): [number | undefined, string][] => o.rejections.map((r) => [r.line, r.reason]);

describe('Event Viewer CSV', () => {
  const csv = [
    'Level,Date and Time,Source,Event ID,Task Category',
    'Information,3/5/2024 4:12:04 AM,Microsoft-Windows-Security-SPP,12288,None,"two\r\nlines"',
    'Information,3/5/2024 4:12:05 AM,Microsoft-Windows-Security-SPP,twelve,None,"bad id"',
    'Information,someday,Microsoft-Windows-Security-SPP,12289,None,"bad date"',
    'Information,3/5/2024',
    'Error,3/5/2024 4:13:00 PM,Microsoft-Windows-Security-SPP,8198,None,"last, with a comma"',
  ].join('\r\n');

  it('rejects bad rows with their line numbers and reads the rest', async () => {
    const o = await run(text.csvEventViewerReader, csv);
    expect(o.events.map((e) => [e.eventId, e.source.line, e.level, e.timeCreated])).toEqual([
      [12288, 2, 4, '2024-03-05T04:12:04Z'],
      [8198, 7, 2, '2024-03-05T16:13:00Z'],
    ]);
    expect(o.events[0].message).toBe('two\nlines');
    expect(o.events[1].message).toBe('last, with a comma');
    expect(where(o)).toEqual([
      [4, 'the event id must be a number from 0 to 65535, found "twelve"'],
      [5, 'unreadable date/time "someday"'],
      [6, 'a row of 2 field(s) where the header names 5'],
    ]);
  });

  it('rejects a file whose header it cannot place, once', async () => {
    const o = await run(text.csvEventViewerReader, 'Level,When,Who\r\nInformation,1,2\r\n');
    expect(o.events).toEqual([]);
    expect(o.rejections).toHaveLength(1);
    expect(o.rejections[0]).toMatchObject({ line: 1, where: 'line 1' });
  });

  it('reads the Security log variant that starts with Keywords', async () => {
    const o = await run(
      text.csvEventViewerReader,
      'Keywords,Date and Time,Source,Event ID,Task Category\r\nAudit Success,6/1/2026 9:00:00 AM,Microsoft-Windows-Security-Auditing,4624,Logon,"An account was successfully logged on."\r\n',
    );
    expect(o.events.map((e) => [e.eventId, e.level, e.channel, e.timeCreated])).toEqual([[4624, 0, '', '2026-06-01T09:00:00Z']]);
  });

  it('infers the Key Management Service log for 12290', async () => {
    const o = await run(
      text.csvEventViewerReader,
      'Level,Date and Time,Source,Event ID,Task Category\r\nInformation,3/5/2024 4:12:04 AM,Microsoft-Windows-Security-SPP,12290,None,"An activation request has been processed."\r\n',
    );
    expect(o.events[0].channel).toBe('Key Management Service');
  });
});

describe('wevtutil text', () => {
  it('rejects a block without an event id at its Event[N] line', async () => {
    const input = [
      'Event[0]:',
      '  Log Name: Application',
      '  Source: Microsoft-Windows-Security-SPP',
      '  Date: 2024-03-05T04:12:04.123',
      '  Task: N/A',
      '  Description: ',
      'no id here',
      '',
      'Event[1]:',
      '  Log Name: Application',
      '  Source: Microsoft-Windows-Security-SPP',
      '  Date: 2024-03-05T04:12:05.200Z',
      '  Event ID: 16394',
      '  Computer: HOST',
      '  Description: ',
      'Offline downlevel migration succeeded.',
      '',
    ].join('\n');
    const o = await run(text.textWevtutilReader, input);
    expect(where(o)).toEqual([[1, 'the event id must be a number from 0 to 65535, found null']]);
    expect(o.events.map((e) => [e.eventId, e.source.line, e.computer, e.timeCreated, e.timeIsLocal, e.message])).toEqual([
      [16394, 9, 'HOST', '2024-03-05T04:12:05.200Z', undefined, 'Offline downlevel migration succeeded.'],
    ]);
  });
});

describe('Event Viewer details text', () => {
  it('falls back to the labelled fields when the Event Xml part is broken', async () => {
    const input = [
      'Log Name:      Application',
      'Source:        Microsoft-Windows-Security-SPP',
      'Date:          3/5/2024 4:30:00 AM',
      'Event ID:      16384',
      'Level:         Information',
      'Computer:      CLIENT01',
      'Description:',
      'Successfully scheduled Software Protection service for re-start at 2024-03-06T09:30:00Z. Reason: RulesEngine.',
      'Event Xml:',
      '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><EventID>16384</Event>',
    ].join('\r\n');
    const o = await run(text.textEventViewerReader, input, { tz: '-05:00' });
    expect(o.rejections).toEqual([]);
    expect(o.events.map((e) => [e.eventId, e.computer, e.timeCreated, e.data])).toEqual([[16384, 'CLIENT01', '2024-03-05T09:30:00Z', []]]);
  });

  it('reads the Czech copy with its XML part and Czech labels', async () => {
    const input = [
      'Název protokolu:Application',
      'Zdroj: Microsoft-Windows-Security-SPP',
      'Datum: 05.03.2018 16:58:49',
      'ID události: 16384',
      'Úroveň: Informace',
      'Počítač: REDHUNTER',
      'Popis:',
      'Restartování služby bylo naplánováno na 2018-03-06T15:17:47Z. Důvod: RulesEngine',
      'Kód XML události:',
      '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
      '<System><Provider Name="Microsoft-Windows-Security-SPP" /><EventID Qualifiers="16384">16384</EventID><Level>4</Level>',
      '<TimeCreated SystemTime="2018-03-05T15:58:49.829672500Z" /><EventRecordID>14121</EventRecordID><Channel>Application</Channel>',
      '<Computer>REDHUNTER</Computer></System><EventData><Data>2018-03-06T15:17:47Z</Data><Data>RulesEngine</Data></EventData>',
      '</Event>',
    ].join('\r\n');
    const o = await run(text.textEventViewerReader, input);
    expect(o.rejections).toEqual([]);
    expect(o.events.map((e) => [e.eventId, e.recordId, e.timeCreated, e.data, e.message?.slice(0, 13)])).toEqual([
      [16384, 14121, '2018-03-05T15:58:49.829672500Z', ['2018-03-06T15:17:47Z', 'RulesEngine'], 'Restartování '],
    ]);
  });
});

describe('PowerShell CSV', () => {
  it('reads a semicolon (-UseCulture) export after a #TYPE line, with line numbers counted from the file start', async () => {
    const input = [
      '#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord',
      '"Message";"Id";"ProviderName";"MachineName";"TimeCreated";"Properties"',
      '"Das ist; eine Nachricht";"12288";"Microsoft-Windows-Security-SPP";"PC1";"05.03.2024 10:12:04";"[""0x0, 0x0"",""x""]"',
      '"kaputt";"12288"',
      '"ok";"12289";"Microsoft-Windows-Security-SPP";"PC1";"05.03.2024 10:12:05";"System.Collections.Generic.List`1[System.Diagnostics.Eventing.Reader.EventProperty]"',
    ].join('\r\n');
    const o = await run(text.csvPowerShellReader, input, { tz: 'Europe/Berlin' });
    expect(where(o)).toEqual([[4, 'a row of 2 field(s) where the header names 6']]);
    expect(o.events.map((e) => [e.eventId, e.source.line, e.timeCreated, e.data, e.channel])).toEqual([
      [12288, 3, '2024-03-05T09:12:04Z', ['0x0, 0x0', 'x'], 'Application'],
      [12289, 5, '2024-03-05T09:12:05Z', [], 'Application'],
    ]);
  });
});

describe('PowerShell Format-List', () => {
  it('joins console-wrapped lines without a break and keeps real line breaks', async () => {
    const wide = 'x'.repeat(105);
    const input = [
      '',
      'TimeCreated  : 3/5/2024 4:12:04 AM',
      'ProviderName : Microsoft-Windows-Security-SPP',
      'Id           : 8198',
      'Message      : License Activation (slui.exe) failed with the following error code:',
      '               hr=0x80004005',
      `               ${wide}`,
      '               9f;SkuId=2',
      '',
      'not a property line',
      '',
    ].join('\r\n');
    const o = await run(text.textPowerShellListReader, input);
    expect(o.events.map((e) => e.message)).toEqual([`License Activation (slui.exe) failed with the following error code:\nhr=0x80004005\n${wide}9f;SkuId=2`]);
    // A line that is neither a property nor a continuation is listed, never read into an event.
    expect(where(o)).toEqual([]);
    expect(o.unknown).toEqual([[10, 'not a property line']]);
  });
});

describe('PowerShell Format-List, pasted shapes', () => {
  it('reads output indented as a whole, rejoining a GUID the console cut', async () => {
    const input = [
      '    LogName      : Application',
      '    ProviderName : Microsoft-Windows-Security-SPP',
      '    Id           : 8198',
      '    TimeCreated  : 11/18/2024 4:19:19 PM',
      '    Message      : License Activation (slui.exe) failed with the following error code:',
      '                hr=0x80004005',
      '                Command-line arguments:',
      '                RuleId=eeba1977-569e-4571-b639-7623d8bfecc0;Action=AutoActivate;AppId=55c92734-d682-4d71-983e-d6ec3f1605',
      '                9f;SkuId=2de67392-b7a7-462a-b1ca-108dd189f588;NotificationInterval=1440;Trigger=TimerEvent',
    ].join('\r\n');
    const o = await run(text.textPowerShellListReader, input);
    expect(o.rejections).toEqual([]);
    expect(o.events.map((e) => [e.eventId, e.channel, e.timeCreated, e.timeIsLocal])).toEqual([[8198, 'Application', '2024-11-18T16:19:19Z', true]]);
    expect(o.events[0].message).toBe(
      'License Activation (slui.exe) failed with the following error code:\nhr=0x80004005\nCommand-line arguments:\n' +
        'RuleId=eeba1977-569e-4571-b639-7623d8bfecc0;Action=AutoActivate;AppId=55c92734-d682-4d71-983e-d6ec3f16059f;SkuId=2de67392-b7a7-462a-b1ca-108dd189f588;NotificationInterval=1440;Trigger=TimerEvent',
    );
  });

  it('keeps a blank line inside a value and still splits events at blank lines', async () => {
    const input = [
      'TimeCreated  : 2024/03/05 18:12:04',
      'ProviderName : Microsoft-Windows-Security-SPP',
      'Id           : 12288',
      'Message      : first',
      '',
      '               after a blank line',
      '',
      'TimeCreated  : 2024/03/05 18:12:05',
      'ProviderName : Microsoft-Windows-Security-SPP',
      'Id           : 12289',
      'Message      : second',
    ].join('\n');
    const o = await run(text.textPowerShellListReader, input, { tz: '+09:00' });
    expect(o.rejections).toEqual([]);
    expect(o.events.map((e) => [e.eventId, e.source.line, e.timeCreated, e.message])).toEqual([
      [12288, 1, '2024-03-05T09:12:04Z', 'first\n\nafter a blank line'],
      [12289, 8, '2024-03-05T09:12:05Z', 'second'],
    ]);
  });
});

describe('PowerShell JSON', () => {
  it('rejects a broken element and reads the elements around it', async () => {
    const input = [
      '[',
      '  {"Id": 12288, "ProviderName": "Microsoft-Windows-Security-SPP", "TimeCreated": "\\/Date(1709629924123)\\/", "Message": "a ] b"},',
      '  {"Id": 12289, "ProviderName": "Microsoft-Windows-Security-SPP", "TimeCreated": nope},',
      '  {"Id": 16384, "ProviderName": "Microsoft-Windows-Security-SPP", "TimeCreated": "2024-03-05T04:30:00-05:00"},',
      '  {"Id": "x", "ProviderName": "Microsoft-Windows-Security-SPP"},',
      '  {"Hello": 1}',
      ']',
    ].join('\n');
    const o = await run(text.jsonPowerShellReader, input);
    expect(o.events.map((e) => [e.eventId, e.source.line, e.timeCreated, e.message])).toEqual([
      [12288, 2, '2024-03-05T09:12:04.123Z', 'a ] b'],
      [16384, 4, '2024-03-05T09:30:00Z', undefined],
    ]);
    expect(o.rejections.map((r) => r.line)).toEqual([3, 5, 6]);
    expect(o.rejections[0].reason).toMatch(/^malformed JSON/);
    expect(o.rejections[2].reason).toMatch(/no known event shape/);
  });

  it('reads a single object and reports a truncated one', async () => {
    const o = await run(text.jsonPowerShellReader, '{"Id": 12288, "ProviderName": "SPP", "TimeCreated": null}\n{"Id": 1');
    expect(o.events.map((e) => [e.eventId, e.timeCreated])).toEqual([[12288, '']]);
    expect(where(o)).toEqual([[2, 'the input ends inside this JSON value (truncated file?)']]);
  });
});

describe('JSON Lines', () => {
  it('rejects a bad line by number and reads the others', async () => {
    const input = [
      '{"winlog":{"event_id":"12288","provider_name":"Microsoft-Windows-Security-SPP","event_data":{"param2":"b","param1":"a"}},"@timestamp":"2024-03-05T09:12:04.123Z"}',
      '{"winlog":{"event_id":',
      '',
      '{"Event":{"System":{"EventID":{"Qualifiers":"32768","Value":"6011"},"Provider":{"Name":"EventLog"},"Computer":"W","TimeCreated":{"SystemTime":"2018-01-03T06:28:19Z"}},"EventData":{"Data":["x","y"]}}}',
      '{"Event":{"System":{"EventID":1, "Provider":{"#attributes":{"Name":"P"}}},"EventData":{"User":"u","Logon":{"#text":"7"}}}}',
    ].join('\n');
    const o = await run(text.jsonlEventsReader, input);
    expect(o.events.map((e) => [e.eventId, e.source.line, e.data, e.namedData, e.qualifiers])).toEqual([
      [12288, 1, ['a', 'b'], undefined, undefined],
      [6011, 4, ['x', 'y'], undefined, 32768],
      [1, 5, ['u', '7'], { User: 'u', Logon: '7' }, undefined],
    ]);
    expect(o.rejections.map((r) => r.line)).toEqual([2]);
  });
});

describe('encodings', () => {
  it('reads UTF-16BE with a BOM', async () => {
    const { readFileSync } = await import('node:fs');
    const le = readFileSync('fixtures/text-forms/wevtutil.txt');
    const be = Buffer.from(Buffer.from('\uFEFF' + le.toString('utf8'), 'utf16le').swap16());
    const o = await run(text.textWevtutilReader, be, {}, 5);
    expect(o.rejections).toEqual([]);
    expect(o.events.map((e) => e.eventId)).toEqual([12288, 12289, 1033, 16384]);
  });

  it('reads a Shift_JIS CSV with the multi-byte characters split across chunks', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync('fixtures/text-forms/eventviewer-ja-sjis.csv');
    for (const size of [1, 3, 64]) {
      const o = await run(text.csvEventViewerReader, bytes, { tz: 'Asia/Tokyo' }, size);
      expect(o.rejections).toEqual([]);
      expect(o.events.map((e) => e.message?.slice(0, 6))).toEqual(['ソフトウェア', 'Window', 'クライアント', 'クライアント']);
    }
  });
});
