// The outputs a console paste may hold, each known by its first line(s): the table the splitter reads. A
// recognizer says only "this line begins that output"; reading it is the job of the block's reader.
import { matchLabel } from '../../slmgr/labels.js';

export type BlockKind =
  | 'slmgr'
  | 'nslookup'
  | 'resolve-dnsname'
  | 'test-netconnection'
  | 'ipconfig'
  | 'slui'
  | 'settings'
  | 'ospp'
  | 'wmi-license';

/** Which report format a file holding only this output has. */
export type BlockFamily = 'slmgr' | 'network' | 'paste';

export interface BlockKindSpec {
  kind: BlockKind;
  /** What the output is, for notes and rejection reasons. */
  title: string;
  family: BlockFamily;
  /** A line only this output begins with: it ends whatever came before, even a block that would take it. */
  opens?: (line: string) => boolean;
  /** A line only this output prints: it begins a block where the block before does not own it. */
  starts: (line: string, next: string | undefined) => boolean;
}

// ---- slmgr ------------------------------------------------------------------------------------------------

/** Labels only slmgr prints (/dli, /dlv, /ato, /ipk, /skms): one of them begins an slmgr block. */
const SLMGR_TELLING = new Set([
  'name', 'description', 'partialKey', 'licenseStatus', 'activationId', 'applicationId', 'extendedPid', 'keyChannel',
  'kmsClientHeader', 'kmsHostHeader', 'cmid', 'volumeExpiry', 'timebasedExpiry', 'avmaExpiry', 'activating', 'activated',
  'activationFailed', 'productKeyNotFound', 'serviceVersion', 'currentCount', 'licenseNotInUse', 'keyInstalled',
  'kmsNameSet', 'kmsNameCleared', 'nonGenuineGraceAto', 'nonGenuineNotificationAto', 'undeterminedKey', 'kmsFromDns',
  'kmsRegistered', 'slui',
]);

/** A product key as slmgr prints it after /ipk. */
export const PRODUCT_KEY = /\b[0-9A-Z]{5}(?:-[0-9A-Z]{5}){4}\b/i;

/** The code an "Error:" line opens with: in a message box copy it runs into the text ("0xC004F074软件授权…"). */
export const CODE_AT_START = /^(?:0x([0-9a-f]{8})(?![0-9a-f])|(0x[0-9a-f]{1,8}|[0-9a-f]{8})\b)/i;

export function codeAtStart(text: string): string | undefined {
  const m = CODE_AT_START.exec(text);
  return m ? (m[1] !== undefined ? `0x${m[1]}` : m[2]) : undefined;
}

export function slmgrStarts(line: string, next?: string): boolean {
  const m = matchLabel(line);
  // /xpr: "Windows(R), Professional edition:" above its status line (a message box copy shows it so too).
  if (!m) return next !== undefined && /[:：]\s*$/.test(line) && matchLabel(next)?.label.key.startsWith('xpr') === true;
  const key = m.label.key;
  // "Name: …" is also Resolve-DnsName's and nslookup's: slmgr's names a product ("Windows(R), … edition").
  if (key === 'name') return /\(R\)|edition|Office/i.test(m.rest);
  // "Installed product key XXXXX-…-XXXXX successfully." (ospp says "Installed product key detected - …").
  if (key === 'keyInstalled') return PRODUCT_KEY.test(m.rest);
  if (SLMGR_TELLING.has(key) || key.startsWith('xpr')) return true;
  // "Error: 0x8007232B DNS name does not exist": an error with a code, as slmgr prints it.
  return key === 'errorLine' && codeAtStart(m.rest) !== undefined;
}

// ---- DNS and port checks -------------------------------------------------------------------------------------

/** Lines that only nslookup prints. */
export const NSLOOKUP_STARTS: readonly RegExp[] = [
  /^(?:Server|Default Server|サーバー|既定のサーバー|服务器|默认服务器)\s*[:：]/,
  /^(?:Non-authoritative answer|権限のない回答)\s*[:：]?\s*$/,
  /\sSRV service location\s*[:：]?\s*$/,
  /^\*\*\*\s.*(?:can't find|を見つけられません|Request to .*timed-?out|への要求がタイムアウト|Default servers are not available|既定のサーバーを使用できません|Can't find server)/,
  /^DNS request timed out\.?\s*$/,
  /^DNS 要求がタイムアウトしました/,
];

/** Lines that only Resolve-DnsName prints. */
export const RESOLVE_DNSNAME_STARTS: readonly RegExp[] = [
  /^Name\s+Type\s+TTL\s+Section\b/,
  /^Resolve-DnsName\s*:\s*(\S+)\s+:\s*(.+)$/,
  /^NameTarget\s*:/,
  /^\s*\+\s*FullyQualifiedErrorId\s*:.*Microsoft\.DnsClient/,
];

/** Lines that only Test-NetConnection prints. */
export const TEST_NETCONNECTION_STARTS: readonly RegExp[] = [
  /^ComputerName\s*:/,
  /^TcpTestSucceeded\s*:/,
  /^(?:WARNING|警告)\s*[:：]\s*(?:TCP connect to|Name resolution of|Ping to|Ping\/ICMP test)/,
];

// ---- ipconfig /all ---------------------------------------------------------------------------------------------

