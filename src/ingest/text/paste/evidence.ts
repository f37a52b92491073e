// What the beginning of a text shows of the outputs it holds, for the sniffer: a stricter test than the
// splitter's (which only has to tell where a block begins inside text already known to be a paste). A stray
// "Server: web01" line is not nslookup output; "Server:" followed by "Address:" is.
import { looksLikeSlmgr } from '../../slmgr/looks-like-slmgr.js';
import { promptCommand } from './command.js';
import { IPCONFIG_HEADER, kindSpec, type BlockFamily, type BlockKind } from './kinds.js';

/** Lines only nslookup, Resolve-DnsName or Test-NetConnection print, or pairs of lines only they print together. */
const NETWORK_LINES: Array<[BlockKind, RegExp]> = [
  // [ \t], not \s: with the m flag, \s* at a line start runs across blank lines (quadratic on blank runs).
  ['nslookup', /^(?:Server|Default Server|サーバー|既定のサーバー|服务器|默认服务器)[ \t]*[:：].*\r?\n(?:Address|アドレス)[ \t]*[:：]/m],
  ['nslookup', /[ \t]SRV service location[ \t]*[:：]?[ \t]*$/m],
  ['nslookup', /^\*\*\*.*(?:can't find|を見つけられません)/m],
  ['nslookup', /^(?:DNS request timed out|DNS 要求がタイムアウトしました)/m],
  ['resolve-dnsname', /^Name[ \t]+Type[ \t]+TTL[ \t]+Section\b/m],
  ['resolve-dnsname', /^Resolve-DnsName[ \t]*:/m],
  ['resolve-dnsname', /^NameTarget[ \t]*:/m],
  ['test-netconnection', /^ComputerName[ \t]*:.*\r?\n(?:RemoteAddress|InterfaceAlias)[ \t]*:/m],
  ['test-netconnection', /^(?:WARNING|警告)[ \t]*[:：][ \t]*(?:TCP connect to|Name resolution of)/m],
];

const IPCONFIG_GLOBAL = /^[ \t]+(?:Host Name|Primary Dns Suffix|DNS Suffix Search List|ホスト名|プライマリ DNS サフィックス|DNS サフィックス検索一覧|主机名|主 DNS 后缀|DNS 后缀搜索列表)[ .]*[:：]/gm;
const SLUI = /^[ \t]*Code[ \t]*[:：][ \t]*(?:\r?\n[ \t]*)?0x[0-9a-f]{8}[ \t]*$/im;
// Case matters: ospp.vbs prints "ERROR CODE:" and "PRODUCT ID:".
const SETTINGS_CODE = /(?:^|[ \t])Error code[ \t]*[:：][ \t]*0x[0-9a-fA-F]{8}[ \t]*\.?[ \t]*$/m;
const SETTINGS_FIELDS = /^[ \t]*(?:Edition|Activation|Product ID|Product [Kk]ey)[ \t]*[:：][ \t]*\S/gm;
const OSPP = /^---Processing-+[ \t]*$|^(?:LICENSE NAME|LICENSE STATUS|ERROR CODE)[ \t]*:/m;

const LINES_LOOKED_AT = 200;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** The outputs the head of a text shows, by the sniffer's stricter standard. */
export function pasteKinds(head: string): Set<BlockKind> {
  const kinds = new Set<BlockKind>();
  const text = head.replace(/^\uFEFF/, '');
  let looked = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') continue;
    if (++looked > LINES_LOOKED_AT) break;
    const command = promptCommand(line);
    if (command?.kind) kinds.add(command.kind);
  }
  for (const [kind, re] of NETWORK_LINES) if (re.test(text)) kinds.add(kind);
  if (IPCONFIG_HEADER.test(text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '') || /^[ \t]*Windows IP (?:Configuration|構成|配置)[ \t]*$/m.test(text) || count(text, IPCONFIG_GLOBAL) >= 2) kinds.add('ipconfig');
  if (SLUI.test(text)) kinds.add('slui');
  if (SETTINGS_CODE.test(text) || count(text, SETTINGS_FIELDS) >= 2) kinds.add('settings');
  if (OSPP.test(text)) kinds.add('ospp');
  if (looksLikeSlmgr(text)) kinds.add('slmgr');
  return kinds;
}

/** The report format of a paste that holds these outputs: one family's, or 'paste' for a mix. */
export function pasteFamily(kinds: ReadonlySet<BlockKind>): BlockFamily | undefined {
  const families = new Set([...kinds].map((k) => kindSpec(k).family));
  if (families.size === 0) return undefined;
  return families.size === 1 ? [...families][0] : 'paste';
}
