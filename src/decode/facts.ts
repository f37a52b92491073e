// Typed activation facts: what the decode layer hands to evidence/diagnose.
// One fact per meaningful thing seen in an event or in slmgr text. Every fact keeps
// its SourceRef so findings can point back at the record or line that proves them.
import type { SourceRef } from '../types.js';

/** Fields every fact carries. */
export interface FactBase {
  source: SourceRef;
  /** Computer name as written in the event; '' for slmgr text (the caller knows the machine from the file). */
  computer: string;
  /** ISO-8601 UTC (event TimeCreated); '' when unknown. */
  time: string;
  eventId?: number;
  /** Per-field problems found while decoding (the fact is kept; the bad field is left out). */
  problems?: string[];
}

/** License state numbers 0..6 as SoftwareLicensingProduct.LicenseStatus names them. */
export type LicenseStatusName =
  | 'Unlicensed'
  | 'Licensed'
  | 'OOBGrace'
  | 'OOTGrace'
  | 'NonGenuineGrace'
  | 'Notification'
  | 'ExtendedGrace'
  | 'Unknown';

/** What a KMS request says about the client's product: in 12288 (client side) and 12290 (host side). */
export interface RequestedLicense {
  cmid: string;
  /** Client time as ISO UTC (minute precision). */
  clientTime?: string;
  isVm?: boolean;
  licenseState?: number;
  licenseStateName?: LicenseStatusName;
  minutesToExpiry?: number;
  activationId?: string;
  /** Edition from the products table, when the activation id is known. */
  edition?: string;
  family?: string;
  /** The requesting product's line, from the products table: Office is counted apart from Windows. */
  product?: ProductLine;
}

/** The product lines a KMS host counts apart: Windows (client and server) and Office. */
export type ProductLine = 'Windows' | 'Office';

/** 12288 — KMS client sent an activation request. */
export interface KmsRequestFact extends FactBase, RequestedLicense {
  kind: 'kms-request';
  /** Normalized HRESULT, e.g. '0xC004F074'. */
  result: string;
  statusFlags: number;
  /** Names of the status bits that are set (unknown bits as '0x…'). */
  flags: string[];
  /** KMS host as contacted (name or IP), without the port. */
  host: string;
  port?: number;
  /** The client's N-policy: 25 for client OS, 5 for server OS / Office. */
  requiredCount?: number;
}

/** 12289 — KMS client processed the host's response. */
export interface KmsResponseFact extends FactBase {
  kind: 'kms-response';
  result: string;
  statusFlags: number;
  flags: string[];
  activated: boolean;
  /** The host's count, only where the 12289 carries one (success or 0xC004F038: see count-bearing.ts). */
  currentCount?: number;
  /** Minutes. */
  activationInterval: number;
  /** Minutes. */
  renewalInterval: number;
  clientTime?: string;
}

/** 12290 — KMS host processed a client's request (Key Management Service log). */
export interface KmsHostRequestFact extends FactBase, RequestedLicense {
  kind: 'kms-host-request';
  result: string;
  requiredCount: number;
  clientName: string;
}

/** 12291..12294 — KMS service start / renewal timer / DNS publishing. */
export interface KmsServiceFact extends FactBase {
  kind: 'kms-service';
  event: 'start-failed' | 'renewal-timer-failed' | 'dns-publish-failed' | 'dns-publish-ok';
  result?: string;
  domain?: string;
  detail?: string;
}

/** 8198 (slui failed), 8200 (licence acquisition failed), 8208 (genuine ticket failed). */
export interface OnlineActivationFailureFact extends FactBase {
  kind: 'online-activation-failure';
  result: string;
  ruleId?: string;
  appId?: string;
  skuId?: string;
  /** 8208: template id of the ticket. */
  templateId?: string;
  /** Every `key=value` pair found (RuleId, Action, AppId, SkuId, Trigger …). */
  fields: Record<string, string>;
}

/** 8209 — genuine state set to non-genuine. */
export interface NonGenuineFact extends FactBase {
  kind: 'non-genuine';
  /** Normalized HRESULT when the reason is a code, else the text as logged. */
  reason: string;
  appId?: string;
}

