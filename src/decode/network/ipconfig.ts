// `ipconfig /all` in English, Japanese or Simplified Chinese → one ip-config fact: the host name, the primary DNS
// suffix, the suffix search list and, per adapter, its connection-specific suffix, DNS servers and IPv4 addresses.
// That is what a KMS client appends to `_vlmcs._tcp` when it looks for a host. Labels: data/ipconfig-labels.tsv.
//
//   Windows IP Configuration                       Windows IP 配置
//      Host Name . . . . . . . . . . . . : pc01       主机名  . . . . . . . . . . . . . : vmtiny10
//      Primary Dns Suffix  . . . . . . . :            主 DNS 后缀 . . . . . . . . . . . :
//      DNS Suffix Search List. . . . . . : corp.a     DNS 后缀搜索列表  . . . . . . . . : lan
//                                          corp.b
//   Ethernet adapter Ethernet:                     以太网适配器 Ethernet0:
//      Connection-specific DNS Suffix  . : corp.a     连接特定的 DNS 后缀 . . . . . . . : lan
//      DNS Servers . . . . . . . . . . . : 10.0.0.1   DNS 服务器  . . . . . . . . . . . : 192.168.1.1
import type { BlockReader, PasteLine } from '../../ingest/index.js';
import { displayWidth, IPCONFIG_HEADER } from '../../ingest/index.js';
import type { SourceRef } from '../../types.js';
import { loadTsv } from '../data-files.js';
import type { IpAdapter, IpConfigFact } from '../facts.js';

export interface IpconfigParse {
  facts: IpConfigFact[];
  unknown: PasteLine[];
}

/** "   Label . . . . : value": the label runs up to the dot leader, the value after the first colon. */
const PROPERTY = /^\s+([^:：]+?)[\s.]*[:：](?:\s?(.*))?$/;
/** A value continued on the next line, aligned under the first (DNS servers, the search list, gateways). */
const CONTINUATION = /^\s{20,}(\S.*)$/;
/** "Ethernet adapter Ethernet:", "イーサネット アダプター ローカル エリア接続:", "以太网适配器 以太网:". */
const ADAPTER = /^(\S.*(?:adapter|アダプター|适配器).*?)\s*[:：]\s*$/i;

let labels: Map<string, string> | undefined;
let disconnected: Set<string> | undefined;

const squeeze = (s: string): string => s.replace(/\s+/g, '').toLowerCase();

function labelKey(label: string): string | undefined {
  if (!labels) {
    labels = new Map();
    disconnected = new Set();
    for (const r of loadTsv('ipconfig-labels.tsv')) {
      if (r.key === 'disconnected') disconnected.add(squeeze(r.text));
      else labels.set(squeeze(r.text), r.key);
    }
  }
  return labels.get(squeeze(label));
}

function isDisconnected(value: string): boolean {
  labelKey('');
  return disconnected!.has(squeeze(value));
}

/** "192.168.1.50(Preferred)", "10.2.128.209(優先)", "192.168.2.188(首选)" → the address. */
const address = (value: string): string => value.replace(/\s*[(（].*$/, '').trim();

export class IpconfigReader implements BlockReader<IpconfigParse> {
  private fact: IpConfigFact | undefined;
  private adapter: IpAdapter | undefined;
  private readonly unknownLines: PasteLine[] = [];
  /** The list a continuation line adds to, and the line before (for the 80-column wrap). */
  private list: string[] | undefined;
  private lastKey: string | undefined;
  private lastText = '';

  constructor(private readonly source: SourceRef) {}

  read(line: PasteLine): boolean {
    const { no, text } = line;
    if (text.trim() === '') {
      this.list = undefined;
      return true;
    }
    const wrapped = displayWidth(this.lastText) >= 79;
    this.lastText = text;
    if (IPCONFIG_HEADER.test(text)) {
      this.begin(no);
      return true;
    }
    let m: RegExpExecArray | null;
    if (this.list && (m = CONTINUATION.exec(text))) {
      this.list.push(address(m[1] ?? ''));
      return true;
    }
    if ((m = PROPERTY.exec(text))) {
      const key = labelKey(m[1] ?? '');
      if (!key) return false;
      this.set(no, key, (m[2] ?? '').trim());
      return true;
    }
    if (wrapped && this.lastKey && !/^\s/.test(text) && !ADAPTER.test(text)) {
      // The console wrapped a long value at 80 columns ("Gigabit Network Connecti" / "on"): it is the value's.
      return true;
    }
    if ((m = ADAPTER.exec(text)) && this.fact) {
      this.adapter = { name: (m[1] ?? '').trim(), dnsServers: [], ipv4: [] };
      this.fact.adapters.push(this.adapter);
      this.list = undefined;
      this.lastKey = undefined;
      return true;
    }
    return false;
  }

  unknown(line: PasteLine): void {
    this.unknownLines.push(line);
  }

  end(): IpconfigParse {
    return { facts: this.fact ? [this.fact] : [], unknown: this.unknownLines };
  }

  private begin(no: number): IpConfigFact {
    if (!this.fact) this.fact = { kind: 'ip-config', source: { ...this.source, line: no }, computer: '', time: '', searchList: [], adapters: [], line: no };
    this.adapter = undefined;
    return this.fact;
  }

  private set(no: number, key: string, value: string): void {
    const fact = this.fact ?? this.begin(no);
    this.lastKey = key;
    this.list = undefined;
    const adapter = this.adapter;
    if (!adapter) {
      if (key === 'hostName') fact.hostName = value;
      else if (key === 'primarySuffix') fact.primarySuffix = value;
      else if (key === 'searchList') {
        if (value) fact.searchList.push(value);
        this.list = fact.searchList;
      }
      return;
    }
    if (key === 'connectionSuffix') adapter.connectionSuffix = value;
    else if (key === 'mediaState') {
      if (isDisconnected(value)) adapter.disconnected = true;
    } else if (key === 'dnsServers') {
      if (value) adapter.dnsServers.push(address(value));
      this.list = adapter.dnsServers;
    } else if (key === 'ipv4') {
      if (value) adapter.ipv4.push(address(value));
    } else if (key === 'defaultGateway') {
      // Gateways continue on aligned lines too: taken, not kept.
      this.list = [];
    }
  }
}
