// DNS and port checks pasted as text (nslookup, Resolve-DnsName, Test-NetConnection — often several in one
// file, with or without the prompt lines) → dns-srv-lookup and port-check facts. The text is cut into
// blocks by the tool whose output each line belongs to; every line is used by its block's parser or
// returned in `unknownLines`, so nothing is dropped.
import type { SourceRef } from '../../types.js';
import type { Fact } from '../facts.js';
import { promptCommand, type NetworkTool, type NumberedLine, type PromptCommand } from './lines.js';
import { NSLOOKUP_MARKERS, parseNslookup } from './nslookup.js';
import { parseResolveDnsName, RESOLVE_DNSNAME_MARKERS } from './resolve-dnsname.js';
import { parseTestNetConnection, TEST_NETCONNECTION_MARKERS } from './test-netconnection.js';

export interface NetworkParse {
  facts: Fact[];
  unknownLines: { line: number; text: string }[];
  /** Blocks read that hold nothing to decide on (a ping-only Test-NetConnection), said why. */
  notes: string[];
}

interface Block {
  tool: NetworkTool | undefined;
  command: PromptCommand;
  lines: NumberedLine[];
}

const MARKERS: Array<[NetworkTool, readonly RegExp[]]> = [
  ['resolve-dnsname', RESOLVE_DNSNAME_MARKERS],
  ['test-netconnection', TEST_NETCONNECTION_MARKERS],
  ['nslookup', NSLOOKUP_MARKERS],
];

/** The tool a line can only have come from, if any. */
function markerTool(text: string): NetworkTool | undefined {
  return MARKERS.find(([, res]) => res.some((re) => re.test(text)))?.[0];
}

/** Longer than any line nslookup, Resolve-DnsName or Test-NetConnection prints (PowerShell wraps at the console width). */
export const MAX_LINE_CHARS = 4096;

function splitBlocks(text: string, overlong: NetworkParse['unknownLines']): Block[] {
  const blocks: Block[] = [];
  let block: Block = { tool: undefined, command: {}, lines: [] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    // trimEnd, not a /\s+$/ regex: that one is quadratic on long blank runs.
    const text = raw.trimEnd();
    // No line of these tools' output is this long: keep it as an unknown line (shortened) without running
    // the line patterns over it, so a hostile line cannot make the parsers slow.
    if (text.length > MAX_LINE_CHARS) {
      overlong.push({ line: i + 1, text: `${text.slice(0, 200)}… (${text.length} characters)` });
      return;
    }
    const line = { no: i + 1, text };
    const prompt = promptCommand(line.text);
    if (prompt) {
      blocks.push(block);
      block = { tool: prompt.tool, command: prompt, lines: [] };
      if (!prompt.tool && line.text.replace(/^\s*(?:PS(?:\s+[^>]*)?>|[A-Za-z]:\\[^>]*>)/, '').trim() !== '') block.lines.push(line);
      return;
    }
    const tool = markerTool(line.text);
    if (tool && block.tool !== tool) {
      // Output of another tool with no prompt line between: a new block (a block led by a prompt that named
      // its tool keeps it: nslookup's "***" lines also start with stars in other tools' pastes).
      if (block.tool === undefined || !block.command.tool) {
        if (block.tool === undefined) block.tool = tool;
        else {
          blocks.push(block);
          block = { tool, command: {}, lines: [] };
        }
      }
    }
    block.lines.push(line);
  });
  blocks.push(block);
  return blocks.filter((b) => b.lines.length > 0);
}

export function parseNetworkText(text: string, source: SourceRef): NetworkParse {
  const facts: Fact[] = [];
  const unknownLines: NetworkParse['unknownLines'] = [];
  const notes: string[] = [];
  for (const block of splitBlocks(text, unknownLines)) {
    const keep = (unknown: NumberedLine[]): void => {
      for (const u of unknown) unknownLines.push({ line: u.no, text: u.text });
    };
    switch (block.tool) {
      case 'nslookup': {
        const r = parseNslookup(block.lines, source, block.command);
        for (const f of r.facts) facts.push(f);
        keep(r.unknown);
        break;
      }
      case 'resolve-dnsname': {
        const r = parseResolveDnsName(block.lines, source, block.command);
        for (const f of r.facts) facts.push(f);
        keep(r.unknown);
        break;
      }
      case 'test-netconnection': {
        const r = parseTestNetConnection(block.lines, source, block.command);
        for (const f of r.checks) facts.push(f);
        for (const n of r.notes) notes.push(n);
        keep(r.unknown);
        break;
      }
      default:
        keep(block.lines.filter((l) => l.text.trim() !== ''));
    }
  }
  unknownLines.sort((a, b) => a.line - b.line);
  return { facts, unknownLines, notes };
}

export { parseCommand, vlmcsDomain } from './lines.js';