/** 8230 — rules engine state data (license state, key type, partial key). */
export interface LicenseStateDataFact extends FactBase {
  kind: 'license-state-data';
  /** As logged, e.g. 'SL_LICENSING_STATUS_NOTIFICATION'. */
  licenseState: string;
  /** As logged, e.g. 'Volume:GVLK', 'Volume:MAK', 'Retail'. */
  keyType: string;
  partialKey?: string;
  skuId?: string;
  appId?: string;
  lastConsumptionReason?: string;
  lastNotificationId?: string;
  /** ISO UTC when GraceEndDate was present. */
  graceEnd?: string;
  edition?: string;
  family?: string;
  fields: Record<string, string>;
}

/** Informational SPP events worth keeping (902 version, 903, 1003, 8233, 12306, 16384, 16388 …). */
export interface ServiceInfoFact extends FactBase {
  kind: 'service-info';
  /** Short stable name, e.g. 'service-started', 'licensing-status-check', 'vl-activation-failed'. */
  what: string;
  /** 902: sppsvc version. */
  version?: string;
  result?: string;
  appId?: string;
  skuId?: string;
  trigger?: string;
  detail?: string;
  fields?: Record<string, string>;
}

/** System 104: an event log was cleared. */
export interface LogClearedFact extends FactBase {
  kind: 'log-cleared';
  /** Cleared channel, e.g. 'Key Management Service'. */
  channel: string;
  /** True when the Key Management Service log was the one cleared. */
  kmsLog: boolean;
  user?: string;
  domain?: string;
}

export type KmsNameSource = 'dns' | 'registered' | 'unknown';

export interface KmsClientInfo {
  cmid?: string;
  kmsName?: string;
  kmsPort?: number;
  kmsNameSource: KmsNameSource;
  /** SRV lookup domain set by /skms-domain. */
  lookupDomain?: string;
  kmsIp?: string;
  kmsPid?: string;
  /** Minutes. */
  activationInterval?: number;
  /** Minutes. */
  renewalInterval?: number;
  hostCaching?: boolean;
  activationType?: string;
}

export interface KmsHostInfo {
  currentCount?: number;
  listeningPort?: number;
  dnsPublishing?: boolean;
  priority?: 'Normal' | 'Low';
  requests?: { total: number; failed: number; byState: Record<string, number> };
}

