// Builders for the exports the diagnose fixtures hold: Event Viewer "Save as XML" (<Events>, double
// quotes, RenderingInfo), wevtutil qe /f:xml (rootless, single quotes), and slmgr.vbs /dli /dlv /ato
// text in English and Japanese. They write what Windows writes, so the fixtures exercise the real readers.

export const SPP_GUID = '{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}';
export const EVENTLOG_GUID = '{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}';

export const ACT = {
  win10Enterprise: '73111121-5638-40f6-bc11-f1d7b0d64300',
  win7Enterprise: 'ae2ee509-1b34-41c0-acb7-6d4650168915',
  server2019Datacenter: '34e1ae55-27f8-4950-8877-7a03be5fb181',
} as const;

export const WINDOWS_APP = '55c92734-d682-4d71-983e-d6ec3f16059f';

export interface EventSpec {
  id: number;
  /** ISO UTC. */
  time: string;
  record: number;
  computer: string;
  data: string[];
  channel?: string;
  provider?: string;
  providerGuid?: string;
  sourceName?: string;
  qualifiers?: number;
  level?: number;
  /** Raw <UserData> inner XML (System 104). */
  userData?: string;
  /** Rendered message (Event Viewer exports carry it). */
  message?: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** 2024-03-07T09:12:00Z → '2024/03/07 09:12' (12288/12289 client time). */
export function clientTime(iso: string): string {
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)} ${iso.slice(11, 16)}`;
}

/** 2024-03-07T09:12:00Z → '2024/3/7 9:12' (12290 prints without padding). */
export function hostClientTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** Windows writes 7 fractional digits. */
function systemTime(iso: string, record: number): string {
  const base = iso.replace(/\.\d+Z$|Z$/, '');
  return `${base}.${String(record % 10_000_000).padStart(7, '0')}Z`;
}

function eventXml(e: EventSpec, q: '"' | "'", rendering: boolean): string {
  const a = (name: string, value: string): string => `${name}=${q}${value}${q}`;
  const provider = e.provider ?? 'Microsoft-Windows-Security-SPP';
  const guid = e.providerGuid ?? (provider === 'Microsoft-Windows-Security-SPP' ? SPP_GUID : undefined);
  const src = e.sourceName ?? (provider === 'Microsoft-Windows-Security-SPP' ? (e.channel === 'Key Management Service' ? 'KmsRequests' : 'Software Protection Platform Service') : undefined);
  const providerAttrs = [a('Name', provider), guid ? a('Guid', guid) : '', src ? a('EventSourceName', src) : ''].filter(Boolean).join(' ');
  const qual = e.qualifiers ?? (provider === 'Microsoft-Windows-Security-SPP' ? 16384 : undefined);
  const eventId = qual !== undefined ? `<EventID ${a('Qualifiers', String(qual))}>${e.id}</EventID>` : `<EventID>${e.id}</EventID>`;
  const body = e.userData !== undefined
    ? `<UserData>${e.userData}</UserData>`
    : `<EventData>${e.data.map((d) => `<Data>${esc(d)}</Data>`).join('')}${provider === 'Microsoft-Windows-Security-SPP' && e.id >= 12288 && e.id <= 12290 ? '<Binary></Binary>' : ''}</EventData>`;
  const render = rendering && e.message !== undefined
    ? `<RenderingInfo ${a('Culture', 'en-US')}><Message>${esc(e.message)}</Message><Level>${(e.level ?? 4) === 2 ? 'Error' : 'Information'}</Level><Keywords><Keyword>Classic</Keyword></Keywords></RenderingInfo>`
    : '';
  return (
    `<Event ${a('xmlns', 'http://schemas.microsoft.com/win/2004/08/events/event')}><System><Provider ${providerAttrs}/>${eventId}` +
    `<Version>0</Version><Level>${e.level ?? 4}</Level><Task>${e.id === 104 ? 104 : 0}</Task><Opcode>0</Opcode><Keywords>${e.id === 104 ? '0x8000000000000000' : '0x80000000000000'}</Keywords>` +
    `<TimeCreated ${a('SystemTime', systemTime(e.time, e.record))}/><EventRecordID>${e.record}</EventRecordID><Correlation/>` +
    `<Execution ${a('ProcessID', e.id === 104 ? '1096' : '0')} ${a('ThreadID', e.id === 104 ? '5108' : '0')}/><Channel>${esc(e.channel ?? 'Application')}</Channel>` +
    `<Computer>${esc(e.computer)}</Computer><Security/></System>${body}${render}</Event>`
  );
}

/** Event Viewer "Save Selected Events" as XML. */
export function eventViewerXml(events: readonly EventSpec[]): string {
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<Events>${events.map((e) => eventXml(e, '"', true)).join('\n')}</Events>`;
}

