// What the report makes of real pastes: roles from evidence, why discovery fails while the SRV record answers,
// what to collect for a lone code (and not again what the paste holds), a KMS host on the machine itself.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/analyze.js';
import { english } from '../helpers/english.js';

const NOW = '2024-03-07T12:00:00Z';

/** Analyses pasted files as one machine's folder, as a support engineer's customer zip would hold them. */
async function machine(files: Record<string, string | Buffer>): Promise<Analysis> {
  const root = mkdtempSync(path.join(tmpdir(), 'volact-paste-'));
  mkdirSync(path.join(root, 'pc1'));
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(root, 'pc1', name), body);
  return analyze([root], { now: NOW });
}

const fixture = (name: string): Buffer => readFileSync(`fixtures/paste/${name}`);
/** The finding of a rule, with its English text as the JSON report writes it. */
function finding(a: Analysis, rule: string) {
  const f = a.findings.find((x) => x.rule === rule);
  return f && english.finding(f);
}

describe('roles from evidence', () => {
  it('an installed KMS client setup key and /skms make a KMS client: the /ato code goes to the KMS client walk', async () => {
    const a = await machine({ 'console.txt': fixture('en-ltsc-ipk-skms-ato-0x80080005.txt') });
    expect(a.fleet.machines[0]?.roles).toEqual(['kms-client']);
    const f = finding(a, 'kms-client/request-failed');
    expect(f?.title).toBe('KMS activation failed with 0x80080005');
    expect(f?.remedy.some((r) => r.includes('Image File Execution Options') && r.includes('SppExtComObj.exe'))).toBe(true);
    expect(finding(a, 'mak/ato-error')).toBeUndefined();
    expect(finding(a, 'kms-client/static-host')?.evidence.map((e) => e.line)).toEqual([11]);
    // Windows' own words are the evidence, not a status the output never printed.
    expect(f?.evidence[0]?.summary).toBe('slmgr /ato: Windows(R), EnterpriseS edition: 0x80080005 Server execution failed  (SWbemObjectEx)');
  });

  it('KMS client codes alone make a KMS client (zh-CN /ato)', async () => {
    const a = await machine({ 'ato.txt': fixture('zh-CN-ato-0xC004F074-gbk.txt') });
    expect(a.fleet.machines[0]?.roles).toEqual(['kms-client']);
  });

  it('"Configured Activation Type: All" alone makes nothing a client', async () => {
    // A synthetic /dli of a retail product: every Windows 8 and later prints the activation type line.
    const text = ['Name: Windows(R), Professional edition', 'Description: Windows(R) Operating System, RETAIL channel', 'Partial Product Key: 3V66T', 'License Status: Licensed', 'Configured Activation Type: All', ''].join('\r\n');
    const a = await machine({ 'dli.txt': text });
    expect(a.fleet.machines[0]?.roles).toEqual(['unknown']);
  });

  it('a KMS host whose /dlv all lists an unused KMS client product ("Configured Activation Type: All") is no KMS client', async () => {
    // The host's own block is the transcribed en-dlv-kms-host.txt. The block after it is laid out the way
    // slmgr.vbs DisplayAllInformation prints a VOLUME_KMSCLIENT product without a key (Partial Product Key
    // absent → "This license is not in use.", then the activation type and the /ato hint, since ls <> 1):
    // /dlv all prints one such block for every edition the host could be, none of them held.
    const host = readFileSync('fixtures/slmgr/en-dlv-kms-host.txt', 'utf8');
    const unused = [
      'Name: Windows(R), ServerDatacenter edition',
      'Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel',
      'Activation ID: 34e1ae55-27f8-4950-8877-7a03be5fb181',
      'Application ID: 55c92734-d682-4d71-983e-d6ec3f16059f',
      'Extended PID: ',
      'Product Key Channel: ',
      'Installation ID: ',
      'This license is not in use.',
      'License Status: Unlicensed',
      'Configured Activation Type: All',
      'Please use slmgr.vbs /ato to activate and update KMS client information in order to update values.',
      '',
    ].join('\r\n');
    const a = await machine({ 'slmgr-dlv-all.txt': `${host}\r\n${unused}` });
    expect(a.fleet.machines[0]?.roles).toEqual(['kms-host']);
    expect(a.findings.filter((f) => f.rule.startsWith('kms-client/'))).toEqual([]);
    // The same unused block alone tells no role at all.
    const alone = await machine({ 'slmgr-dlv-all.txt': unused });
    expect(alone.fleet.machines[0]?.roles).toEqual(['unknown']);
  });

  it('when nothing tells the role, the walk asks for slmgr /dlv', async () => {
    const a = await machine({ 'slui-settings.txt': fixture('en-slui-and-settings.txt') });
    expect(a.fleet.machines[0]?.roles).toEqual(['unknown']);
    const found = a.walks.get('pc1')?.find((s) => s.id === 'role/known');
    const step = found && english.step(found);
    expect(step).toMatchObject({ status: 'unknown' });
    expect(step?.collect).toContain('slmgr.vbs /dlv');
    // slui's text is in the paste already: the finding does not ask for it again.
    const f = finding(a, 'mak/ato-error');
    expect(f?.remedy.some((r) => r.includes('slui.exe 0x2a 0x87E10BC6'))).toBe(false);
    expect(f?.remedy.some((r) => r.includes('slui.exe 0x2a 0xC004F025'))).toBe(true);
  });
});

