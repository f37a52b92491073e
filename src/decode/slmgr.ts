// slmgr.vbs output (/dli, /dlv, /xpr, /ato) as cscript prints it → one `license` fact per product,
// plus `slmgr-error` facts for errors printed outside a product. Every line is either used,
// recognised as noise (banner, URLs), or returned in `unknownLines` — nothing is dropped.
import type { SourceRef } from '../types.js';
import type { Fact, KmsClientInfo, KmsHostInfo, LicenseFact, SlmgrErrorFact } from './facts.js';
import { channelFromDescription, keyTypeForChannel } from './channels.js';
import { parseClientTime, parseGuid, parseHostPort } from './fields.js';
import { normalizeHresult } from './hresult.js';
import { editionByActivationId, editionByName } from './products.js';
import { displayWidth, matchLabel, parseTimeZone, readExportTime, type LabelMatch } from '../ingest/index.js';
import { licenseStatusFromText } from './slmgr-status.js';

export interface SlmgrParse {
  facts: Fact[];
  unknownLines: { line: number; text: string }[];
}

/** A physical line after CRLF handling; wrapped lines are joined into one logical line. */
interface Line {
  no: number;
  lastNo: number;
  text: string;
}

/** The console wraps at 80 columns; a line that filled them and is followed by text no label explains is one line. */
const WRAP_WIDTH = 79;

function logicalLines(text: string): Line[] {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const out: Line[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.lastNo === i &&
      t.trim() !== '' &&
      displayWidth(raw[i - 1]) >= WRAP_WIDTH &&
      matchLabel(t) === undefined
    ) {
      prev.text += t;
      prev.lastNo = i + 1;
      continue;
    }
    out.push({ no: i + 1, lastNo: i + 1, text: t });
  }
  return out;
}

function firstInt(s: string): number | undefined {
  const m = /-?\d+/.exec(s.replace(/,(?=\d{3})/g, ''));
  return m ? Number(m[0]) : undefined;
}

function lastInt(s: string): number | undefined {
  const all = s.match(/\d+/g);
  return all ? Number(all[all.length - 1]) : undefined;
}

type Draft = Omit<LicenseFact, 'channel' | 'keyType'> & { keyChannel?: string };

const XPR_STATUS: Record<string, LicenseFact['licenseStatus']> = {
  xprPermanent: 'Licensed',
  xprVolume: 'Licensed',
  xprTimebased: 'Licensed',
  xprAvma: 'Licensed',
  xprInitialGrace: 'OOBGrace',
  xprAdditionalGrace: 'OOTGrace',
  xprNonGenuineGrace: 'NonGenuineGrace',
  xprNotification: 'Notification',
  xprExtendedGrace: 'ExtendedGrace',
};

const REQUEST_STATES: Record<string, string> = {
  requestsUnlicensed: 'Unlicensed',
  requestsLicensed: 'Licensed',
  requestsOOBGrace: 'OOBGrace',
  requestsOOTGrace: 'OOTGrace',
  requestsNonGenuineGrace: 'NonGenuineGrace',
  requestsNotification: 'Notification',
};

/** Parses slmgr output. Never throws; what it cannot place is in `unknownLines`. */
/** Trailing white space, dots and ellipses, cut by walking back (the regex form is quadratic on long blank runs). */
function trimTrailingDots(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s.…]/.test(text[end - 1])) end--;
  return text.slice(0, end);
}

/** "Windows(R), ServerStandard edition (fed62577-…) ..." → "Windows(R), ServerStandard edition". */
function activatingName(rest: string): string {
  let name = trimTrailingDots(rest);
  if (/\([0-9a-f-]{36}\)$/i.test(name.slice(-38))) name = name.slice(0, -38).trimEnd();
  return trimTrailingDots(name);
}

export interface SlmgrParseOptions {
  /** Zone of the machine that printed the text (`--tz`): /xpr prints its dates in local time without one. */
  tz?: string;
}