/** "Windows IP Configuration" in the languages read (ja: 構成, zh-CN: 配置). */
export const IPCONFIG_HEADER = /^\s*Windows IP (?:Configuration|構成|配置)\s*$/;
/** The dotted labels of the global section, which no other output prints. */
const IPCONFIG_STARTS = /^\s*(?:Host Name|Primary Dns Suffix|DNS Suffix Search List|ホスト名|プライマリ DNS サフィックス|DNS サフィックス検索一覧|主机名|主 DNS 后缀|DNS 后缀搜索列表)[ .]*[:：]/;

// ---- slui and Settings ---------------------------------------------------------------------------------------------

const SLUI_CODE = /^\s*Code\s*:\s*(?:0x[0-9a-f]{8})?\s*$/i;
const HEX_ONLY = /^\s*0x[0-9a-f]{8}\s*$/i;
// Case matters: ospp.vbs prints "ERROR CODE:" and "PRODUCT ID:", the Settings page "Error code:" and "Product ID:".
const SETTINGS_STARTS = /^\s*(?:Edition|Activation|Product ID|Product [Kk]ey)\s*:\s*\S|(?:^|\s)Error code\s*[:：]\s*0x[0-9a-fA-F]{8}\s*\.?\s*$/;

// ---- Office and WMI (read by readers of their own) ----------------------------------------------------------------

const OSPP_OPENS = /^---Processing-+\s*$/;
const OSPP_STARTS = /^(?:Installed product key detected|SKU ID|LICENSE NAME|LICENSE DESCRIPTION|LICENSE STATUS|ERROR CODE|ERROR DESCRIPTION|Last 5 characters of installed product key|PRODUCT ID)\s*:/;
const WMI_LIST_STARTS = /^(?:LicenseStatus|PartialProductKey|ApplicationID|ProductKeyChannel|LicenseFamily|GracePeriodRemaining|VLActivationTypeEnabled|KeyManagementServiceMachine|KeyManagementServicePort|DiscoveredKeyManagementServiceMachineName)\s+:/;

export const BLOCK_KINDS: readonly BlockKindSpec[] = [
  { kind: 'slmgr', title: 'slmgr.vbs output', family: 'slmgr', starts: slmgrStarts },
  { kind: 'resolve-dnsname', title: 'Resolve-DnsName output', family: 'network', starts: (l) => RESOLVE_DNSNAME_STARTS.some((re) => re.test(l)) },
  { kind: 'test-netconnection', title: 'Test-NetConnection output', family: 'network', starts: (l) => TEST_NETCONNECTION_STARTS.some((re) => re.test(l)) },
  { kind: 'nslookup', title: 'nslookup output', family: 'network', starts: (l) => NSLOOKUP_STARTS.some((re) => re.test(l)) },
  { kind: 'ipconfig', title: 'ipconfig /all output', family: 'network', opens: (l) => IPCONFIG_HEADER.test(l), starts: (l) => IPCONFIG_HEADER.test(l) || IPCONFIG_STARTS.test(l) },
  { kind: 'ospp', title: 'ospp.vbs output', family: 'paste', opens: (l) => OSPP_OPENS.test(l), starts: (l) => OSPP_OPENS.test(l) || OSPP_STARTS.test(l) },
  { kind: 'slui', title: 'the slui.exe 0x2a dialog text', family: 'paste', starts: (l, next) => SLUI_CODE.test(l) && (/0x/i.test(l) || (next !== undefined && HEX_ONLY.test(next))) },
  { kind: 'settings', title: 'the Settings > Activation page text', family: 'paste', starts: (l) => SETTINGS_STARTS.test(l) },
  { kind: 'wmi-license', title: 'SoftwareLicensingProduct / SoftwareLicensingService properties', family: 'paste', starts: (l) => WMI_LIST_STARTS.test(l) },
];

const SPEC = new Map(BLOCK_KINDS.map((s) => [s.kind, s]));

export function kindSpec(kind: BlockKind): BlockKindSpec {
  return SPEC.get(kind)!;
}

/** The output a line can only begin, if any: it cuts whatever block came before. */
export function openingKind(line: string): BlockKind | undefined {
  return BLOCK_KINDS.find((s) => s.opens?.(line))?.kind;
}

/** The output a line begins when the block before does not own it, if any. */
export function startingKind(line: string, next?: string): BlockKind | undefined {
  if (line.trim() === '') return undefined;
  return BLOCK_KINDS.find((s) => s.starts(line, next))?.kind;
}

// ---- what the console adds around outputs --------------------------------------------------------------------

/** cscript's banner, printed before every run (its first line stays English on every Windows language). */
const BANNER = [/^\s*Microsoft \(R\) Windows Script Host\b/i, /^\s*(?:Copyright \(C\)|版权所有\s*\(C\)|著作権\s*\(C\))\s*Microsoft Corporation/i];

export function isBanner(line: string): boolean {
  return BANNER.some((re) => re.test(line));
}

/** The frame of a WSH message box copied with Ctrl+C: dashes, its title, its button. */
export function isFrame(line: string, previous: string | undefined): boolean {
  if (/^\s*-{10,}\s*$/.test(line)) return true;
  if (/^\s*Windows Script Host\s*$/i.test(line)) return true;
  return /^\s*(?:OK|确定|確定)\s*$/.test(line) && previous !== undefined && /^\s*-{10,}\s*$/.test(previous);
}