/** `wevtutil qe <log> /f:xml`: rootless, one event per line, single-quoted attributes. */
export function wevtutilXml(events: readonly EventSpec[]): string {
  return events.map((e) => eventXml(e, "'", false)).join('\r\n') + '\r\n';
}

// ---- Activation events ------------------------------------------------------------------------

export interface RequestOpts {
  result?: string;
  flags?: string;
  host?: string;
  cmid: string;
  clientTime?: string;
  vm?: 0 | 1;
  state?: number;
  minutes?: number;
  activationId?: string;
  need?: 5 | 25;
}

export function ev12288(computer: string, time: string, record: number, o: RequestOpts): EventSpec {
  const info = [
    o.result ?? '0x00000000',
    o.flags ?? '0x00000000',
    o.host ?? 'kms01.corp.contoso.com:1688',
    o.cmid,
    o.clientTime ?? clientTime(time),
    String(o.vm ?? 0),
    String(o.state ?? 1),
    String(o.minutes ?? 249120),
    o.activationId ?? ACT.win10Enterprise,
    String(o.need ?? 25),
  ].join(', ');
  return { id: 12288, time, record, computer, data: [info], message: `The client has sent an activation request to the key management service machine.\nInfo:\n${info}` };
}

export interface ResponseOpts {
  result?: string;
  flags?: string;
  activated?: 0 | 1;
  count?: number;
  activationInterval?: number;
  renewalInterval?: number;
  clientTime?: string;
}

export function ev12289(computer: string, time: string, record: number, o: ResponseOpts = {}): EventSpec {
  const ok = (o.result ?? '0x00000000') === '0x00000000';
  const info = [
    o.result ?? '0x00000000',
    o.flags ?? '0x00000000',
    String(o.activated ?? (ok ? 1 : 0)),
    '0',
    String(o.count ?? 50),
    String(o.activationInterval ?? 120),
    String(o.renewalInterval ?? 10080),
    o.clientTime ?? clientTime(time),
  ].join(', ');
  return { id: 12289, time, record, computer, data: [info], message: `The client has processed an activation response from the key management service machine.\nInfo:\n${info}` };
}

export interface HostRequestOpts {
  result?: string;
  need?: 5 | 25;
  client: string;
  cmid: string;
  clientTime?: string;
  vm?: 0 | 1;
  state?: number;
  minutes?: number;
  activationId?: string;
}

/** 12290 in the Key Management Service log: the combined string, then each field (10 Data). */
export function ev12290(host: string, time: string, record: number, o: HostRequestOpts): EventSpec {
  const fields = [
    o.result ?? '0x0',
    String(o.need ?? 25),
    o.client,
    o.cmid,
    o.clientTime ?? hostClientTime(time),
    String(o.vm ?? 0),
    String(o.state ?? 1),
    String(o.minutes ?? 249120),
    o.activationId ?? ACT.win10Enterprise,
  ];
  return {
    id: 12290,
    time,
    record,
    computer: host,
    channel: 'Key Management Service',
    data: [fields.join(','), ...fields],
    message: `An activation request has been processed.\nInfo:\n${fields.join(',')}`,
  };
}

export function ev12291(host: string, time: string, record: number, result: string): EventSpec {
  return { id: 12291, time, record, computer: host, data: [result], message: `Key Management Service (KMS) failed to start.\nInfo:\n${result}` };
}

