// Real pastes (fixtures/paste, each with its source in the README): the encoding found, the facts read, and
// that every line is used or listed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument, type DocumentParse } from '../../src/decode/index.js';
import type { DnsSrvLookupFact, IpConfigFact, KeyInstalledFact, KmsHostSetFact, LicenseFact, PortCheckFact, SlmgrErrorFact } from '../../src/decode/index.js';
import { sniffFormat, type Sniffed } from '../../src/ingest/index.js';

interface Read extends DocumentParse {
  sniffed: Sniffed;
}

function read(name: string): Read {
  const bytes = readFileSync(`fixtures/paste/${name}`);
  const sniffed = sniffFormat(bytes.subarray(0, 8192));
  const text = new TextDecoder(sniffed.encoding.encoding).decode(bytes.subarray(sniffed.encoding.bomLength));
  return { sniffed, ...parseDocument({ source: { file: name, format: sniffed.format, line: 1 }, text }) };
}

const ofKind = <K extends string>(r: Read, kind: K) => r.facts.filter((f) => f.kind === kind);

describe('Simplified Chinese', () => {
  it('/ato redirected by cscript (GBK): decoded as GB18030, not Shift_JIS; product, code and Windows\' text kept', () => {
    const r = read('zh-CN-ato-0xC004F074-gbk.txt');
    expect(r.sniffed).toMatchObject({ kind: 'slmgr', encoding: { encoding: 'gb18030' } });
    const [l] = ofKind(r, 'license') as LicenseFact[];
    expect(l).toMatchObject({
      form: 'ato',
      name: 'Windows(R), EnterpriseS edition',
      activationId: '2d5a5a60-3040-48bf-beb0-fcd770c20ce0',
      edition: 'Windows 10 Enterprise 2016 LTSB',
      activation: 'failed',
      errors: ['0xC004F074'],
      activationMessage: '0xC004F074 软件授权服务报告无法激活计算机。无法联系任何密钥管理服务(KMS)。有关其他信息，请参阅应用程序事件日志。',
      lineStart: 4,
      lineEnd: 5,
    });
    expect(r.unknownLines).toEqual([]);
  });

  it('the message box copy: one line, spaces lost, full-width punctuation, the code run into its text', () => {
    const r = read('zh-CN-ato-messagebox-utf8.txt');
    expect(r.sniffed.encoding).toMatchObject({ encoding: 'utf-8', bomLength: 3 });
    const [l] = ofKind(r, 'license') as LicenseFact[];
    expect(l).toMatchObject({
      name: 'Windows（R)，ProfessionalWorkstationedition',
      activationId: '82bbc092-bc50-4e16-8e18-b74fc486aec3',
      edition: 'Windows 10/11 Pro Workstation',
      errors: ['0xC004F074'],
      activation: 'failed',
      lineStart: 1,
    });
    expect(l?.activationMessage).toMatch(/^0xC004F074软件授权服务报告/);
    expect(r.unknownLines).toEqual([]);
  });

  it('/dlv with full-width and ASCII colons, 分钟(180天）, the masked GUIDs named as problems', () => {
    for (const name of ['zh-CN-dlv.txt', 'zh-CN-dlv-gbk.txt']) {
      const r = read(name);
      expect(r.sniffed.encoding.encoding, name).toBe(name.includes('gbk') ? 'gb18030' : 'utf-8');
      const [l] = ofKind(r, 'license') as LicenseFact[];
      expect(l, name).toMatchObject({
        form: 'dlv',
        name: 'Windows(R), EnterpriseS edition',
        channel: 'VOLUME_KMSCLIENT',
        keyType: 'Volume:GVLK',
        licenseStatus: 'Licensed',
        licenseStatusText: '已授权',
        volumeExpiryMinutes: 259197,
        trustedTime: '2020-02-27T11:48:43Z',
        kmsClient: { activationType: '全部', activationInterval: 120, renewalInterval: 10080, hostCaching: true },
      });
      expect(l?.problems).toEqual([
        'line 6 (activation id "*-*-*-*-*" is not a GUID)',
        'line 7 (application id "*-*-*-*-*" is not a GUID)',
        'line 16 (CMID "*-*-*-*-*" is not a GUID)',
      ]);
      expect(l?.kmsClient?.cmid).toBeUndefined();
      expect(r.unknownLines, name).toEqual([]);
    }
  });

  it('nslookup with 服务器: and its prompt', () => {
    const r = read('zh-CN-nslookup-srv.txt');
    const [f] = ofKind(r, 'dns-srv-lookup') as DnsSrvLookupFact[];
    expect(f).toMatchObject({ query: '_vlmcs._tcp.lan', domain: 'lan', server: 'K3.lan', serverAddress: '192.168.50.1', outcome: 'answer' });
    expect(f?.records).toEqual([{ priority: 0, weight: 100, port: 1688, target: 'K3.lan', addresses: ['192.168.50.1'] }]);
    expect(r.unknownLines).toEqual([]);
  });

  it('ipconfig in GBK: host, empty primary suffix, search list, the adapter\'s suffix and address', () => {
    const r = read('zh-CN-ipconfig-gbk.txt');
    expect(r.sniffed).toMatchObject({ kind: 'text-network', encoding: { encoding: 'gb18030' } });
    const [f] = ofKind(r, 'ip-config') as IpConfigFact[];
    expect(f).toMatchObject({ hostName: 'vmtiny10', primarySuffix: '', searchList: ['lan'], line: 2 });
    expect(f?.adapters).toEqual([{ name: '以太网适配器 Ethernet0', connectionSuffix: 'lan', dnsServers: [], ipv4: ['192.168.2.188'] }]);
    expect(r.unknownLines).toEqual([]);
  });

  it('two outputs in one GBK file: each read by its own reader with the file\'s line numbers', () => {
    const r = read('zh-CN-ato-then-ipconfig-gbk.txt');
    expect(r.sniffed).toMatchObject({ kind: 'text-paste', format: 'paste', encoding: { encoding: 'gb18030' } });
    expect(r.facts.map((f) => [f.kind, f.source.line])).toEqual([
      ['license', 4],
      ['ip-config', 8],
    ]);
    expect(r.unknownLines).toEqual([]);
  });
});

