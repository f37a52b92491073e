// What each slmgr label means: label key (data/slmgr/<lang>.tsv) → what its value sets. A table, so adding a
// label is a row here and a row per language there; the reader (reader.ts) only walks lines.
import { codeAtStart, type Label } from '../../ingest/index.js';
import type { Fact, LicenseFact } from '../facts.js';
import type { SourceRef } from '../../types.js';
import { parseClientTime, parseGuid, parseHostPort } from '../fields.js';
import { normalizeHresult } from '../hresult.js';
import { editionByGvlk } from '../products.js';
import { kmsClient, kmsHost, problem, requests, type Draft, type Line } from './draft.js';
import { licenseStatusFromText } from './status.js';

/** What a field handler may do to the reader it runs in. */
export interface SlmgrState {
  /** The product block being read, if any. */
  readonly current: Draft | undefined;
  /** The product block being read, or a new one without a name. */
  ensure(line: Line): Draft;
  /** Ends the block being read and begins another. */
  start(name: string, line: Line, form: LicenseFact['form']): Draft;
  setServiceVersion(version: string): void;
  /** An error line: the /ato block's outcome, or an error fact of its own. */
  error(text: string, line: Line, code: string | undefined): void;
  /** Text that continues the error above ("run 'slui.exe 0x2a …'"). */
  continueError(text: string): void;
  /** A fact of its own (an installed key, a KMS name set). */
  add(fact: Fact): void;
  readonly file: SourceRef;
}

export type Field = (s: SlmgrState, rest: string, line: Line, label: Label) => void;

function firstInt(s: string): number | undefined {
  const m = /-?\d+/.exec(s.replace(/,(?=\d{3})/g, ''));
  return m ? Number(m[0]) : undefined;
}

function lastInt(s: string): number | undefined {
  const all = s.match(/\d+/g);
  return all ? Number(all[all.length - 1]) : undefined;
}

/** Trailing white space, dots and ellipses, cut by walking back (the regex form is quadratic on long blank runs). */
export function trimTrailingDots(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s.…。]/.test(text[end - 1])) end--;
  return text.slice(0, end);
}

/** "Windows(R), ServerStandard edition (fed62577-…) ..." → "Windows(R), ServerStandard edition". */
function activatingName(rest: string): string {
  let name = trimTrailingDots(rest);
  if (/\([0-9a-f-]{36}\)$/i.test(name.slice(-38))) name = name.slice(0, -38).trimEnd();
  return trimTrailingDots(name);
}

const guidField =
  (set: (d: Draft, id: string) => void, what: string): Field =>
  (s, rest, line) => {
    const d = s.ensure(line);
    const id = parseGuid(rest);
    if (id) set(d, id);
    else problem(d, line, `${what} ${JSON.stringify(rest)} is not a GUID`);
  };

const numberField =
  (set: (d: Draft, n: number) => void, what: string, read: (s: string) => number | undefined = firstInt, fault = 'is not a number'): Field =>
  (s, rest, line) => {
    const d = s.ensure(line);
    const n = read(rest);
    if (n !== undefined) set(d, n);
    else problem(d, line, `${what} ${JSON.stringify(rest)} ${fault}`);
  };

const other: Field = (s, rest, line, label) => {
  (s.ensure(line).other ??= {})[label.text.replace(/[:：]\s*$/, '')] = rest;
};

const noise: Field = () => undefined;

const wholeLineError: Field = (s, _rest, line) => s.error(line.text.trim(), line, undefined);

const REQUEST_STATES: Record<string, string> = {
  requestsUnlicensed: 'Unlicensed',
  requestsLicensed: 'Licensed',
  requestsOOBGrace: 'OOBGrace',
  requestsOOTGrace: 'OOTGrace',
  requestsNonGenuineGrace: 'NonGenuineGrace',
  requestsNotification: 'Notification',
};

const KEY = /\b([0-9A-Z]{5}(?:-[0-9A-Z]{5}){4})\b/i;

