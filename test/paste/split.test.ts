// The splitter: where blocks begin (prompts, banners, first lines of known outputs), what a prompt's command says,
// and that a line a block's reader does not own goes back to the splitter rather than being lost.
import { describe, expect, it } from 'vitest';
import { parsePaste } from '../../src/decode/index.js';
import { parseCommandLine, promptCommand, splitPaste, type BlockReader, type PasteLine } from '../../src/ingest/index.js';

const lines = (text: string): PasteLine[] => text.split('\n').map((t, i) => ({ no: i + 1, text: t }));
const src = { file: 'x.txt', format: 'paste' as const };

/** A reader that owns lines starting with its tag and records what it was given. */
function tagReader(tag: string, log: string[]): BlockReader<string[]> {
  const taken: string[] = [];
  return {
    read: (l) => {
      if (l.text.trim() === '') return true;
      if (!l.text.startsWith(tag)) return false;
      taken.push(`${l.no}`);
      return true;
    },
    unknown: (l) => log.push(`${tag} unknown ${l.no}`),
    end: () => taken,
  };
}

describe('prompt lines', () => {
  it.each([
    ['C:\\Windows\\system32>slmgr /dlv', 'slmgr', 'dlv'],
    ['C:\\Users\\admin>cscript //nologo C:\\Windows\\System32\\slmgr.vbs /ato', 'slmgr', 'ato'],
    ['PS C:\\> slmgr.vbs -skms kms01.contoso.com:1688', 'slmgr', 'skms'],
    ['[C:\\work]$ ipconfig /all', 'ipconfig', undefined],
    ['> nslookup -type=srv _vlmcs._tcp', 'nslookup', undefined],
    ['C:\\Users\\MyCo>hostname|nslookup', 'nslookup', undefined],
    ['PS C:\\> Resolve-DnsName -Name _vlmcs._tcp.contoso.com -Type SRV | Format-List', 'resolve-dnsname', undefined],
    ['C:\\>powershell -Command "Test-NetConnection kms01 -Port 1688"', 'test-netconnection', undefined],
    ['C:\\Program Files\\Microsoft Office\\Office16>cscript ospp.vbs /sethst:kms01.contoso.com', 'ospp', 'sethst'],
    ['PS C:\\> Get-CimInstance SoftwareLicensingProduct | Format-List', 'wmi-license', undefined],
  ])('%s', (line, kind, action) => {
    const c = promptCommand(line);
    expect(c?.kind).toBe(kind);
    expect(c?.action).toBe(action);
  });

  it('keeps the words after the option: the key of /ipk, the host of /skms and of ospp /sethst:', () => {
    expect(parseCommandLine('slmgr /skms kms01.contoso.com:1688').args).toEqual(['kms01.contoso.com:1688']);
    expect(parseCommandLine('cscript ospp.vbs /sethst:127.0.0.1').args).toEqual(['127.0.0.1']);
  });

  it('a bare ">" is a prompt only before a program volact reads (interactive nslookup echoes "> ")', () => {
    expect(promptCommand('> サーバー:  dns.workslan')).toBeUndefined();
    expect(promptCommand('C:\\>ver')).toEqual({ text: 'ver', program: 'ver', args: [] });
    expect(promptCommand('Server:  dc01.contoso.com')).toBeUndefined();
  });
});

