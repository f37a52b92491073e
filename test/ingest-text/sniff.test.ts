// The sniffer picks the text readers from content alone; these heads are what real exports start with.
import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../src/ingest/index.js';

const utf16le = (s: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);

describe('sniffing text exports', () => {
  it.each([
    ['Level,Date and Time,Source,Event ID,Task Category\r\n', 'csv-eventviewer'],
    ['\uFEFFレベル,日付と時刻,ソース,イベント ID,タスクのカテゴリ\r\n', 'csv-eventviewer'],
    ['Keywords,Date and Time,Source,Event ID,Task Category\r\n', 'csv-eventviewer'],
    ['Level\tDate and Time\tSource\tEvent ID\tTask Category\r\n', 'tsv-eventviewer'],
    ['#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord\r\n"Message","Id"\r\n', 'csv-powershell'],
    ['"Message";"Id";"Version"\r\n', 'csv-powershell'],
    ['Event[0]:\r\n  Log Name: Application\r\n', 'text-wevtutil'],
    ['Log Name:      Application\r\nSource: x\r\n', 'text-eventviewer'],
    ['ログの名前: Application\r\n', 'text-eventviewer'],
    ['\r\n\r\nTimeCreated  : 3/5/2024 4:12:04 AM\r\nProviderName : x\r\n', 'text-powershell-list'],
    ['    LogName      : Application\r\n    ProviderName : x\r\n', 'text-powershell-list'],
    ['[\r\n    {\r\n        "Id":  13,\r\n', 'json-powershell'],
    ['{"winlog":{"event_id":"1"}}\n{"winlog":{"event_id":"2"}}\n', 'jsonl-events'],
  ])('%j → %s', (head, kind) => {
    expect(sniffFormat(Buffer.from(head, 'utf8')).kind).toBe(kind);
    expect(sniffFormat(utf16le(head.replace(/^\uFEFF/, ''))).kind).toBe(kind);
  });

  it('detects Shift_JIS without a BOM', () => {
    const sjis = Buffer.from([0x83, 0x8c, 0x83, 0x78, 0x83, 0x8b, 0x2c]); // "レベル,"
    const head = Buffer.concat([sjis, Buffer.from('\x93\xfa\x95\x74\x82\xc6\x8e\x9e\x8d\x8f,', 'latin1')]);
    const sniffed = sniffFormat(head);
    expect(sniffed.encoding.encoding).toBe('shift_jis');
  });
});
