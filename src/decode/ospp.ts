// ospp.vbs output (Office's counterpart of slmgr.vbs), as cscript prints it and people paste it: with or without
// the cscript banner, the ---Processing--- / ---Exiting--- frames and the prompt line. Every line is used, known
// as noise (frames, banner, hints), or returned in `unknown`: a line is never glued to a value.
//
// The parser works on a block of numbered lines, so a console transcript holding several commands can hand it
// the ospp part with the whole file's line numbers; `parseOspp` reads a whole document.
import type { SourceRef } from '../types.js';
import type { Fact, LicensingServiceFact, SlmgrErrorFact } from './facts.js';
import { parseGuid } from './fields.js';
import { normalizeHresult } from './hresult.js';
import type { NumberedLine } from './network/lines.js';
import { OsppProduct, PRODUCT_KEYS } from './ospp-product.js';
import { displayWidth, matchOsppLine, parseTimeZone, type TimeZone } from '../ingest/index.js';

export interface OsppParse {
  facts: Fact[];
  unknown: NumberedLine[];
  /** What was recognised but not read (the /dhistorykms listing), said why. */
  notes: string[];
}

export interface OsppOptions {
  /** Zone of the machine that printed the text (`--tz`): BETA EXPIRATION is local time. */
  tz?: string;
  /** The ospp command that printed the lines ('/act', '/inpkey'), when a prompt line outside them said so. */
  command?: string;
}

/** "C:\…>cscript //nologo ospp.vbs /act", "PS C:\…> cscript "…\OSPP.VBS" /inpkey:XXXXX-…": the ospp command. */
const PROMPT = /^\s*(?:PS(?:\s+[^>]*)?>|[A-Za-z]:\\[^>]*>)\s*(?:cscript(?:\.exe)?\s+)?(?:\/\/nologo\s+)?[^>]*?ospp\.vbs\\?"?\s*(\/[a-z-]+)?/i;

/** Longer than any line ospp prints: kept as an unknown line (shortened) without running the patterns over it. */
export const MAX_LINE_CHARS = 4096;

/** The console wraps at 80 columns; only ERROR DESCRIPTION (ospp's own wording, which we do not read) runs on. */
export const WRAP_WIDTH = 79;

const NOISE = new Set(['processing', 'banner', 'settingApplied', 'keyInstalled', 'keyUninstalled', 'uninstallingKey', 'noKeys', 'keyNotFound', 'noLicenses', 'noKmsLicenses', 'unsupported', 'errorCodeValue', 'installationId']);

export function osppLines(text: string): NumberedLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((t, i) => ({ no: i + 1, text: t }));
}

export function parseOspp(text: string, source: SourceRef, options: OsppOptions = {}): OsppParse {
  return parseOsppLines(osppLines(text), source, options);
}