export function ev12293(host: string, time: string, record: number, result: string, domain: string): EventSpec {
  return { id: 12293, time, record, computer: host, data: [result, domain], message: `Publishing the Key Management Service (KMS) to DNS in the '${domain}' domain failed.\nInfo:\n${result}` };
}

export function ev12294(host: string, time: string, record: number, domain: string): EventSpec {
  return { id: 12294, time, record, computer: host, data: [domain], message: `Publishing the Key Management Service (KMS) to DNS in the '${domain}' domain is successful.` };
}

export function ev8198(computer: string, time: string, record: number, hr: string, skuId = ACT.win10Enterprise): EventSpec {
  const args = `RuleId=31e71c49-8da7-4a2f-ad92-45d98a1c79ba;Action=AutoActivate;AppId=${WINDOWS_APP};SkuId=${skuId};NotificationInterval=1440;Trigger=TimerEvent`;
  return {
    id: 8198,
    time,
    record,
    computer,
    qualifiers: 49152,
    level: 2,
    data: [`hr=${hr}`, args],
    message: `License Activation (slui.exe) failed with the following error code:\nhr=${hr}\nCommand-line arguments:\n${args}`,
  };
}

export function ev8200(computer: string, time: string, record: number, hr: string): EventSpec {
  return { id: 8200, time, record, computer, qualifiers: 49152, level: 2, data: [`hr=${hr}`], message: `License acquisition failure details.\nhr=${hr}` };
}

export function ev8209(computer: string, time: string, record: number, reason: string): EventSpec {
  return {
    id: 8209,
    time,
    record,
    computer,
    qualifiers: 49152,
    data: [reason, WINDOWS_APP],
    message: `Genuine state set to non-genuine (${reason}) for application Id ${WINDOWS_APP}`,
  };
}

export function ev12305(computer: string, time: string, record: number): EventSpec {
  return { id: 12305, time, record, computer, data: [WINDOWS_APP] };
}

export function ev8230(computer: string, time: string, record: number, o: { state: string; keyType: string; partialKey: string; skuId?: string; graceEnd?: string; reason?: string }): EventSpec {
  const pairs = [
    `AppId=${WINDOWS_APP}`,
    ...(o.graceEnd ? [`GraceEndDate=${o.graceEnd}`] : []),
    `LastConsumptionReason=${o.reason ?? '0x0'}`,
    `LastNotificationId=${o.state.endsWith('NOTIFICATION') ? 'VolumeUnlicensed' : 'None'}`,
    `LicenseState=${o.state}`,
    `PartialProductKey=${o.partialKey}`,
    `ProductKeyType=${o.keyType}`,
    `SkuId=${o.skuId ?? ACT.win10Enterprise}`,
    'ruleId=7e8a5b10-e4e4-4a9b-8f4c-2c6b8e6a2a31',
    'uxDifferentiator=ENVIRONMENT',
    'volumeActivationOrder=normal',
  ];
  const value = `Security-SPP-Action-StateData (REG_SZ) =${pairs.join(';')}`;
  return { id: 8230, time, record, computer, data: [value], message: `The rules engine successfully re-evaluated the schedule.\nKernel policies:\n${value}` };
}

export function ev1058(computer: string, time: string, record: number, hr: string): EventSpec {
  return { id: 1058, time, record, computer, qualifiers: 32768, level: 2, data: [hr], message: `Installation of the Proof of Purchase from the ACPI table failed. Error code:\n${hr}` };
}

/** System 104: a log was cleared. */
export function ev104(computer: string, time: string, record: number, channel: string, user = 'kmsadmin', domain = 'CONTOSO'): EventSpec {
  return {
    id: 104,
    time,
    record,
    computer,
    channel: 'System',
    provider: 'Microsoft-Windows-Eventlog',
    providerGuid: EVENTLOG_GUID,
    level: 4,
    data: [],
    userData: `<LogFileCleared xmlns="http://manifests.microsoft.com/win/2004/08/windows/eventlog"><SubjectUserName>${user}</SubjectUserName><SubjectDomainName>${domain}</SubjectDomainName><Channel>${channel}</Channel><BackupPath></BackupPath></LogFileCleared>`,
    message: `The ${channel} log file was cleared.`,
  };
}