/** One product as slmgr /dli, /dlv, /xpr or /ato printed it. */
export interface LicenseFact extends FactBase {
  kind: 'license';
  name: string;
  description: string;
  /** Channel token from the description, e.g. 'VOLUME_KMSCLIENT', 'VOLUME_KMS_C', 'RETAIL'. */
  channel: string;
  /** 'Volume:GVLK', 'Volume:CSVLK', 'Volume:MAK', 'Retail', 'OEM:DM' … or 'Unknown'. */
  keyType: string;
  activationId?: string;
  applicationId?: string;
  extendedPid?: string;
  partialKey?: string;
  licenseStatus: LicenseStatusName;
  /** As printed (possibly Japanese). */
  licenseStatusText: string;
  notificationReason?: string;
  volumeExpiryMinutes?: number;
  graceMinutes?: number;
  rearmCount?: number;
  skuRearmCount?: number;
  /** As printed (locale-formatted); ISO when it could be read. */
  trustedTime?: string;
  evaluationEnd?: string;
  /** /xpr line, as printed. */
  expiryText?: string;
  /** The /xpr date read as ISO UTC: when volume activation or the grace period ends. */
  expiresAt?: string;
  /** True when `expiresAt` was printed in local time and no --tz said which zone (read as UTC). */
  expiresAtIsLocal?: boolean;
  /** /ato outcome when the block came from /ato. */
  activation?: 'succeeded' | 'failed';
  /** What /ato printed when it failed ("0xC004F074 The Software Licensing Service reported …"), as printed. */
  activationMessage?: string;
  /**
   * Which output printed the block: slmgr /dli, /dlv, /xpr, /ato; the Settings > Activation page text ('settings');
   * ospp.vbs /dstatus, /act; a WMI SoftwareLicensingProduct object.
   */
  form: 'dli' | 'dlv' | 'xpr' | 'ato' | 'settings' | 'ospp-status' | 'ospp-act' | 'wmi';
  /** Windows or Office: from the application id, else the name. */
  product?: ProductLine;
  /** Office as sold: '2010', '2013', '2016', '2019', 'LTSC 2021', 'LTSC 2024' (Office only, when the name or id says). */
  productVersion?: string;
  /** Why the product is in its state (LicenseStatusReason: ospp /dstatus ERROR CODE, WMI), normalized. */
  statusReason?: string;
  /** The reason is information only: ospp said so ("…as the status is licensed"), or the code is not a failure. */
  statusReasonInformational?: boolean;
  /** An add-on license (WMI LicenseIsAddon): ESU and the like, not the product itself. */
  addon?: boolean;
  /** "This license is not in use." (no key installed for this product). */
  notInUse?: boolean;
  /** "Software licensing service version:" printed above the products (/dlv). */
  serviceVersion?: string;
  /** Recognised lines we do not model (AD, token, AVMA blocks, certificate URLs): label → value. */
  other?: Record<string, string>;
  edition?: string;
  family?: string;
  kmsClient?: KmsClientInfo;
  kmsHost?: KmsHostInfo;
  /** Normalized HRESULTs printed inside this product's block. */
  errors: string[];
  /** 1-based first and last line of the block. */
  lineStart: number;
  lineEnd: number;
}

/**
 * "Error: 0x…" or /ato outcome with no product block around it; a code shown by slui or the Settings page; or
 * ospp's lone ERROR CODE block.
 */
export interface SlmgrErrorFact extends FactBase {
  kind: 'slmgr-error';
  /** The tool that printed it; absent for slmgr (the first one read). */
  tool?: 'ospp';
  /** Normalized HRESULT, or undefined when the line carried only text. */
  code?: string;
  text: string;
  line: number;
  /** Name of the product block printed just before, for context. */
  nearProduct?: string;
  /** The option whose run printed it, when the pasted prompt line says: slmgr's 'ato', 'ipk', 'skms' …, ospp's 'inpkey', 'act' … */
  command?: string;
  /** What showed the code: slmgr (the default), the `slui 0x2a` dialog, or the Settings > Activation page. */
  origin?: 'slmgr' | 'slui' | 'settings';
}

/** `slmgr /ipk`: "Installed product key XXXXX-…-XXXXX successfully." */
export interface KeyInstalledFact extends FactBase {
  kind: 'key-installed';
  /** Its last five characters (slmgr prints the whole key; a MAK is a secret, so only these are kept). */
  partialKey: string;
  /** The edition whose KMS client setup key (GVLK) it is, from the products table. */
  gvlkFor?: string;
  family?: string;
  line: number;
}

/** `slmgr /skms`: "Key Management Service machine name set to kms01:1688 successfully." */
export interface KmsHostSetFact extends FactBase {
  kind: 'kms-host-set';
  host: string;
  port?: number;
  line: number;
}

/** One network adapter of `ipconfig /all`. */
export interface IpAdapter {
  /** As printed after "Ethernet adapter", "イーサネット アダプター", "以太网适配器" … */
  name: string;
  connectionSuffix?: string;
  dnsServers: string[];
  ipv4: string[];
  /** "Media disconnected": the adapter takes no part in name resolution. */
  disconnected?: boolean;
}

/** `ipconfig /all`: the names the DNS client appends to a bare name, and the servers it asks. */
export interface IpConfigFact extends FactBase {
  kind: 'ip-config';
  hostName?: string;
  /** '' when printed empty (a machine in no domain and with no suffix set). */
  primarySuffix?: string;
  searchList: string[];
  adapters: IpAdapter[];
  line: number;
}


