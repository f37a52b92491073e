// What the sniffer makes of pastes: GBK is not Shift_JIS, a bracket is JSON only when it parses, a language
// volact does not read is named (never "unknown format"), and Word files and screenshots in a customer's zip
// are named for what they are, not opened as archives of XML parts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { sniffFormat } from '../../src/ingest/index.js';
import { makeZip } from '../helpers/archive-writer.js';

const sniff = (text: string | Buffer) => sniffFormat((typeof text === 'string' ? Buffer.from(text) : text).subarray(0, 8192));

describe('GBK or Shift_JIS: the decoding that is valid and yields labels we know', () => {
  it.each([
    ['fixtures/paste/zh-CN-ato-0xC004F074-gbk.txt', 'gb18030'],
    ['fixtures/paste/zh-CN-dlv-gbk.txt', 'gb18030'],
    ['fixtures/paste/zh-CN-ipconfig-gbk.txt', 'gb18030'],
    ['fixtures/paste/zh-CN-ato-then-ipconfig-gbk.txt', 'gb18030'],
    ['fixtures/paste/ja-ipconfig-nslookup-sjis.txt', 'shift_jis'],
    ['fixtures/network/nslookup-ja-answer-sjis.txt', 'shift_jis'],
    ['fixtures/text-forms/wevtutil-ja-sjis.txt', 'shift_jis'],
    ['fixtures/text-forms/powershell-ja-sjis.csv', 'shift_jis'],
    ['fixtures/text-forms/eventviewer-ja-sjis.csv', 'shift_jis'],
  ])('%s → %s', (file, encoding) => {
    expect(sniff(readFileSync(file)).encoding).toMatchObject({ encoding, by: 'heuristic' });
  });

  it('decides from a bounded prefix: the same verdict on the first kilobyte as on the whole head', () => {
    const gbk = readFileSync('fixtures/paste/zh-CN-dlv-gbk.txt');
    expect(sniff(gbk.subarray(0, 120)).encoding.encoding).toBe('gb18030');
    const sjis = readFileSync('fixtures/paste/ja-ipconfig-nslookup-sjis.txt');
    expect(sniff(sjis.subarray(0, 200)).encoding.encoding).toBe('shift_jis');
  });
});

describe('a bracket is JSON only when it parses', () => {
  it('a [C:\\…]$ prompt before ipconfig is a paste', () => {
    const s = sniff('[C:\\work]$ ipconfig /all\r\n\r\nWindows IP Configuration\r\n\r\n   Host Name . . . . . . . . . . . . : pc01\r\n');
    expect([s.kind, s.format]).toEqual(['text-network', 'network']);
  });

  it('JSON arrays and objects, whole or cut by the head, are still JSON', () => {
    expect(sniff('[{"Id":12288,"Message":"The client has sent').kind).toBe('json-powershell');
    expect(sniff('{\r\n  "Id": 12289\r\n}').kind).toBe('json-powershell');
  });

  it('a bracketed line that is not JSON is not JSON', () => {
    expect(sniff('[01]: KB2849697\r\n[02]: KB3020369\r\n').kind).toBe('unknown');
  });
});

describe('languages volact does not read are named', () => {
  it.each([
    // Strings seen in public scripts that parse slmgr output in these languages (shared/reference/slmgr-zh-CN.md).
    ['Lizenzstatus: Lizenziert\r\n', 'German'],
    ['Состояние лицензии: имеет лицензию\r\n', 'Russian'],
    ['Status da Licença: Licenciado\r\n', 'Portuguese (Brazil)'],
    ['라이선스 상태: 사용 허가됨\r\n부분 제품 키: 3V66T\r\n', 'Korean'],
  ])('%j → %s', (text, name) => {
    const s = sniff(text);
    expect(s.kind).toBe('unknown');
    expect(s.recognised).toBe(true);
    expect(s.reason).toContain(`text in ${name}, a display language not read yet`);
    expect(s.reason).toContain('English, Japanese and Simplified Chinese');
  });

  it('Traditional Chinese is told from Simplified by its character forms', () => {
    // A probe of the character test, not a real output: the zh-CN /ato error sentence in traditional forms.
    const s = sniff('錯誤: 0xC004F074 軟體授權服務報告無法啟用電腦。\r\n');
    expect(s.reason).toContain('text in Traditional Chinese');
    expect(sniff('错误: 0xC004F074 软件授权服务报告无法激活计算机。\r\n').kind).toBe('slmgr');
  });

  it('the rejection a user sees names the language, not "unknown format"', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'volact-lang-'));
    writeFileSync(path.join(dir, 'pc1-dli.txt'), 'Lizenzstatus: Lizenziert\r\n');
    const analysis = await analyze([dir], { now: '2024-03-01T00:00:00Z' });
    const reason = analysis.inputs[0]?.rejected[0]?.reason ?? '';
    expect(reason).toMatch(/^text in German, a display language not read yet/);
    expect(reason).not.toMatch(/unknown format/);
  });
});

describe('files in a customer zip that are not text', () => {
  const docx = makeZip([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
    { name: '_rels/.rels', data: Buffer.from('<Relationships/>') },
    { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
  ]);
  const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(64)]);
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]);
  const bmp = Buffer.alloc(64);
  bmp.write('BM', 0, 'latin1');
  bmp.writeUInt32LE(64, 2);

  it('a Word document is one rejection saying what to do, not dozens of XML parts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'volact-docx-'));
    writeFileSync(path.join(dir, 'customer.zip'), makeZip([
      { name: 'pc1/activation.docx', data: docx, method: 0 },
      { name: 'pc1/screen.png', data: png },
      { name: 'pc1/screen.jpg', data: jpeg },
      { name: 'pc1/screen.bmp', data: bmp },
      { name: 'pc1/dlv.txt', data: readFileSync('fixtures/slmgr/en-dli-kms-client.txt') },
    ]));
    const analysis = await analyze([dir], { now: '2024-03-01T00:00:00Z' });
    const byFile = Object.fromEntries(analysis.inputs.map((i) => [i.file.split('!').pop(), i]));
    expect(Object.keys(byFile).sort()).toEqual(['pc1/activation.docx', 'pc1/dlv.txt', 'pc1/screen.bmp', 'pc1/screen.jpg', 'pc1/screen.png']);
    expect(byFile['pc1/activation.docx']?.rejected).toEqual([
      { where: 'whole file', reason: 'a Word document (.docx), which volact does not read: paste its text (the command output it quotes) into a .txt file and pass that' },
    ]);
    for (const [name, what] of [['pc1/screen.png', 'a PNG image'], ['pc1/screen.jpg', 'a JPEG image'], ['pc1/screen.bmp', 'a BMP image']] as const) {
      expect(byFile[name]?.rejected[0]?.reason, name).toMatch(new RegExp(`^${what} \\(a screenshot\\?\\), which volact cannot read`));
    }
    expect(byFile['pc1/dlv.txt']?.decoded).toBe(1);
  });
});
