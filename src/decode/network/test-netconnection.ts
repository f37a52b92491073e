// `Test-NetConnection <host> -Port 1688` as PowerShell prints it (property names are never translated;
// the WARNING prefix is "警告:" on Japanese Windows):
//
//   WARNING: TCP connect to (10.0.0.20 : 1688) failed
//   WARNING: Ping to 10.0.0.20 failed with status: TimedOut
//
//   ComputerName           : kms01.contoso.com
//   RemoteAddress          : 10.0.0.20
//   RemotePort             : 1688
//   InterfaceAlias         : Ethernet
//   SourceAddress          : 10.0.0.31
//   PingSucceeded          : False
//   PingReplyDetails (RTT) : 0 ms
//   TcpTestSucceeded       : False
//
// "WARNING: Name resolution of kms02.contoso.com failed" comes with an empty RemoteAddress and no TCP test.
// `-InformationLevel Quiet` prints only True or False: read when the prompt line gives host and port.
import type { SourceRef } from '../../types.js';
import type { PortCheckFact, PortOutcome } from '../facts.js';
import type { BlockReader } from '../../ingest/index.js';
import { hostName, type NumberedLine, type PromptCommand } from './lines.js';
import type { BlockParse } from './nslookup.js';

const WARNING = /^(?:WARNING|警告)\s*[:：]\s*(.*)$/;
const PROPERTY = /^([A-Za-z][A-Za-z0-9]*(?: \([A-Za-z]+\))?)\s*:\s*(.*)$/;
const CONTINUATION = /^\s{4,}\S/;

/**
 * The properties Test-NetConnection prints (default and -InformationLevel Detailed views). Only these are its
 * own: "Error: 0x8007232B …" has the same "Word : value" shape and is slmgr's.
 */
const PROPERTIES = new Set([
  'ComputerName', 'RemoteAddress', 'RemotePort', 'NameResolutionResults', 'AllNameResolutionResults', 'MatchingIPsecRules',
  'NetworkIsolationContext', 'IsAdmin', 'InterfaceAlias', 'InterfaceIndex', 'InterfaceDescription', 'SourceAddress',
  'NetRoute (NextHop)', 'NextHop', 'PingSucceeded', 'PingReplyDetails (RTT)', 'TcpTestSucceeded', 'ResolvedAddresses',
  'DetailedInformation', 'BasicNameResolution', 'LLMNRNetbiosRecords', 'DNSOnlyRecords', 'TraceRoute',
]);

interface Draft {
  line: number;
  props: Record<string, string>;
  warnings: string[];
}

export interface TncParse extends BlockParse {
  checks: PortCheckFact[];
  /** Blocks that hold no TCP test (Test-NetConnection without -Port pings only). */
  notes: string[];
}

/** Test-NetConnection output, line by line: one result per ComputerName. */
export class TestNetConnectionReader implements BlockReader<TncParse> {
  private readonly checks: PortCheckFact[] = [];
  private readonly notes: string[] = [];
  private readonly unknownLines: NumberedLine[] = [];
  private draft: Draft | undefined;
  private pendingWarnings: { line: number; text: string }[] = [];
  private lastKey: string | undefined;

  constructor(
    private readonly source: SourceRef,
    private readonly command: PromptCommand = {},
  ) {}

  read({ no, text }: NumberedLine): boolean {
    if (text.trim() === '') return true;
    let m: RegExpExecArray | null;
    if ((m = WARNING.exec(text))) {
      if (this.draft && Object.keys(this.draft.props).length) this.finish();
      this.pendingWarnings.push({ line: no, text: (m[1] ?? '').trim() });
    } else if ((m = PROPERTY.exec(text)) && PROPERTIES.has(m[1] ?? '')) {
      const key = m[1] ?? '';
      if (key === 'ComputerName' || !this.draft) {
        this.finish();
        this.draft = { line: this.pendingWarnings[0]?.line ?? no, props: {}, warnings: this.pendingWarnings.map((w) => w.text) };
        this.pendingWarnings = [];
      }
      this.draft.props[key] = (m[2] ?? '').trim();
      this.lastKey = key;
    } else if (CONTINUATION.test(text) && this.draft && this.lastKey) {
      // a multi-valued property (NameResolutionResults) continues on indented lines
    } else if (/^\s*(True|False)\s*$/.test(text) && this.command.host && this.command.port) {
      this.finish();
      this.draft = { line: no, props: { ComputerName: this.command.host, RemotePort: String(this.command.port), TcpTestSucceeded: text.trim() }, warnings: this.pendingWarnings.map((w) => w.text) };
      this.pendingWarnings = [];
      this.finish();
    } else {
      return false;
    }
    return true;
  }

  unknown(line: NumberedLine): void {
    this.unknownLines.push(line);
  }

  end(): TncParse {
    if (!this.draft && this.pendingWarnings.length) {
      // Warnings with no result block: the paste stopped early. Keep what they say.
      this.draft = { line: this.pendingWarnings[0]?.line ?? 0, props: {}, warnings: this.pendingWarnings.map((w) => w.text) };
    }
    this.finish();
    return { facts: [], checks: this.checks, notes: this.notes, unknown: this.unknownLines };
  }

  private finish(): void {
    if (this.draft) {
      const fact = toFact(this.draft, this.source, this.command);
      if (fact) this.checks.push(fact);
      else this.notes.push(`line ${this.draft.line}: Test-NetConnection ran without -Port (ping only): no TCP test to read`);
    }
    this.draft = undefined;
    this.lastKey = undefined;
  }
}

function toFact(d: Draft, source: SourceRef, command: PromptCommand): PortCheckFact | undefined {
  const tcpWarning = d.warnings.map((w) => /TCP connect to \(?\s*(\S+?)\s*:\s*(\d+)\s*\)?\s*failed/i.exec(w) ?? /TCP\s*接続\s*\(?\s*(\S+?)\s*:\s*(\d+)\s*\)?.*失敗/.exec(w)).find((m) => m);
  const nameWarning = d.warnings.map((w) => /Name resolution of (\S+) failed/i.exec(w) ?? /^(\S+)\s*の名前解決に失敗/.exec(w)).find((m) => m);
  const host = hostName(d.props.ComputerName ?? nameWarning?.[1] ?? command.host ?? tcpWarning?.[1] ?? '');
  const port = Number(d.props.RemotePort ?? tcpWarning?.[2] ?? command.port);
  const tcp = d.props.TcpTestSucceeded?.toLowerCase();
  let outcome: PortOutcome;
  if (tcp === 'true') outcome = 'open';
  else if (tcp === 'false' || tcpWarning) outcome = 'failed';
  else if (nameWarning || (d.props.ComputerName !== undefined && d.props.RemoteAddress === '')) outcome = 'name-not-resolved';
  else return undefined;
  if (!host || !Number.isInteger(port) || port <= 0) {
    if (outcome !== 'name-not-resolved') return undefined;
  }
  const address = d.props.RemoteAddress;
  const ping = d.props.PingSucceeded?.toLowerCase();
  return {
    kind: 'port-check',
    source: { ...source, line: d.line },
    computer: '',
    time: '',
    tool: 'test-netconnection',
    host,
    ...(address ? { address } : {}),
    port: Number.isInteger(port) && port > 0 ? port : 1688,
    outcome,
    ...(d.props.SourceAddress ? { sourceAddress: d.props.SourceAddress } : {}),
    ...(ping === 'true' || ping === 'false' ? { pingSucceeded: ping === 'true' } : {}),
    warnings: d.warnings,
  };
}