// ---- slmgr.vbs text ---------------------------------------------------------------------------

export type Lang = 'en' | 'ja';

export interface ProductBlock {
  name: string;
  description: string;
  partialKey: string;
  /** As slmgr prints it in the chosen language, e.g. 'Licensed' / 'ライセンスされています'. */
  status: string;
  activationId?: string;
  keyChannel?: string;
  volumeExpiryMinutes?: number;
  graceMinutes?: number;
  rearm?: number;
  kmsClient?: { cmid: string; kmsName?: string; port?: number; source: 'dns' | 'registered' };
  kmsHost?: { count: number; port?: number; dnsPublishing?: boolean; total?: number; failed?: number };
  notificationReason?: string;
}

const HEADER_EN = 'Microsoft (R) Windows Script Host Version 5.812\r\nCopyright (C) Microsoft Corporation. All rights reserved.\r\n\r\n';

const days = (m: number): number => Math.floor(m / 1440);

function enBlock(p: ProductBlock, verbose: boolean): string[] {
  const out = [`Name: ${p.name}`, `Description: ${p.description}`];
  if (verbose && p.activationId) out.push(`Activation ID: ${p.activationId}`, `Application ID: ${WINDOWS_APP}`, 'Extended PID: 03612-03309-000-000000-03-1033-17763.0000-0652024');
  if (verbose && p.keyChannel) out.push(`Product Key Channel: ${p.keyChannel}`);
  out.push(`Partial Product Key: ${p.partialKey}`, `License Status: ${p.status}`);
  if (p.volumeExpiryMinutes !== undefined) out.push(`Volume activation expiration: ${p.volumeExpiryMinutes} minute(s) (${days(p.volumeExpiryMinutes)} day(s))`);
  if (p.graceMinutes !== undefined) out.push(`Time remaining: ${p.graceMinutes} minute(s) (${days(p.graceMinutes)} day(s))`);
  if (p.notificationReason) out.push(`Notification Reason: ${p.notificationReason}.`);
  if (verbose && p.rearm !== undefined) out.push(`Remaining Windows rearm count: ${p.rearm}`, `Remaining SKU rearm count: ${p.rearm}`, 'Trusted time: 3/7/2024 8:14:02 AM');
  if (p.kmsClient) {
    const k = p.kmsClient;
    out.push('', 'Key Management Service client information', `    Client Machine ID (CMID): ${k.cmid}`);
    if (k.kmsName) out.push(k.source === 'registered' ? `    Registered KMS machine name: ${k.kmsName}:${k.port ?? 1688}` : `    KMS machine name from DNS: ${k.kmsName}:${k.port ?? 1688}`);
    else out.push('    DNS auto-discovery: KMS name not available');
    out.push('    KMS machine extended PID: 06401-00206-271-348571-03-1033-17763.0000-0442024', '    Activation interval: 120 minutes', '    Renewal interval: 10080 minutes', '    KMS host caching is enabled');
  }
  if (p.kmsHost) {
    const h = p.kmsHost;
    const total = h.total ?? 412;
    const failed = h.failed ?? 0;
    out.push(
      '',
      'Key Management Service is enabled on this machine',
      `    Current count: ${h.count}`,
      `    Listening on Port: ${h.port ?? 1688}`,
      `    DNS publishing ${h.dnsPublishing === false ? 'disabled' : 'enabled'}`,
      '    KMS priority: Normal',
      '',
      'Key Management Service cumulative requests received from clients',
      `    Total requests received: ${total}`,
      `    Failed requests received: ${failed}`,
      '    Requests with License Status Unlicensed: 0',
      `    Requests with License Status Licensed: ${total - failed}`,
      '    Requests with License Status Initial grace period: 0',
      '    Requests with License Status License expired or Hardware out of tolerance: 0',
      '    Requests with License Status Non-genuine grace period: 0',
      `    Requests with License Status Notification: ${failed}`,
    );
  }
  return out;
}

