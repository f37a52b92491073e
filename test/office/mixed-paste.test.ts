// A console copy holding slmgr and ospp.vbs output one after the other: the paste splitter hands each block to its
// reader, and the machine gets its Windows license and its Office license from the one file.
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/analyze.js';
import type { LicenseFact } from '../../src/decode/index.js';

const FILE = 'fixtures/office/console-slmgr-dlv-then-ospp-dstatus.txt';

describe('slmgr /dlv then ospp.vbs /dstatus in one PowerShell console copy', () => {
  it('is a paste of both, every output line read, prompts and banner counted as console lines', async () => {
    const { account, facts } = await analyzeFile({ path: FILE, display: FILE });
    expect(account).toMatchObject({ format: 'paste', rejected: [] });
    expect(account.unknownLines).toBeUndefined();
    const licenses = facts.map((f) => f.fact).filter((f): f is LicenseFact => f.kind === 'license');
    expect(licenses.map((l) => [l.form, l.product, l.edition, l.licenseStatus, l.lineStart, l.lineEnd])).toEqual([
      ['dlv', 'Windows', 'Windows 10/11 Enterprise', 'OOBGrace', 4, 19],
      ['ospp-status', 'Office', 'Office Professional Plus 2016', 'Licensed', 28, 42],
    ]);
    const office = licenses[1];
    expect(office).toMatchObject({ productVersion: '2016', partialKey: 'WFG99', statusReason: '0x4004F040', statusReasonInformational: true });
    expect(office.kmsClient).toMatchObject({ kmsName: '42.193.139.78', kmsPort: 16886, activationInterval: 120, renewalInterval: 10080 });
  });
});

describe('slmgr /dlv then a SoftwareLicensingProduct Format-List in one console copy', () => {
  it('is a paste: the list is the splitter\'s wmi-license block, its "Name : Windows(R) …" no slmgr line', async () => {
    const { readFileSync } = await import('node:fs');
    const { Readable } = await import('node:stream');
    const { sniffFormat } = await import('../../src/ingest/index.js');
    // The two transcribed outputs joined by the prompt lines of one PowerShell session (built here, not a fixture).
    const text = [
      'PS C:\\> cscript //nologo C:\\Windows\\System32\\slmgr.vbs /dlv',
      readFileSync('fixtures/office/snapshot/client01/slmgr-dlv.txt', 'utf8').trimEnd(),
      readFileSync('fixtures/wmi/slp-list-oem-licensed.txt', 'utf8'),
    ].join('\r\n');
    const bytes = Buffer.from(text, 'utf8');
    expect(sniffFormat(bytes)).toMatchObject({ kind: 'text-paste', format: 'paste' });
    const { account, facts } = await analyzeFile({ path: '-', display: 'console.txt' }, { stdin: Readable.from([bytes]) });
    const licenses = facts.map((f) => f.fact).filter((f): f is LicenseFact => f.kind === 'license');
    expect(licenses.map((l) => [l.form, l.name, l.licenseStatus, l.lineStart])).toEqual([
      ['dlv', 'Windows(R), Enterprise edition', 'OOBGrace', 4],
      ['wmi', 'Windows(R), Professional edition', 'Licensed', 23],
    ]);
    expect(licenses[1]).toMatchObject({ partialKey: 'WFG6P', channel: 'OEM_DM', lineEnd: 63 });
    // The stored copy of the list ends in "..." (the poster cut it): the one line not understood.
    expect(account.unknownLines?.map((u) => u.text)).toEqual(['...']);
  });
});
