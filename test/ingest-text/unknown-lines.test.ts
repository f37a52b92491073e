// Issue 21 point 4: a reader never invents a fact from a line it does not know. For every line-based text
// reader, inserting lines no format knows, anywhere its grammar does not take a line as part of a value, changes
// no decoded fact (beyond the line numbers they shift) and adds exactly those lines to what the report lists as not
// understood (unknown lines, or a rejection at that line).
//
// Positions a grammar does take as part of a value are left out, per reader, and say why: a free-text message
// (Event Viewer's description, wevtutil's Description), a value the console wrapped at 80 columns (slmgr, ospp's
// ERROR DESCRIPTION), the lines an slmgr error's explanation runs on, between slmgr /xpr's product name and its status, the inside of a quoted CSV field, the line
// before a CSV header or between a table's header and its dashes (a header must come first), inside slui's dialog
// text, a sentence after the Settings page's fields (its message), between the two lines the sniffer knows an
// output by (nslookup's Server and Address). JSON is not line
// based: a foreign line makes it no JSON, and the file is rejected, as it should be.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/read/index.js';
import { decodeText, detectEncoding, sniffFormat, type InputKind } from '../../src/ingest/index.js';
import { displayWidth } from '../../src/ingest/text/powershell-list.js';

const LINE_KINDS: readonly InputKind[] = [
  'slmgr', 'ospp', 'text-network', 'text-paste', 'wmi-list', 'wmi-table', 'wmi-csv', 'text-wevtutil', 'text-eventviewer', 'text-powershell-list',
  'csv-eventviewer', 'tsv-eventviewer', 'csv-powershell',
];

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'hostile' && name !== 'src') files(full, out);
    } else if (/\.(txt|csv|tsv)$/i.test(name)) out.push(full);
  }
  return out;
}

async function textOf(bytes: Buffer): Promise<string> {
  const parts: string[] = [];
  for await (const t of decodeText(Readable.from([bytes]), detectEncoding(bytes))) parts.push(t);
  return parts.join('');
}

/** Every text fixture, as text, by the reader the sniffer gives it. */
const byKind = new Map<InputKind, Array<{ file: string; lines: string[] }>>();
for (const file of files('fixtures')) {
  const bytes = readFileSync(file);
  const kind = sniffFormat(bytes).kind;
  if (!LINE_KINDS.includes(kind)) continue;
  const list = byKind.get(kind) ?? [];
  list.push({ file, lines: [] });
  byKind.set(kind, list);
}
for (const list of byKind.values()) for (const f of list) f.lines = (await textOf(readFileSync(f.file))).split(/\r?\n/);

interface Reading {
  facts: unknown[];
  /** Lines listed as not understood: unknown lines and rejections at a line. */
  notUnderstood: number[];
}

async function readLines(lines: readonly string[]): Promise<Reading> {
  const stdin = Readable.from([Buffer.from(lines.join('\r\n'), 'utf8')]);
  const { account, facts } = await analyzeFile({ path: '-', display: 'p.txt' }, { stdin });
  const rejected = account.rejected.flatMap((r) => (r.line !== undefined ? [r.line] : []));
  return { facts: facts.map((f) => f.fact), notUnderstood: [...(account.unknownLines ?? []).map((u) => u.line), ...rejected].sort((a, b) => a - b) };
}

/** The facts as they read once lines are inserted: every line number moves by `move`. */
function shifted(value: unknown, move: (n: number) => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shifted(v, move));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'line' || k === 'lineStart' || k === 'lineEnd') && typeof v === 'number') out[k] = move(v);
      else if (k === 'problems' && Array.isArray(v)) out[k] = v.map((p) => String(p).replace(/^line (\d+)/, (_m, n) => `line ${move(Number(n))}`));
      else out[k] = shifted(v, move);
    }
    return out;
  }
  return value;
}