export function parseOsppLines(lines: readonly NumberedLine[], source: SourceRef, options: OsppOptions = {}): OsppParse {
  const zone: TimeZone | undefined = options.tz !== undefined ? parseTimeZone(options.tz) : undefined;
  const out: OsppParse = { facts: [], unknown: [], notes: [] };
  let product: OsppProduct | undefined;
  let lone: SlmgrErrorFact | undefined;
  let command: string | undefined = options.command?.toLowerCase();
  /** Inside a /dhistorykms or /dhistoryacterr listing: recognised, not read. */
  let history: { command: string; line: number } | undefined;
  /** The value that may continue on the next line: the previous line filled the console. */
  let runsOn = false;

  const finish = (): void => {
    if (product) {
      const fact = product.toFact(source);
      if (typeof fact === 'string') out.notes.push(`line ${product.firstLine}: ${fact}`);
      else out.facts.push(fact);
    }
    product = undefined;
    lone = undefined;
  };

  for (const line of lines) {
    const text = line.text;
    if (text.trim() === '') {
      runsOn = false;
      continue;
    }
    if (text.length > MAX_LINE_CHARS) {
      out.unknown.push({ no: line.no, text: `${text.slice(0, 200)}… (${text.length} characters)` });
      runsOn = false;
      continue;
    }
    const prompt = PROMPT.exec(text);
    if (prompt) {
      finish();
      history = undefined;
      command = prompt[1]?.toLowerCase();
      runsOn = false;
      continue;
    }
    const m = matchOsppLine(text);
    if (history) {
      if (m?.key === 'exiting' || m?.key === 'processing' || m?.key === 'banner') history = undefined;
      else if (m?.key === 'noHistoryKms' || m?.key === 'noHistoryActErr') {
        out.notes.push(noEventsNote(m.key, m.rest, line.no));
        continue;
      } else {
        out.unknown.push(line);
        continue;
      }
    }
    if (!m) {
      if (runsOn) continue;
      out.unknown.push(line);
      continue;
    }
    runsOn = m.key === 'errorDescription' && displayWidth(text) >= WRAP_WIDTH;
    if (NOISE.has(m.key)) continue;
    switch (m.key) {
      case 'separator':
      case 'exiting':
        finish();
        break;
      case 'actAttempt':
      case 'tokenActAttempt':
        finish();
        product = new OsppProduct('ospp-act', line.no, zone);
        break;
      case 'historyKms':
      case 'historyActErr': {
        finish();
        const name = m.key === 'historyKms' ? '/dhistorykms' : '/dhistoryacterr';
        history = { command: name, line: line.no };
        out.unknown.push(line);
        out.notes.push(`line ${line.no}: ospp.vbs ${name} output is recognised but not read yet; export the Application log (Event Viewer or wevtutil epl) for the same events`);
        break;
      }
      case 'noHistoryKms':
      case 'noHistoryActErr':
        out.notes.push(noEventsNote(m.key, m.rest, line.no));
        break;
      case 'cmid': {
        finish();
        const cmid = parseGuid(m.rest);
        if (cmid) out.facts.push(cmidFact(cmid, line.no, source));
        else out.unknown.push(line);
        break;
      }
      case 'errorCode':
      case 'errorDescription':
        if (product) product.take(m.key, m.rest, line.no);
        else lone = loneError(m.key, m.rest, line, lone, out, source, command);
        break;
      default:
        if (!PRODUCT_KEYS.has(m.key)) {
          out.unknown.push(line);
          break;
        }
        product = blockFor(m.key, product, line.no, command, zone, finish);
        product.take(m.key, m.rest, line.no);
    }
  }
  finish();
  return out;
}

/** The block a product line belongs to: the open one, or a new one when the line names another product. */
function blockFor(key: string, open: OsppProduct | undefined, line: number, command: string | undefined, zone: TimeZone | undefined, finish: () => void): OsppProduct {
  const startsAnother = open && ((key === 'skuId' && open.hasSku()) || (key === 'productId' && (open.hasProductId() || open.hasSku())));
  if (open && !startsAnother) return open;
  finish();
  return new OsppProduct(command === '/act' ? 'ospp-act' : 'ospp-status', line, zone);
}

/** ERROR CODE / ERROR DESCRIPTION with no product around them: /inpkey, /sethst, /ddescr and the like. */
function loneError(
  key: string,
  rest: string,
  line: NumberedLine,
  open: SlmgrErrorFact | undefined,
  out: OsppParse,
  source: SourceRef,
  command: string | undefined,
): SlmgrErrorFact | undefined {
  if (key === 'errorDescription') {
    // The wording is ospp's; only a stub pointing at /ddescr is dropped as carrying nothing.
    if (open && !/^Run the following:/i.test(rest) && !/^Not available\.?$/i.test(rest)) open.text = rest;
    return open;
  }
  const code = normalizeHresult(/^(0x[0-9a-f]{1,8})\b/i.exec(rest)?.[1] ?? '');
  if (!code) {
    out.unknown.push(line);
    return undefined;
  }
  const fact: SlmgrErrorFact = { kind: 'slmgr-error', tool: 'ospp', source: { ...source, line: line.no }, computer: '', time: '', code, text: '', line: line.no };
  if (command) fact.command = command.replace(/^\//, '');
  out.facts.push(fact);
  return fact;
}

function noEventsNote(key: string, machine: string, line: number): string {
  const what = key === 'noHistoryKms' ? 'KMS activation (12288)' : 'Internet activation failure (8200)';
  return `line ${line}: ospp.vbs found no ${what} events on ${machine || 'the machine'}`;
}

function cmidFact(cmid: string, line: number, source: SourceRef): LicensingServiceFact {
  return { kind: 'licensing-service', form: 'ospp-dcmid', source: { ...source, line }, computer: '', time: '', cmid, line };
}