/**
 * The licensing service's own state (WMI SoftwareLicensingService, ospp /dcmid): the machine's CMID, the KMS
 * host it is told to use, and, on a KMS host, the host's count and request counters.
 */
export interface LicensingServiceFact extends FactBase {
  kind: 'licensing-service';
  form: 'wmi' | 'ospp-dcmid';
  /** Software licensing service version (WMI Version). */
  version?: string;
  cmid?: string;
  kmsClient?: KmsClientInfo;
  /** Set when the machine is a KMS host (IsKeyManagementServiceMachine = 1). */
  kmsHost?: KmsHostInfo;
  /** RemainingWindowsReArmCount. */
  rearmCount?: number;
  line: number;
}

/** One SRV answer: `_vlmcs._tcp.<domain>` → host and port. */
export interface SrvRecord {
  priority: number;
  weight: number;
  port: number;
  /** Target host name as printed, without a trailing dot. */
  target: string;
  /** IPv4/IPv6 addresses printed or resolved for the target. */
  addresses?: string[];
  ttl?: number;
}

/** How an SRV lookup ended: an answer, or why there was none. */
export type DnsOutcome = 'answer' | 'name-error' | 'no-records' | 'timeout' | 'server-failure' | 'refused' | 'error';

/** `nslookup -type=srv`, `Resolve-DnsName -Type SRV` or `volact probe`: the SRV lookup for KMS hosts. */
export interface DnsSrvLookupFact extends FactBase {
  kind: 'dns-srv-lookup';
  tool: 'nslookup' | 'resolve-dnsname' | 'probe';
  /** Name asked for, e.g. `_vlmcs._tcp.contoso.com` ('' when the output did not say). */
  query: string;
  /** The domain part of the query (after `_vlmcs._tcp.`); absent for the bare `_vlmcs._tcp`. */
  domain?: string;
  /** The owner name of the SRV answer as printed, when it differs from the query: the resolver appended a suffix
   * to a bare `_vlmcs._tcp` (nslookup prints the name it asked, or the full one). */
  answeredName?: string;
  /** DNS server as printed ("dc01.contoso.com", "UnKnown") and its address. */
  server?: string;
  serverAddress?: string;
  outcome: DnsOutcome;
  records: SrvRecord[];
  /** nslookup printed "Non-authoritative answer" (the answer came from a cache). */
  nonAuthoritative?: boolean;
  /** The error as printed, for outcomes other than 'answer'. */
  detail?: string;
}

/** How a TCP connection attempt ended. Test-NetConnection only says failed; probe knows why. */
export type PortOutcome = 'open' | 'refused' | 'timeout' | 'unreachable' | 'name-not-resolved' | 'failed';

/** `Test-NetConnection <host> -Port N` or `volact probe`: can this machine open TCP to the host's port? */
export interface PortCheckFact extends FactBase {
  kind: 'port-check';
  tool: 'test-netconnection' | 'probe';
  /** Host as asked for (ComputerName). */
  host: string;
  /** Address actually tried (RemoteAddress). */
  address?: string;
  port: number;
  outcome: PortOutcome;
  sourceAddress?: string;
  pingSucceeded?: boolean;
  /** WARNING lines printed with the result, as printed (without the prefix). */
  warnings: string[];
  /** Why the connection failed, when known (probe: the socket error). */
  detail?: string;
}

export type Fact =
  | KmsRequestFact
  | KmsResponseFact
  | KmsHostRequestFact
  | KmsServiceFact
  | OnlineActivationFailureFact
  | NonGenuineFact
  | LicenseStateDataFact
  | ServiceInfoFact
  | LogClearedFact
  | LicenseFact
  | SlmgrErrorFact
  | LicensingServiceFact
  | KeyInstalledFact
  | KmsHostSetFact
  | IpConfigFact
  | DnsSrvLookupFact
  | PortCheckFact;

export type FactKind = Fact['kind'];

/** What decodeEvent returns for one raw event. */
export type DecodeResult =
  | { status: 'decoded'; facts: Fact[] }
  | { status: 'ignored' }
  | { status: 'rejected'; reason: string };