describe('splitPaste', () => {
  it('a line the current block does not own goes back to the splitter and begins the block it starts', () => {
    const log: string[] = [];
    const text = ['ComputerName     : kms01', 'RemoteAddress    : 10.0.0.20', '', 'Error: 0x8007232B DNS name does not exist', 'a stray line'].join('\n');
    const r = splitPaste(lines(text), {
      'test-netconnection': () => tagReader('ComputerName', log),
      slmgr: () => tagReader('Error', log),
    });
    expect(r.blocks.map((b) => [b.kind, b.line])).toEqual([
      ['test-netconnection', 1],
      ['slmgr', 4],
    ]);
    // "RemoteAddress" was declined by the toy reader and starts nothing new: it is that block's to list.
    expect(log).toEqual(['ComputerName unknown 2', 'Error unknown 5']);
    expect(r.orphans).toEqual([]);
  });

  it('lines before any block and under a command volact does not read are orphans; prompts are recorded', () => {
    const text = ['Here is the output:', 'C:\\>ver', '', 'Microsoft Windows [Version 10.0.19043.1052]', 'C:\\>slmgr /xpr'].join('\n');
    const r = splitPaste(lines(text), {});
    expect(r.orphans.map((l) => l.no)).toEqual([1, 4]);
    expect(r.prompts.map((p) => [p.line, p.command.program])).toEqual([
      [2, 'ver'],
      [5, 'slmgr'],
    ]);
  });

  it('a cscript banner ends a run that printed something, but not the block its own prompt opened', () => {
    const log: string[] = [];
    const text = [
      'C:\\>slmgr /dli',
      'Microsoft (R) Windows Script Host Version 5.812',
      'Copyright (C) Microsoft Corporation. All rights reserved.',
      'Name: Windows(R), Enterprise edition',
      'Microsoft (R) Windows Script Host Version 5.812',
      'Name: Windows(R), Enterprise edition',
    ].join('\n');
    const r = splitPaste(lines(text), { slmgr: () => tagReader('Name', log) });
    expect(r.blocks.map((b) => [b.line, b.command?.action, b.result])).toEqual([
      [1, 'dli', ['4']],
      [6, undefined, ['6']],
    ]);
    expect(log).toEqual([]);
    expect(r.orphans).toEqual([]);
  });
});

describe('parsePaste over mixed outputs', () => {
  it('reads slmgr, nslookup, Test-NetConnection and ipconfig in one paste, in any order, with the file\'s line numbers', () => {
    const text = [
      'C:\\>ipconfig /all',
      '',
      'Windows IP Configuration',
      '',
      '   Host Name . . . . . . . . . . . . : client01',
      '   Primary Dns Suffix  . . . . . . . : corp.contoso.com',
      '   DNS Suffix Search List. . . . . . : corp.contoso.com',
      '',
      'C:\\>slmgr /ato',
      'Activating Windows(R), Enterprise edition (73111121-5638-40f6-bc11-f1d7b0d64300) ...',
      'Error: 0xC004F074 The Software Licensing Service reported that the computer could not be activated.',
      'Server:  dc01.corp.contoso.com',
      'Address:  10.0.0.10',
      '',
      '*** dc01.corp.contoso.com can\'t find _vlmcs._tcp.corp.contoso.com: Non-existent domain',
      'ComputerName     : kms01.contoso.com',
      'RemotePort       : 1688',
      'TcpTestSucceeded : False',
    ].join('\r\n');
    const r = parsePaste(text, src);
    expect(r.facts.map((f) => [f.kind, f.source.line])).toEqual([
      ['ip-config', 3],
      ['license', 10],
      ['dns-srv-lookup', 12],
      ['port-check', 16],
    ]);
    expect(r.unknownLines).toEqual([]);
  });

  it('a line no reader owns inside a block is listed with its number, never glued to a value', () => {
    const text = ['Name: Windows(R), Enterprise edition', 'License Status: Licensed', 'Lizenzstatus: Lizenziert', 'Partial Product Key: 2YT43'].join('\n');
    const r = parsePaste(text, src);
    expect(r.unknownLines).toEqual([{ line: 3, text: 'Lizenzstatus: Lizenziert' }]);
    expect(r.facts[0]).toMatchObject({ kind: 'license', licenseStatusText: 'Licensed', partialKey: '2YT43' });
  });

  it('a line longer than any these tools print is listed shortened, without running patterns over it', () => {
    const r = parsePaste(`Name: Windows(R), Enterprise edition\n${'x'.repeat(10_000)}\nLicense Status: Licensed`, src);
    expect(r.unknownLines).toEqual([{ line: 2, text: `${'x'.repeat(200)}… (10000 characters)` }]);
    expect(r.facts[0]).toMatchObject({ licenseStatus: 'Licensed' });
  });
});