describe('Japanese ipconfig and an interactive nslookup (Shift_JIS)', () => {
  it('reads the adapters, joins the value the console wrapped, and reads nslookup after its "> " echo', () => {
    const r = read('ja-ipconfig-nslookup-sjis.txt');
    expect(r.sniffed.encoding.encoding).toBe('shift_jis');
    const [f] = ofKind(r, 'ip-config') as IpConfigFact[];
    expect(f).toMatchObject({ hostName: 'MyCowin7', primarySuffix: '', searchList: ['workgroup'], line: 3 });
    expect(f?.adapters).toEqual([
      { name: 'イーサネット アダプター ローカル エリア接続', connectionSuffix: 'workgroup', dnsServers: ['192.168.1.1', '192.168.1.2'], ipv4: ['192.168.1.101'] },
      { name: 'Tunnel adapter isatap.workgroup', connectionSuffix: 'workgroup', dnsServers: [], ipv4: [], disconnected: true },
    ]);
    // The host-name lookup (not _vlmcs) gives no SRV fact, and nothing is left over.
    expect(ofKind(r, 'dns-srv-lookup')).toEqual([]);
    expect(r.unknownLines).toEqual([]);
  });
});

describe('English console windows, dialogs and the Settings page', () => {
  it('three cscript runs with prompts and banners: the key installed is a KMS client setup key, the host set by hand, the /ato error', () => {
    const r = read('en-ltsc-ipk-skms-ato-0x80080005.txt');
    expect(r.sniffed.kind).toBe('slmgr');
    const [key] = ofKind(r, 'key-installed') as KeyInstalledFact[];
    expect(key).toMatchObject({ partialKey: 'J462D', gvlkFor: 'Windows 10 Enterprise LTSC 2019/2021', family: 'Windows client', line: 5 });
    expect(JSON.stringify(r.facts)).not.toContain('M7XTQ-FN8P6');
    expect(ofKind(r, 'kms-host-set')).toEqual([expect.objectContaining({ host: 'kms.shuax.com', line: 11 }) as KmsHostSetFact]);
    const [l] = ofKind(r, 'license') as LicenseFact[];
    expect(l).toMatchObject({ form: 'ato', activation: 'failed', errors: ['0x80080005'], activationMessage: '0x80080005 Server execution failed  (SWbemObjectEx)', lineStart: 17 });
    expect(r.unknownLines).toEqual([]);
  });

  it('slui 0x2a text and the Settings page: the codes with their places and Windows\' words, the edition and partial key', () => {
    const r = read('en-slui-and-settings.txt');
    expect(r.sniffed).toMatchObject({ kind: 'text-paste', format: 'paste' });
    const errors = ofKind(r, 'slmgr-error') as SlmgrErrorFact[];
    expect(errors.map((e) => [e.origin, e.code, e.line])).toEqual([
      ['slui', '0x87E10BC6', 1],
      ['settings', '0xC004F025', 13],
    ]);
    expect(errors[0]?.text).toBe('Unablemto find a detailed error description. Unknown facility code 0x7E1 (2017L) Facility error: 0xBC6 (3014L)');
    expect(errors[1]?.text).toMatch(/^We can't activate Windows on this device right now\./);
    const [l] = ofKind(r, 'license') as LicenseFact[];
    expect(l).toMatchObject({ form: 'settings', name: 'Windows Server 2019 Datacenter', family: 'Windows Server', partialKey: 'CPR8F', licenseStatusText: 'Windows is not activated', licenseStatus: 'Unknown', lineStart: 6 });
    expect(r.unknownLines).toEqual([]);
  });

  it('the Settings sentence with the code at its end', () => {
    const r = read('en-settings-0x8007007B.txt');
    expect(r.facts).toEqual([expect.objectContaining({ kind: 'slmgr-error', origin: 'settings', code: '0x8007007B', line: 1 })]);
  });

  it('a WSH message box copied with Ctrl+C: the frame is the console\'s, the /xpr product and status are read', () => {
    const r = read('en-wsh-messagebox-xpr.txt');
    const [l] = ofKind(r, 'license') as LicenseFact[];
    expect(l).toMatchObject({ form: 'xpr', name: 'Windows(R), Professional edition', licenseStatus: 'Licensed', lineStart: 4, lineEnd: 6 });
    expect(r.unknownLines).toEqual([]);
  });

  it('ipconfig: primary suffix, search list continued on aligned lines, a disconnected adapter', () => {
    const r = read('en-ipconfig.txt');
    const [f] = ofKind(r, 'ip-config') as IpConfigFact[];
    expect(f).toMatchObject({ hostName: 'dan-MOBL', primarySuffix: 'amr.corp.foo.com', searchList: ['amr.corp.foo.com', 'fm.foo.com', 'a.foo.com', 'b.foo.com'] });
    expect(f?.adapters.map((a) => [a.name, a.dnsServers.length, a.disconnected ?? false])).toEqual([
      ['Ethernet adapter VirtualBox Host-Only Network', 3, false],
      ['Wireless LAN adapter 本地连接* 2', 0, true],
    ]);
    expect(r.unknownLines).toEqual([]);
  });

  it('nslookup of the bare _vlmcs._tcp (the resolver added the suffix) is an SRV answer; Test-NetConnection and the error follow', () => {
    const r = read('en-srv-tnc-ato-settings.txt');
    const [srv] = ofKind(r, 'dns-srv-lookup') as DnsSrvLookupFact[];
    expect(srv).toMatchObject({ query: '_vlmcs._tcp', outcome: 'answer', records: [{ target: 'kms.lahtihosting.fi', port: 1688, priority: 20 }] });
    expect(srv?.domain).toBeUndefined();
    expect(ofKind(r, 'port-check')).toEqual([expect.objectContaining({ host: 'kms.lahtihosting.fi', port: 1688, outcome: 'open' }) as PortCheckFact]);
    expect((ofKind(r, 'slmgr-error') as SlmgrErrorFact[]).map((e) => [e.code, e.line, e.origin])).toEqual([
      ['0x8007232B', 20, undefined],
      ['0x8007007B', 22, 'settings'],
    ]);
    expect(r.unknownLines).toEqual([]);
  });
});

describe('ospp.vbs output (read since issue 21)', () => {
  it('/act with 0xC004F074: one Office license, the failure on it, every line owned', () => {
    const r = read('en-ospp-act-0xC004F074.txt');
    expect(r.sniffed).toMatchObject({ kind: 'ospp', format: 'ospp' });
    expect(r.facts).toHaveLength(1);
    expect(r.facts[0]).toMatchObject({
      kind: 'license',
      form: 'ospp-act',
      product: 'Office',
      productVersion: '2019',
      edition: 'Office Professional Plus 2019',
      channel: 'VOLUME_KMSCLIENT',
      partialKey: '6MWKP',
      errors: ['0xC004F074'],
      activation: 'failed',
    });
    expect(r.unknownLines).toEqual([]);
    expect(r.notes).toEqual([]);
  });
});

describe('outputs recognised but not read, and languages not read', () => {
  it('Spanish ipconfig: every line listed, and the reason names the language', () => {
    const r = read('es-ipconfig.txt');
    expect(r.facts).toEqual([]);
    expect(r.unknownLines).toHaveLength(8);
    expect(r.emptyReason).toBe('the text is in Spanish, a language not read yet (output is read in English, Japanese and Simplified Chinese)');
  });
});