export const FIELDS: Readonly<Record<string, Field>> = {
  banner: noise,
  mostRecent: noise,
  pleaseActivate: noise,
  undeterminedKey: noise,
  url: (s, rest, line, label) => {
    if (s.current) other(s, rest, line, label);
  },
  serviceVersion: (s, rest) => s.setServiceVersion(rest),
  name: (s, rest, line) => void s.start(rest, line, 'dli'),
  activating: (s, rest, line) => {
    // "Activating Windows(R), ServerStandard edition (fed62577-…) ..."
    const id = /\(([0-9a-f-]{36})\)/i.exec(rest);
    const d = s.start(activatingName(rest), line, 'ato');
    if (id) d.activationId = id[1]!.toLowerCase();
  },
  activated: (s, _rest, line) => {
    const d = s.current ?? s.start('', line, 'ato');
    d.activation = 'succeeded';
    if (d.licenseStatus === 'Unknown') d.licenseStatus = 'Licensed';
    d.lineEnd = line.lastNo;
  },
  activationFailed: (s, _rest, line) => {
    const d = s.current ?? s.start('', line, 'ato');
    d.activation = 'failed';
    d.lineEnd = line.lastNo;
  },
  errorLine: (s, rest, line) => s.error(rest, line, codeOf(rest)),
  productKeyNotFound: wholeLineError,
  nonGenuineGraceAto: wholeLineError,
  nonGenuineNotificationAto: wholeLineError,
  // "run 'slui.exe 0x2a 0x…' to display the error text" belongs to the error above it.
  slui: (s, rest, _line, label) => s.continueError(`${label.text} ${rest}`.trim()),
  description: (s, rest, line) => void (s.ensure(line).description = rest),
  activationId: guidField((d, id) => (d.activationId = id), 'activation id'),
  applicationId: guidField((d, id) => (d.applicationId = id), 'application id'),
  extendedPid: (s, rest, line) => void (s.ensure(line).extendedPid = rest),
  keyChannel: (s, rest, line) => void (s.ensure(line).keyChannel = rest),
  installationId: (s, rest, line) => void ((s.ensure(line).other ??= {})['Installation ID'] = rest),
  partialKey: (s, rest, line) => {
    const d = s.ensure(line);
    if (/^[0-9A-Z]{5}$/i.test(rest)) d.partialKey = rest.toUpperCase();
    else problem(d, line, `partial key ${JSON.stringify(rest)} is not five key characters`);
  },
  licenseNotInUse: (s, _rest, line) => void (s.ensure(line).notInUse = true),
  licenseStatus: (s, rest, line) => {
    const d = s.ensure(line);
    d.licenseStatusText = rest;
    d.licenseStatus = licenseStatusFromText(rest);
    if (d.licenseStatus === 'Unknown' && !/^unknown$/i.test(rest)) problem(d, line, `license status ${JSON.stringify(rest)} is not one we know`);
  },
  volumeExpiry: numberField((d, n) => (d.volumeExpiryMinutes = n), 'expiry', firstInt, 'has no minutes'),
  timebasedExpiry: numberField((d, n) => (d.volumeExpiryMinutes = n), 'expiry', firstInt, 'has no minutes'),
  avmaExpiry: numberField((d, n) => (d.volumeExpiryMinutes = n), 'expiry', firstInt, 'has no minutes'),
  timeRemaining: numberField((d, n) => (d.graceMinutes = n), 'time remaining', firstInt, 'has no minutes'),
  notificationReason: (s, rest, line) => {
    const d = s.ensure(line);
    const code = normalizeHresult(/0x[0-9a-f]{1,8}/i.exec(rest)?.[0] ?? '');
    if (code) d.notificationReason = code;
    else problem(d, line, `notification reason ${JSON.stringify(rest)} is not an HRESULT`);
  },
  evaluationEnd: (s, rest, line) => void (s.ensure(line).evaluationEnd = parseClientTime(rest) ?? rest),
  trustedTime: (s, rest, line) => void (s.ensure(line).trustedTime = parseClientTime(rest) ?? rest),
  rearmWindows: numberField((d, n) => (d.rearmCount = n), 'rearm count'),
  rearmApp: numberField((d, n) => (d.rearmCount = n), 'rearm count'),
  rearmSku: numberField((d, n) => (d.skuRearmCount = n), 'rearm count'),
  kmsClientHeader: (s, _rest, line) => void kmsClient(s.ensure(line)),
  activationType: (s, rest, line) => void (kmsClient(s.ensure(line)).activationType = rest),
  cmid: (s, rest, line) => {
    const d = s.ensure(line);
    const id = parseGuid(rest);
    if (id) kmsClient(d).cmid = id;
    else problem(d, line, `CMID ${JSON.stringify(rest)} is not a GUID`);
  },
  kmsFromDns: kmsName('dns'),
  kmsRegistered: kmsName('registered'),
  kmsDnsUnavailable: (s, _rest, line) => {
    const c = kmsClient(s.ensure(line));
    if (c.kmsNameSource === 'unknown') c.kmsNameSource = 'dns';
  },
  skmsOverride: (s, _rest, line) => void (kmsClient(s.ensure(line)).kmsNameSource = 'registered'),
  kmsLookupDomain: (s, rest, line) => void (kmsClient(s.ensure(line)).lookupDomain = rest),
  kmsIp: (s, rest, line) => void (kmsClient(s.ensure(line)).kmsIp = rest),
  kmsIpUnavailable: (s, _rest, line) => void kmsClient(s.ensure(line)),
  kmsPid: (s, rest, line) => void (kmsClient(s.ensure(line)).kmsPid = rest),
  activationInterval: numberField((d, n) => (kmsClient(d).activationInterval = n), 'activation interval'),
  renewalInterval: numberField((d, n) => (kmsClient(d).renewalInterval = n), 'renewal interval'),
  hostCachingEnabled: (s, _rest, line) => void (kmsClient(s.ensure(line)).hostCaching = true),
  hostCachingDisabled: (s, _rest, line) => void (kmsClient(s.ensure(line)).hostCaching = false),
  kmsHostHeader: (s, _rest, line) => void kmsHost(s.ensure(line)),
  currentCount: numberField((d, n) => (kmsHost(d).currentCount = n), 'current count'),
  listeningPort: numberField((d, n) => (kmsHost(d).listeningPort = n), 'listening port'),
  dnsPublishingEnabled: (s, _rest, line) => void (kmsHost(s.ensure(line)).dnsPublishing = true),
  dnsPublishingDisabled: (s, _rest, line) => void (kmsHost(s.ensure(line)).dnsPublishing = false),
  priorityNormal: (s, _rest, line) => void (kmsHost(s.ensure(line)).priority = 'Normal'),
  priorityLow: (s, _rest, line) => void (kmsHost(s.ensure(line)).priority = 'Low'),
  requestsHeader: (s, _rest, line) => void requests(s.ensure(line)),
  requestsTotal: numberField((d, n) => (requests(d).total = n), 'request count', lastInt),
  requestsFailed: numberField((d, n) => (requests(d).failed = n), 'request count', lastInt),
  ...Object.fromEntries(Object.entries(REQUEST_STATES).map(([key, state]) => [key, numberField((d, n) => (requests(d).byState[state] = n), 'request count', lastInt)])),
  adInfo: other,
  tkaInfo: other,
  avmaInfo: other,
  keyInstalled: (s, rest, line) => {
    // "Installed product key M7XTQ-FN8P6-TTKYV-9D4CC-J462D successfully."
    const key = KEY.exec(rest)?.[1]?.toUpperCase();
    if (!key) {
      s.error(line.text.trim(), line, undefined);
      return;
    }
    const gvlk = editionByGvlk(key);
    s.add({
      kind: 'key-installed',
      source: { ...s.file, line: line.no },
      computer: '',
      time: '',
      partialKey: key.slice(-5),
      ...(gvlk ? { gvlkFor: gvlk.edition, family: gvlk.family } : {}),
      line: line.no,
    });
  },
  kmsNameSet: (s, rest, line) => {
    // "Key Management Service machine name set to kms.shuax.com successfully." (also host:port, [ipv6]:port)
    const name = rest.replace(/\s+successfully\.?\s*$/i, '').trim();
    const hp = parseHostPort(name);
    s.add({ kind: 'kms-host-set', source: { ...s.file, line: line.no }, computer: '', time: '', host: hp?.host ?? name, ...(hp?.port !== undefined ? { port: hp.port } : {}), line: line.no });
  },
  kmsNameCleared: noise,
};

function kmsName(source: 'dns' | 'registered'): Field {
  return (s, rest, line) => {
    const d = s.ensure(line);
    const c = kmsClient(d);
    const hp = parseHostPort(rest);
    c.kmsNameSource = source;
    if (hp) {
      c.kmsName = hp.host;
      if (hp.port !== undefined) c.kmsPort = hp.port;
    } else problem(d, line, `KMS name ${JSON.stringify(rest)} is not host:port`);
  };
}

/** The HRESULT an error text opens with, normalized ("0xC004F074软件授权…" too: the message box runs them together). */
export function codeOf(rest: string): string | undefined {
  const text = codeAtStart(rest);
  return text ? normalizeHresult(text) : undefined;
}