export function parseSlmgr(text: string, source: SourceRef, options: SlmgrParseOptions = {}): SlmgrParse {
  const zone = options.tz !== undefined ? parseTimeZone(options.tz) : undefined;
  const facts: Fact[] = [];
  const unknownLines: SlmgrParse['unknownLines'] = [];
  let current: Draft | undefined;
  let serviceVersion: string | undefined;
  /** The error fact or product error whose explanation may continue on the next lines. */
  let openError: { append: (t: string) => void } | undefined;
  let lastUnknown: { line: number; text: string } | undefined;

  const finish = (): void => {
    if (!current) return;
    facts.push(finalize(current, serviceVersion));
    current = undefined;
  };

  const start = (name: string, line: Line, form: LicenseFact['form']): Draft => {
    finish();
    current = {
      kind: 'license',
      source: { ...source, line: line.no },
      computer: '',
      time: '',
      name,
      description: '',
      licenseStatus: 'Unknown',
      licenseStatusText: '',
      errors: [],
      form,
      lineStart: line.no,
      lineEnd: line.lastNo,
    };
    return current;
  };

  const ensure = (line: Line): Draft => current ?? start('', line, 'dli');

  const problem = (d: Draft, line: Line, what: string): void => {
    (d.problems ??= []).push(`line ${line.no} (${what})`);
  };

  const kmsClient = (d: Draft): KmsClientInfo => (d.kmsClient ??= { kmsNameSource: 'unknown' });
  const kmsHost = (d: Draft): KmsHostInfo => (d.kmsHost ??= {});
  const requests = (d: Draft): NonNullable<KmsHostInfo['requests']> =>
    (kmsHost(d).requests ??= { total: 0, failed: 0, byState: {} });

  for (const line of logicalLines(text)) {
    const t = line.text.trim();
    if (t === '') {
      openError = undefined;
      continue;
    }
    const m: LabelMatch | undefined = matchLabel(t);
    if (!m) {
      if (openError) {
        openError.append(t);
        if (current) current.lineEnd = line.lastNo;
        continue;
      }
      lastUnknown = { line: line.no, text: line.text.trimEnd() };
      unknownLines.push(lastUnknown);
      continue;
    }
    const { label, rest } = m;
    const key = label.key;
    if (key !== 'slui') openError = undefined;
    if (current && !['name', 'activating', 'banner', 'serviceVersion'].includes(key)) current.lineEnd = line.lastNo;

    if (key in XPR_STATUS) {
      // /xpr prints "<product name>:" and then the status on an indented line.
      let d = current;
      if (lastUnknown && lastUnknown === unknownLines[unknownLines.length - 1] && /[:：]\s*$/.test(lastUnknown.text)) {
        unknownLines.pop();
        d = start(lastUnknown.text.trim().replace(/\s*[:：]\s*$/, ''), { no: lastUnknown.line, lastNo: line.lastNo, text: '' }, 'xpr');
      }
      d ??= ensure(line);
      d.licenseStatus = XPR_STATUS[key];
      d.licenseStatusText = t;
      if (rest) {
        d.expiryText = rest.replace(/\.$/, '');
        // "Volume activation will expire 9/14/2024 1:12:49 AM": the same end the /dli minutes give, as a date.
        const end = readExportTime(d.expiryText, zone);
        if (end) {
          d.expiresAt = end.iso;
          if (end.isLocal) d.expiresAtIsLocal = true;
        }
      }
      d.lineEnd = line.lastNo;
      lastUnknown = undefined;
      continue;
    }
    lastUnknown = undefined;

    switch (key) {
      case 'banner':
      case 'url':
      case 'mostRecent':
      case 'pleaseActivate':
      case 'undeterminedKey':
        if (key === 'url' && current) (current.other ??= {})[label.text.replace(/[:：]\s*$/, '')] = rest;
        break;
      case 'serviceVersion':
        serviceVersion = rest;
        break;
      case 'name':
        start(rest, line, 'dli');
        break;
      case 'activating': {
        // "Activating Windows(R), ServerStandard edition (fed62577-…) ..."
        const id = /\(([0-9a-f-]{36})\)/i.exec(rest);
        const name = activatingName(rest);
        const d = start(name, line, 'ato');
        if (id) d.activationId = id[1].toLowerCase();
        break;
      }
      case 'activated': {
        const d = current ?? start('', line, 'ato');
        d.activation = 'succeeded';
        if (d.licenseStatus === 'Unknown') d.licenseStatus = 'Licensed';
        d.lineEnd = line.lastNo;
        break;
      }
      case 'activationFailed': {
        const d = current ?? start('', line, 'ato');
        d.activation = 'failed';
        d.lineEnd = line.lastNo;
        break;
      }
      case 'errorLine':
      case 'productKeyNotFound':
      case 'nonGenuineGraceAto':
      case 'nonGenuineNotificationAto': {
        const codeText = /^(0x[0-9a-f]{1,8}|[0-9a-f]{8})\b/i.exec(rest)?.[1];
        const code = codeText ? normalizeHresult(codeText) : undefined;
        if (current && current.form === 'ato' && current.activation !== 'succeeded') {
          const d = current;
          if (code) d.errors.push(code);
          d.activation = 'failed';
          openError = { append: () => undefined };
          break;
        }
        const err: SlmgrErrorFact = {
          kind: 'slmgr-error',
          source: { ...source, line: line.no },
          computer: '',
          time: '',
          text: key === 'errorLine' ? rest : t,
          line: line.no,
        };
        if (code) err.code = code;
        if (current?.name) err.nearProduct = current.name;
        facts.push(err);
        openError = { append: (more) => (err.text += ' ' + more) };
        break;
      }
      case 'slui':
        // "run 'slui.exe 0x2a 0x…' to display the error text" belongs to the error above it.
        if (openError) openError.append(t);
        break;
      case 'description': {
        const d = ensure(line);
        d.description = rest;
        break;
      }
      case 'activationId': {
        const d = ensure(line);
        const id = parseGuid(rest);
        if (id) d.activationId = id;
        else problem(d, line, `activation id ${JSON.stringify(rest)} is not a GUID`);
        break;
      }
      case 'applicationId': {
        const d = ensure(line);
        const id = parseGuid(rest);
        if (id) d.applicationId = id;
        else problem(d, line, `application id ${JSON.stringify(rest)} is not a GUID`);
        break;
      }
      case 'extendedPid':
        ensure(line).extendedPid = rest;
        break;
      case 'keyChannel':
        ensure(line).keyChannel = rest;
        break;
      case 'installationId':
        (ensure(line).other ??= {})['Installation ID'] = rest;
        break;
      case 'partialKey': {
        const d = ensure(line);
        if (/^[0-9A-Z]{5}$/i.test(rest)) d.partialKey = rest.toUpperCase();
        else problem(d, line, `partial key ${JSON.stringify(rest)} is not five key characters`);
        break;
      }
      case 'licenseNotInUse':
        ensure(line).notInUse = true;
        break;
      case 'licenseStatus': {
        const d = ensure(line);
        d.licenseStatusText = rest;
        d.licenseStatus = licenseStatusFromText(rest);
        if (d.licenseStatus === 'Unknown' && !/^unknown$/i.test(rest)) problem(d, line, `license status ${JSON.stringify(rest)} is not one we know`);
        break;
      }
      case 'volumeExpiry':
      case 'timebasedExpiry':
      case 'avmaExpiry': {
        const d = ensure(line);
        const n = firstInt(rest);
        if (n !== undefined) d.volumeExpiryMinutes = n;
        else problem(d, line, `expiry ${JSON.stringify(rest)} has no minutes`);
        break;
      }
      case 'timeRemaining': {
        const d = ensure(line);
        const n = firstInt(rest);
        if (n !== undefined) d.graceMinutes = n;
        else problem(d, line, `time remaining ${JSON.stringify(rest)} has no minutes`);
        break;
      }
      case 'notificationReason': {
        const d = ensure(line);
        const code = normalizeHresult(/0x[0-9a-f]{1,8}/i.exec(rest)?.[0] ?? '');
        if (code) d.notificationReason = code;
        else problem(d, line, `notification reason ${JSON.stringify(rest)} is not an HRESULT`);
        break;
      }
      case 'evaluationEnd': {
        const d = ensure(line);
        d.evaluationEnd = parseClientTime(rest) ?? rest;
        break;
      }
      case 'trustedTime': {
        const d = ensure(line);
        d.trustedTime = parseClientTime(rest) ?? rest;
        break;
      }
      case 'rearmWindows':
      case 'rearmApp':
      case 'rearmSku': {
        const d = ensure(line);
        const n = firstInt(rest);
        if (n === undefined) problem(d, line, `rearm count ${JSON.stringify(rest)} is not a number`);
        else if (key === 'rearmSku') d.skuRearmCount = n;
        else d.rearmCount = n;
        break;
      }
      case 'kmsClientHeader':
        kmsClient(ensure(line));
        break;
      case 'activationType':
        kmsClient(ensure(line)).activationType = rest;
        break;
      case 'cmid': {
        const d = ensure(line);
        const id = parseGuid(rest);
        if (id) kmsClient(d).cmid = id;
        else problem(d, line, `CMID ${JSON.stringify(rest)} is not a GUID`);
        break;
      }
      case 'kmsFromDns':
      case 'kmsRegistered': {
        const d = ensure(line);
        const c = kmsClient(d);
        const hp = parseHostPort(rest);
        c.kmsNameSource = key === 'kmsFromDns' ? 'dns' : 'registered';
        if (hp) {
          c.kmsName = hp.host;
          if (hp.port !== undefined) c.kmsPort = hp.port;
        } else problem(d, line, `KMS name ${JSON.stringify(rest)} is not host:port`);
        break;
      }
      case 'kmsDnsUnavailable': {
        const c = kmsClient(ensure(line));
        if (c.kmsNameSource === 'unknown') c.kmsNameSource = 'dns';
        break;
      }
      case 'skmsOverride':
        kmsClient(ensure(line)).kmsNameSource = 'registered';
        break;
      case 'kmsLookupDomain':
        kmsClient(ensure(line)).lookupDomain = rest;
        break;
      case 'kmsIp':
        kmsClient(ensure(line)).kmsIp = rest;
        break;
      case 'kmsIpUnavailable':
        kmsClient(ensure(line));
        break;
      case 'kmsPid':
        kmsClient(ensure(line)).kmsPid = rest;
        break;
      case 'activationInterval':
      case 'renewalInterval': {
        const d = ensure(line);
        const n = firstInt(rest);
        if (n === undefined) problem(d, line, `${key === 'activationInterval' ? 'activation' : 'renewal'} interval ${JSON.stringify(rest)} is not a number`);
        else kmsClient(d)[key] = n;
        break;
      }
      case 'hostCachingEnabled':
      case 'hostCachingDisabled':
        kmsClient(ensure(line)).hostCaching = key === 'hostCachingEnabled';
        break;
      case 'kmsHostHeader':
        kmsHost(ensure(line));
        break;
      case 'currentCount':
      case 'listeningPort': {
        const d = ensure(line);
        const n = firstInt(rest);
        if (n === undefined) problem(d, line, `${key === 'currentCount' ? 'current count' : 'listening port'} ${JSON.stringify(rest)} is not a number`);
        else kmsHost(d)[key] = n;
        break;
      }
      case 'dnsPublishingEnabled':
      case 'dnsPublishingDisabled':
        kmsHost(ensure(line)).dnsPublishing = key === 'dnsPublishingEnabled';
        break;
      case 'priorityNormal':
      case 'priorityLow':
        kmsHost(ensure(line)).priority = key === 'priorityNormal' ? 'Normal' : 'Low';
        break;
      case 'requestsHeader':
        requests(ensure(line));
        break;
      case 'requestsTotal':
      case 'requestsFailed': {
        const d = ensure(line);
        const n = lastInt(rest);
        if (n === undefined) problem(d, line, `request count ${JSON.stringify(rest)} is not a number`);
        else requests(d)[key === 'requestsTotal' ? 'total' : 'failed'] = n;
        break;
      }
      case 'adInfo':
      case 'tkaInfo':
      case 'avmaInfo':
        (ensure(line).other ??= {})[label.text.replace(/[:：]\s*$/, '')] = rest;
        break;
      default: {
        const state = REQUEST_STATES[key];
        if (state) {
          const d = ensure(line);
          const n = lastInt(rest);
          if (n === undefined) problem(d, line, `request count ${JSON.stringify(rest)} is not a number`);
          else requests(d).byState[state] = n;
        } else {
          unknownLines.push({ line: line.no, text: line.text.trimEnd() });
        }
      }
    }
  }
  finish();
  return { facts, unknownLines };
}

function finalize(d: Draft, serviceVersion: string | undefined): LicenseFact {
  const { keyChannel, ...rest } = d;
  const channel = channelFromDescription(d.description) ?? '';
  const keyType = keyChannel || (channel ? keyTypeForChannel(channel) : 'Unknown');
  const fact: LicenseFact = { ...rest, channel, keyType };
  // /dlv adds ids, PIDs, rearm counts and trusted time to what /dli prints.
  const verbose = d.applicationId || d.extendedPid || d.rearmCount !== undefined || d.trustedTime || d.serviceVersion;
  if (fact.form === 'dli' && verbose) fact.form = 'dlv';
  if (serviceVersion) fact.serviceVersion = serviceVersion;
  const edition = (d.activationId ? editionByActivationId(d.activationId) : undefined) ?? (d.name ? editionByName(d.name) : undefined);
  if (edition) {
    fact.edition = edition.edition;
    fact.family = edition.family;
    if (!fact.applicationId) fact.applicationId = edition.applicationId;
  }
  return fact;
}