function jaBlock(p: ProductBlock, verbose: boolean): string[] {
  const out = [`名前: ${p.name}`, `説明: ${p.description}`];
  if (verbose && p.activationId) out.push(`ライセンス認証 ID: ${p.activationId}`, `アプリケーション ID: ${WINDOWS_APP}`, '拡張 PID: 03612-03309-000-000000-03-1041-17763.0000-0652024');
  out.push(`プロダクト キーの一部: ${p.partialKey}`, `ライセンスの状態: ${p.status}`);
  if (p.volumeExpiryMinutes !== undefined) out.push(`ボリューム ライセンス認証の有効期限: ${p.volumeExpiryMinutes} 分 (${days(p.volumeExpiryMinutes)} 日)`);
  if (verbose && p.rearm !== undefined) out.push(`残りの Windows 猶予期限リセット可能回数: ${p.rearm}`, '信頼された時間: 2024/03/07 8:14:02');
  if (p.kmsClient) {
    const k = p.kmsClient;
    out.push('', 'キー管理サービス クライアント情報', `    クライアント コンピューター ID (CMID): ${k.cmid}`);
    if (k.kmsName) out.push(`    DNS の KMS コンピューター名: ${k.kmsName}: ${k.port ?? 1688}`);
    out.push('    KMS コンピューターの拡張 PID: 06401-00206-271-348571-03-1041-17763.0000-0442024', '    ライセンス認証の間隔: 120 分', '    更新間隔: 10080 分', '    KMS ホスト キャッシングが有効です');
  }
  if (p.kmsHost) {
    const h = p.kmsHost;
    const total = h.total ?? 412;
    const failed = h.failed ?? 0;
    out.push(
      '',
      'キー管理サービスはこのコンピュータで有効です',
      `    現在の数: ${h.count}`,
      `    リッスン先のポート: ${h.port ?? 1688}`,
      '    DNS 発行は有効です',
      '    KMS 優先度: 通常',
      '',
      'クライアントから受信したキー管理サービスの累積要求数',
      `    受信した要求の合計数: ${total}`,
      `    受信した失敗要求数: ${failed}`,
      '    ライセンスの状態が "ライセンスされていません" の要求数: 0',
      `    ライセンスの状態が "ライセンスされています" の要求数 ${total - failed}`,
      '    ライセンスの状態が "最初の猶予期間" の要求数: 0',
      '    ライセンスの状態が "ライセンスの期限切れ" または "ハードウェアが許容外" の要求数: 0',
      '    ライセンスの状態が "非正規の猶予期間間" の要求数: 0',
      `    ライセンスの状態が "通知" の要求数: ${failed}`,
    );
  }
  return out;
}

/** slmgr.vbs /dli (verbose=false) or /dlv (verbose=true) for one or more products. */
export function slmgrText(lang: Lang, products: readonly ProductBlock[], verbose = false): string {
  const blocks = products.map((p) => (lang === 'en' ? enBlock(p, verbose) : jaBlock(p, verbose)).join('\r\n'));
  const version = verbose ? (lang === 'en' ? 'Software licensing service version: 10.0.17763.5458\r\n\r\n' : '') : '';
  return (lang === 'en' ? HEADER_EN : '') + version + blocks.join('\r\n\r\n') + '\r\n';
}

/** slmgr.vbs /ato that failed with `code` and Windows' message text for it. */
export function slmgrAtoFailed(productName: string, activationId: string, code: string, text: string): string {
  return `${HEADER_EN}Activating ${productName} (${activationId}) ...\r\nError: ${code} ${text}\r\n`;
}

export function slmgrAtoOk(productName: string, activationId: string): string {
  return `${HEADER_EN}Activating ${productName} (${activationId}) ...\r\nProduct activated successfully.\r\n`;
}