/** `lines` with `junk[j]` inserted before original index `at[j]`; where each original line went, and where the junk is. */
function insert(lines: readonly string[], at: readonly number[], junk: readonly string[]): { lines: string[]; move: (n: number) => number; inserted: number[] } {
  const order = at.map((a, j) => ({ a, text: junk[j] })).sort((x, y) => x.a - y.a);
  const out: string[] = [];
  const inserted: number[] = [];
  const moved: number[] = [];
  let k = 0;
  for (let i = 0; i <= lines.length; i++) {
    while (k < order.length && order[k].a === i) {
      out.push(order[k++].text);
      inserted.push(out.length);
    }
    if (i < lines.length) {
      out.push(lines[i]);
      moved[i + 1] = out.length;
    }
  }
  return { lines: out, move: (n) => moved[n] ?? n, inserted };
}

/** Whether the reader's grammar takes a line inserted before line index `i` (0-based) as part of a value. */
function admitsContinuation(kind: InputKind, lines: readonly string[], i: number, junk = ''): boolean {
  const before = lines.slice(0, i);
  const prev = before[before.length - 1] ?? '';
  switch (kind) {
    case 'slmgr':
      return slmgrTakes(lines, i) || frameTakes(lines, i);
    case 'ospp':
      return /^\s*ERROR DESCRIPTION:/i.test(prev) && displayWidth(prev) >= 79;
    case 'text-eventviewer':
    case 'text-wevtutil': {
      // Inside a description (free text) or an Event Xml part, up to the next block.
      for (let k = before.length - 1; k >= 0; k--) {
        if (/^\s*(Log Name|ログの名前|Název protokolu)\s*[:：]|^\s*Event\[\d+\]/.test(before[k])) return false;
        if (/^\s*(Description|説明|Popis|Event Xml)\s*[:：]/.test(before[k])) return true;
      }
      return false;
    }
    case 'csv-eventviewer':
    case 'tsv-eventviewer':
    case 'csv-powershell':
    case 'wmi-csv': {
      const header = before.findIndex((l) => !/^\s*(#TYPE\b|$)/.test(l));
      if (header < 0) return true;
      return (before.join('\n').match(/"/g)?.length ?? 0) % 2 === 1;
    }
    case 'wmi-table':
      return /^-+( +-+)*\s*$/.test(lines[i] ?? '') && prev.trim() !== '';
    case 'text-network':
      // A network paste may hold an slmgr answer too (a console copy of several commands).
      return networkTakes(lines, i) || slmgrTakes(lines, i) || pairTakes(lines, i);
    case 'text-paste':
      // A console copy of several commands: each block's grammar holds inside it.
      return (
        networkTakes(lines, i) || slmgrTakes(lines, i) || pairTakes(lines, i) || sluiTakes(lines, i) || settingsTakes(lines, i, junk) || admitsContinuation('ospp', lines, i)
      );
    default:
      return false;
  }
}

/** slmgr: a value the console wrapped at 80 columns, /xpr's name above its status, an error's explanation. */
function slmgrTakes(lines: readonly string[], i: number): boolean {
  const before = lines.slice(0, i);
  const prev = before[before.length - 1] ?? '';
  if (i > 0 && displayWidth(prev) >= 79) return true;
  // /xpr prints the product's name above its status (a message box copy puts a blank line between): read as one.
  if (/[:：]\s*$/.test(lastText(before)) && /^\s+\S/.test(nextText(lines, i))) return true;
  // An error's explanation runs on until a blank line.
  for (let k = before.length - 1; k >= 0 && before[k].trim() !== ''; k--) if (/^\s*(Error|エラー|错误)\s*[:：]|slui/i.test(before[k])) return true;
  return false;
}

/** A WSH message box's button is known by the frame line right above it: a line in between leaves "OK" unknown. */
function frameTakes(lines: readonly string[], i: number): boolean {
  return /^\s*(?:OK|确定|確定)\s*$/.test(lines[i] ?? '') && /^\s*-{10,}\s*$/.test(lines[i - 1] ?? '');
}

/** ipconfig, like the console, wraps a value at 80 columns; Resolve-DnsName's table header needs its dashes right under it. */
function networkTakes(lines: readonly string[], i: number): boolean {
  const prev = lines[i - 1] ?? '';
  if (i > 0 && displayWidth(prev) >= 79) return true;
  return /^-+( +-+)*\s*$/.test(lines[i] ?? '') && prev.trim() !== '';
}

/**
 * The pairs of lines the sniffer knows an output by (nslookup's "Server:" over "Address:", Test-NetConnection's
 * "ComputerName :" over "RemoteAddress :", slui's "Code:" over its code): a line between them leaves the text
 * unrecognised, rejected whole, which invents nothing but changes the facts.
 */
function pairTakes(lines: readonly string[], i: number): boolean {
  const prev = lines[i - 1] ?? '';
  const next = lines[i] ?? '';
  return (
    (/^(Server|Default Server|サーバー|既定のサーバー|服务器|默认服务器)\s*[:：]/.test(prev) && /^(Address|アドレス)\s*[:：]/.test(next)) ||
    (/^ComputerName\s*:/.test(prev) && /^(RemoteAddress|InterfaceAlias)\s*:/.test(next)) ||
    (/^\s*Code\s*[:：]\s*$/i.test(prev) && /^\s*0x[0-9a-f]{8}\s*$/i.test(next))
  );
}

/** The Settings page: a sentence after its fields (ending in . ! ?) is Windows' message about the failure, free text. */
function settingsTakes(lines: readonly string[], i: number, junk: string): boolean {
  return /[.。!?]\s*$/.test(junk) && lines.slice(0, i).some((l) => /^\s*(Edition|Activation|Product ID|Product [Kk]ey)\s*:/.test(l));
}

/** slui's dialog text: its description runs on until a blank line. */
function sluiTakes(lines: readonly string[], i: number): boolean {
  for (let k = i - 1; k >= 0 && lines[k].trim() !== ''; k--) if (/^\s*(Code|Description)\s*:/.test(lines[k])) return true;
  return false;
}

/** The last line with text before a position, and the first one from it. */
function lastText(before: readonly string[]): string {
  for (let k = before.length - 1; k >= 0; k--) if (before[k].trim() !== '') return before[k];
  return '';
}

function nextText(lines: readonly string[], i: number): string {
  for (let k = i; k < lines.length; k++) if (lines[k].trim() !== '') return lines[k];
  return '';
}

/** A line no format knows: starts with "zq#", no colon, comma, quote, tab or bracket, no indentation. */
const unknownLine = fc.stringMatching(/^[A-Za-z0-9 #%&!?.\-+*/()]{0,40}$/).map((s) => `zq#${s}`.trimEnd());

describe('inserting lines no reader knows changes no fact, only the lines listed as not understood', () => {
  it('covers every line-based text reader with fixtures', () => {
    expect([...byKind.keys()].sort()).toEqual([...LINE_KINDS].sort());
  });

  for (const kind of LINE_KINDS) {
    it(kind, async () => {
      const fixtures = byKind.get(kind) ?? [];
      const originals = await Promise.all(fixtures.map((f) => readLines(f.lines)));
      const sample = fc.integer({ min: 0, max: fixtures.length - 1 }).chain((f) =>
        fc.tuple(fc.constant(f), fc.array(fc.tuple(fc.integer({ min: 0, max: fixtures[f].lines.length }), unknownLine), { minLength: 1, maxLength: 3 })),
      );
      await fc.assert(
        fc.asyncProperty(sample, async ([f, insertions]) => {
          const { lines, file } = fixtures[f];
          fc.pre(insertions.every(([at, junk]) => !admitsContinuation(kind, lines, at, junk)));
          const edit = insert(lines, insertions.map(([at]) => at), insertions.map(([, junk]) => junk));
          const changed = await readLines(edit.lines);
          const before = originals[f];
          const what = `${file}: ${JSON.stringify(insertions)} (line, text) inserted`;
          expect(changed.facts, what).toEqual(shifted(before.facts, edit.move));
          expect(changed.notUnderstood, what).toEqual([...before.notUnderstood.map(edit.move), ...edit.inserted].sort((a, b) => a - b));
        }),
        { numRuns: 150, seed: 21 },
      );
    }, 120_000);
  }
});
