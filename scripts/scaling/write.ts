// Small writers the scaling shapes share: event exports written in batches (a 4N input can be 150 MB, so no
// shape builds a whole file in one string), deterministic names, CMIDs and times, and the text forms Windows
// tools print (Event Viewer CSV, wevtutil /f:text, PowerShell Format-List) in the layout of
// fixtures/text-forms/ (whose README names the real renderings they follow).
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { wevtutilXml, type EventSpec } from '../../test/helpers/activation-exports.js';

export const DOMAIN = 'corp.contoso.com';
export const HOST = `kms01.${DOMAIN}`;
export const START = Date.UTC(2024, 0, 1);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const iso = (ms: number): string => new Date(ms).toISOString();
export const pad = (n: number, width: number): string => String(n).padStart(width, '0');
/** A CMID that differs by `i` in both ends, as CMIDs of distinct machines do. */
export const cmidOf = (i: number): string => `${i.toString(16).padStart(8, '0')}-1b2a-4c3d-8e4f-${(i * 7919).toString(16).padStart(12, '0').slice(-12)}`;

/** Writes `text` to dir/rel, creating folders. */
export function writeText(dir: string, rel: string, text: string | Buffer): void {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Appends pieces to one file as they come, so a large export is never one string. */
export class Appender {
  private readonly fd: number;
  private pending: string[] = [];
  private size = 0;

  constructor(dir: string, rel: string) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, 'w');
  }

  write(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.pending.length) writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** `wevtutil qe <log> /f:xml > file`: rootless, one event per line; events are written 2,000 at a time. */
export function writeWevtutil(dir: string, rel: string, events: Iterable<EventSpec>): void {
  const out = new Appender(dir, rel);
  let batch: EventSpec[] = [];
  for (const e of events) {
    batch.push(e);
    if (batch.length === 2000) {
      out.write(wevtutilXml(batch));
      batch = [];
    }
  }
  if (batch.length) out.write(wevtutilXml(batch));
  out.close();
}

/** Event Viewer's en-US local time as its CSV export prints it ("3/5/2024 4:12:04 AM"); the bench reads it as UTC. */
export function eventViewerTime(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)} ${h < 12 ? 'AM' : 'PM'}`;
}

export interface TextEvent {
  id: number;
  at: number;
  provider: string;
  message: string;
  computer?: string;
  record?: number;
}

const csvQuote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Event Viewer "Save All Events As… CSV": five named columns and the message, newest first, CRLF, UTF-8 BOM. */
export function writeEventViewerCsv(dir: string, rel: string, newestFirst: Iterable<TextEvent>): void {
  const out = new Appender(dir, rel);
  out.write('\uFEFFLevel,Date and Time,Source,Event ID,Task Category\r\n');
  for (const e of newestFirst) {
    out.write(`Information,${eventViewerTime(e.at)},${e.provider},${e.id},None,${csvQuote(e.message.replace(/\n/g, '\r\n'))}\r\n`);
  }
  out.close();
}

/** `wevtutil qe Application /f:text`: Event[N] blocks, two-space indented labels, the message after Description. */
export function writeWevtutilText(dir: string, rel: string, events: Iterable<TextEvent>): void {
  const out = new Appender(dir, rel);
  let n = 0;
  for (const e of events) {
    out.write(
      `Event[${n++}]:\r\n  Log Name: Application\r\n  Source: ${e.provider}\r\n  Date: ${iso(e.at).slice(0, 23)}\r\n  Event ID: ${e.id}\r\n` +
        `  Task: N/A\r\n  Level: Information\r\n  Opcode: Info\r\n  Keyword: Classic\r\n  User: N/A\r\n  User Name: N/A\r\n` +
        `  Computer: ${e.computer ?? ''}\r\n  Description: \r\n${e.message.replace(/\n/g, '\r\n')}\r\n\r\n`,
    );
  }
  out.close();
}

export const SPP = 'Microsoft-Windows-Security-SPP';
export const REQUEST_TEXT = 'The client has sent an activation request to the key management service machine.';
export const RESPONSE_TEXT = 'The client has processed an activation response from the key management service machine.';