describe('the SRV record answers and the client still finds no host', () => {
  it('says why (the client asks for its primary suffix), cites the lookup and the port test, and does not ask for nslookup again', async () => {
    const a = await machine({ 'paste.txt': fixture('en-srv-tnc-ato-settings.txt') });
    const f = finding(a, 'kms-client/dns-lookup-failed');
    expect(f?.severity).toBe('error');
    expect(f?.detail).toContain('Yet the SRV lookup in this paste answered: _vlmcs._tcp → kms.lahtihosting.fi:1688, and TCP kms.lahtihosting.fi:1688 connects.');
    expect(f?.detail).toContain("the client's own discovery does not: it asks for _vlmcs._tcp.<its primary DNS suffix>");
    expect(f?.evidence.map((e) => e.line).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual([2, 13, 20, 22]);
    expect(f?.remedy.some((r) => r.startsWith('Look for the record from the client'))).toBe(false);
    expect(f?.remedy[0]).toBe('Read the client\'s primary DNS suffix: ipconfig /all ("Primary Dns Suffix")');
    expect(f?.remedy.at(-1)).toBe('Workaround while DNS is fixed: slmgr.vbs /skms kms.lahtihosting.fi:1688');
    expect(f?.kb).toContain('procedure/dns-suffix-discovery');
  });

  it('with ipconfig /all in the paste: names the missing primary suffix and does not ask for ipconfig', async () => {
    // Synthetic combination of two real zh-CN pastes (PaoPaoDNS#42's ipconfig, clash#1293's nslookup) and the
    // slmgr error line, to hold a machine with no primary suffix whose search list finds the record.
    // The nslookup prompt asks for the bare name, as py-kms#60's did.
    const nslookup = fixture('zh-CN-nslookup-srv.txt').toString('utf8').replace('_vlmcs._tcp.lan\r\n', '_vlmcs._tcp\r\n');
    const a = await machine({ 'ipconfig.txt': fixture('zh-CN-ipconfig-gbk.txt'), 'nslookup.txt': nslookup, 'ato.txt': 'Error: 0x8007232B DNS name does not exist\r\n' });
    const f = finding(a, 'kms-client/dns-lookup-failed');
    expect(f?.detail).toContain('ipconfig /all shows this machine has no primary DNS suffix at all');
    expect(f?.remedy.some((r) => r.includes('ipconfig /all'))).toBe(false);
    expect(f?.evidence.some((e) => e.file.endsWith('ipconfig.txt') && e.line === 2)).toBe(true);
  });
});

describe('a lone 0xC004F074', () => {
  it('asks for slmgr /dlv first, then the SRV lookup, then the port', async () => {
    const a = await machine({ 'ato.txt': fixture('zh-CN-ato-messagebox-utf8.txt') });
    const remedy = finding(a, 'kms-client/request-failed')?.remedy ?? [];
    const at = (s: string): number => remedy.findIndex((r) => r.includes(s));
    expect(at('slmgr.vbs /dlv')).toBeGreaterThan(-1);
    expect(at('slmgr.vbs /dlv')).toBeLessThan(at('nslookup -type=srv'));
    expect(at('nslookup -type=srv')).toBeLessThan(at('Test-NetConnection'));
  });
});

describe('kms-client/host-is-self', () => {
  it('fires when /skms names one of the machine\'s own addresses from its ipconfig /all', async () => {
    // Synthetic: the real zh-CN ipconfig (192.168.2.188) and slmgr's /skms sentence naming that address.
    const a = await machine({ 'ipconfig.txt': fixture('zh-CN-ipconfig-gbk.txt'), 'skms.txt': 'Key Management Service machine name set to 192.168.2.188:1688 successfully.\r\n' });
    const f = finding(a, 'kms-client/host-is-self');
    expect(f?.detail).toContain('The client activates against 192.168.2.188, which is this machine.');
    expect(f?.evidence.map((e) => [path.basename(e.file), e.line])).toEqual([['skms.txt', 1]]);
  });

  it('stays quiet for a host elsewhere', async () => {
    const a = await machine({ 'ipconfig.txt': fixture('zh-CN-ipconfig-gbk.txt'), 'skms.txt': 'Key Management Service machine name set to 192.168.2.10:1688 successfully.\r\n' });
    expect(finding(a, 'kms-client/host-is-self')).toBeUndefined();
  });
});
