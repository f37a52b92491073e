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
import { hostName, type NumberedLine, type PromptCommand } from './lines.js';
import type { BlockParse } from './nslookup.js';

const WARNING = /^(?:WARNING|警告)\s*[:：]\s*(.*)$/;
const PROPERTY = /^([A-Za-z][A-Za-z0-9]*(?: \([A-Za-z]+\))?)\s*:\s*(.*)$/;
const CONTINUATION = /^\s{4,}\S/;

export const TEST_NETCONNECTION_MARKERS: readonly RegExp[] = [
  /^ComputerName\s*:/,
  /^TcpTestSucceeded\s*:/,
  /^(?:WARNING|警告)\s*[:：]\s*(?:TCP connect to|Name resolution of|Ping to|Ping\/ICMP test)/,
];

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

export function parseTestNetConnection(lines: readonly NumberedLine[], source: SourceRef, command: PromptCommand = {}): TncParse {
  const checks: PortCheckFact[] = [];
  const notes: string[] = [];
  const unknown: NumberedLine[] = [];
  let draft: Draft | undefined;
  let pendingWarnings: { line: number; text: string }[] = [];
  let lastKey: string | undefined;

  const finish = (): void => {
    if (draft) {
      const fact = toFact(draft, source, command);
      if (fact) checks.push(fact);
      else notes.push(`line ${draft.line}: Test-NetConnection ran without -Port (ping only): no TCP test to read`);
    }
    draft = undefined;
    lastKey = undefined;
  };

  for (const { no, text } of lines) {
    if (text.trim() === '') continue;
    let m: RegExpExecArray | null;
    if ((m = WARNING.exec(text))) {
      if (draft && Object.keys(draft.props).length) finish();
      pendingWarnings.push({ line: no, text: (m[1] ?? '').trim() });
    } else if ((m = PROPERTY.exec(text))) {
      const key = m[1] ?? '';
      if (key === 'ComputerName' || !draft) {
        finish();
        draft = { line: pendingWarnings[0]?.line ?? no, props: {}, warnings: pendingWarnings.map((w) => w.text) };
        pendingWarnings = [];
      }
      draft.props[key] = (m[2] ?? '').trim();
      lastKey = key;
    } else if (CONTINUATION.test(text) && draft && lastKey) {
      // a multi-valued property (NameResolutionResults) continues on indented lines
    } else if (/^\s*(True|False)\s*$/.test(text) && command.host && command.port) {
      finish();
      draft = { line: no, props: { ComputerName: command.host, RemotePort: String(command.port), TcpTestSucceeded: text.trim() }, warnings: pendingWarnings.map((w) => w.text) };
      pendingWarnings = [];
      finish();
    } else {
      unknown.push({ no, text });
    }
  }
  if (!draft && pendingWarnings.length) {
    // Warnings with no result block: the paste stopped early. Keep what they say.
    draft = { line: pendingWarnings[0]?.line ?? 0, props: {}, warnings: pendingWarnings.map((w) => w.text) };
  }
  finish();
  return { facts: [], checks, notes, unknown };
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
