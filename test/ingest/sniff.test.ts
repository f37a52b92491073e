import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../src/ingest/index.js';

const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
};

describe('sniffFormat decides from bytes', () => {
  const table: Array<[string, Buffer, string, string]> = [
    ['EVTX magic', Buffer.concat([Buffer.from('ElfFile\0', 'latin1'), Buffer.alloc(100)]), 'evtx', 'utf-8'],
    ['Event Viewer XML', Buffer.from('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\r\n<Events><Event xmlns="x">'), 'xml-events', 'utf-8'],
    ['UTF-8 BOM XML', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<Events>')]), 'xml-events', 'utf-8'],
    ['rootless wevtutil', Buffer.from("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"), 'xml-events', 'utf-8'],
    ['wevtutil /e:NAME root', Buffer.from("<Application><Event xmlns='x'><System>"), 'xml-events', 'utf-8'],
    ['UTF-16LE with BOM', utf16le("<Event xmlns='x'><System>"), 'xml-events', 'utf-16le'],
    ['UTF-16BE with BOM', utf16be('<Events><Event>'), 'xml-events', 'utf-16be'],
    ['UTF-16LE without BOM', Buffer.from("<Event xmlns='x'><System><Provider Name='a'/>", 'utf16le'), 'xml-events', 'utf-16le'],
    ['leading whitespace', Buffer.from('\r\n  \r\n<Event>'), 'xml-events', 'utf-8'],
    ['Event Viewer CSV', Buffer.from('Level,Date and Time,Source,Event ID,Task Category\r\nInformation,...'), 'csv-eventviewer', 'utf-8'],
    ['Japanese CSV', Buffer.from('レベル,日付と時刻,ソース,イベント ID,タスクのカテゴリ\r\n'), 'csv-eventviewer', 'utf-8'],
    ['tab-delimited text', Buffer.from('Level\tDate and Time\tSource\tEvent ID\tTask Category\r\n'), 'tsv-eventviewer', 'utf-8'],
    ['PowerShell CSV', Buffer.from('#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord\r\n"Message","Id"'), 'csv-powershell', 'utf-8'],
    ['wevtutil text', Buffer.from('Event[0]:\r\n  Log Name: Application\r\n'), 'text-wevtutil', 'utf-8'],
    ['PowerShell JSON', Buffer.from('[\r\n    {\r\n        "Id":  12288,'), 'json-powershell', 'utf-8'],
    ['JSONL', Buffer.from('{"a":1}\n{"a":2}\n'), 'jsonl-events', 'utf-8'],
    ['slmgr English', Buffer.from('Name: Windows(R), Enterprise edition\r\nDescription: Windows(R) Operating System, VOLUME_KMSCLIENT channel\r\n'), 'slmgr', 'utf-8'],
    ['slmgr Japanese', Buffer.from('名前: Windows(R) 7, Enterprise edition\r\n説明: Windows Operating System - Windows(R) 7, VOLUME_KMSCLIENT channel\r\n'), 'slmgr', 'utf-8'],
    ['slmgr /xpr', Buffer.from('Windows(R), Enterprise edition:\r\n    Volume activation will expire 5/1/2024 10:00:00 AM\r\n'), 'slmgr', 'utf-8'],
    ['plain prose', Buffer.from('Hello, the machine does not activate.\n'), 'unknown', 'utf-8'],
    ['empty', Buffer.alloc(0), 'unknown', 'utf-8'],
    ['random binary', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x10, 0x11, 0x12, 0x13, 0x14]), 'unknown', 'utf-8'],
  ];
  it.each(table)('%s', (_name, bytes, kind, encoding) => {
    const sniffed = sniffFormat(bytes);
    expect(sniffed.kind).toBe(kind);
    expect(sniffed.encoding.encoding).toBe(encoding);
  });

  it('detects Shift_JIS text without a BOM', () => {
    const sjis = Buffer.from([0x83, 0x8c, 0x83, 0x78, 0x83, 0x8b, 0x2c, 0x93, 0xfa, 0x95, 0x74]); // "レベル,日付"
    expect(sniffFormat(sjis).encoding.encoding).toBe('shift_jis');
  });

  it('honours the declared encoding when there is no BOM', () => {
    const sniffed = sniffFormat(Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?><Events>'));
    expect(sniffed.encoding).toMatchObject({ encoding: 'shift_jis', by: 'declaration' });
  });

  it.each([
    ['zip', Buffer.from('PK\x03\x04\x14\x00\x00\x00', 'latin1'), 'a ZIP archive: extract it and pass the folder'],
    ['gzip', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0]), 'gzip-compressed data: decompress it first'],
    ['legacy evt', Buffer.concat([Buffer.from([0x30, 0, 0, 0]), Buffer.from('LfLe', 'latin1'), Buffer.alloc(40)]), 'legacy .evt event log'],
  ])('names a %s file instead of calling it unknown', (_name, bytes, reason) => {
    const sniffed = sniffFormat(bytes);
    expect(sniffed.kind).toBe('unknown');
    expect(sniffed.reason).toContain(reason);
  });

  it('does not believe encoding="UTF-16" in a file whose bytes are single-byte (re-saved as UTF-8)', () => {
    const sniffed = sniffFormat(Buffer.from('<?xml version="1.0" encoding="UTF-16"?>\r\n<Events><Event xmlns="x">'));
    expect(sniffed.kind).toBe('xml-events');
    expect(sniffed.encoding.encoding).toBe('utf-8');
  });

  it('says what it found for unknown input', () => {
    expect(sniffFormat(Buffer.from('garbage line\n')).reason).toContain('garbage line');
  });
});
