// `Resolve-DnsName -Type SRV _vlmcs._tcp.<domain>` as PowerShell prints it. The default view is a table of
// the SRV answers followed by the additional A/AAAA records as lists:
//
//   Name                         Type   TTL   Section    NameTarget          Priority Weight Port
//   ----                         ----   ---   -------    ----------          -------- ------ ----
//   _vlmcs._tcp.contoso.com      SRV    600   Answer     kms01.contoso.com   0        0      1688
//
//   Name       : kms01.contoso.com
//   QueryType  : A
//   TTL        : 600
//   Section    : Additional
//   IP4Address : 10.0.0.20
//
// `| Format-List` prints every record as a list. A failed lookup is an error record:
//   Resolve-DnsName : _vlmcs._tcp.contoso.com : DNS name does not exist
//   At line:1 char:1 (発生場所 行:1 文字:1) … + FullyQualifiedErrorId : DNS_ERROR_RCODE_NAME_ERROR,Microsoft.DnsClient…
// The error id is not translated, so it decides the outcome; the message (possibly Japanese) is kept as printed.
import type { SourceRef } from '../../types.js';
import type { DnsOutcome, DnsSrvLookupFact, SrvRecord } from '../facts.js';
import type { BlockReader } from '../../ingest/index.js';
import { hostName, isVlmcsQuery, vlmcsDomain, type NumberedLine, type PromptCommand } from './lines.js';
import type { BlockParse } from './nslookup.js';

const TABLE_HEADER = /^Name\s+Type\s+TTL\s+Section\b/;
const DASHES = /^-+(\s+-+)+\s*$/;
const ERROR_HEAD = /^Resolve-DnsName\s*:\s*(\S+)\s+:\s*(.+)$/;
const LIST_KEYS =
  'Name|Type|QueryType|TTL|Section|NameTarget|Priority|Weight|Port|IP4Address|IP6Address|NameHost|PrimaryServer|NameAdministrator|SerialNumber|TimeToZoneRefresh|TimeToZoneFailureRetry|TimeToExpiration|DefaultTTL|DataLength|CharacterSet|Strings|NameExchange|Preference|Address';
const LIST_LINE = new RegExp(`^(${LIST_KEYS})\\s*:\\s*(.*)$`);
/** Lines of a PowerShell error record after its first line. */
const ERROR_TAIL = [/^At line:\d+/i, /^発生場所/, /^\s*\+\s/, /^\s*\+\s*~+/, /^\s*\+\s*(CategoryInfo|FullyQualifiedErrorId)\s*:/];

/** Error ids (FullyQualifiedErrorId before the comma) → outcome. */
const ERROR_IDS: Record<string, DnsOutcome> = {
  DNS_ERROR_RCODE_NAME_ERROR: 'name-error',
  DNS_INFO_NO_RECORDS: 'no-records',
  DNS_ERROR_RECORD_DOES_NOT_EXIST: 'no-records',
  ERROR_TIMEOUT: 'timeout',
  WIN32_ERROR_1460: 'timeout',
  DNS_ERROR_RCODE_SERVER_FAILURE: 'server-failure',
  DNS_ERROR_RCODE_REFUSED: 'refused',
};

/** When the error id is missing (the paste stopped at the first line), the message decides. */
const MESSAGES: Array<[RegExp, DnsOutcome]> = [
  [/does not exist|存在しません/i, 'name-error'],
  [/timeout|timed out|タイムアウト/i, 'timeout'],
  [/server failure|サーバー エラー|サーバーの障害/i, 'server-failure'],
  [/refused|拒否/i, 'refused'],
  [/no records|レコードがありません/i, 'no-records'],
];

type Row = Record<string, string>;

interface Draft {
  line: number;
  rows: Row[];
  error?: { message: string; id?: string; query: string };
}

/** Resolve-DnsName output, line by line: table rows, lists and error records. */
export class ResolveDnsNameReader implements BlockReader<BlockParse> {
  private readonly facts: DnsSrvLookupFact[] = [];
  private readonly unknownLines: NumberedLine[] = [];
  private draft: Draft | undefined;
  private columns: { name: string; at: number }[] | undefined;
  private listRow: Row | undefined;

  constructor(
    private readonly source: SourceRef,
    private readonly command: PromptCommand = {},
  ) {}

  read({ no, text }: NumberedLine): boolean {
    if (text.trim() === '') {
      this.listRow = undefined;
      return true;
    }
    let m: RegExpExecArray | null;
    if (TABLE_HEADER.test(text)) {
      if (this.draft && (this.draft.rows.length || this.draft.error)) this.finish();
      this.current(no);
      this.columns = [...text.matchAll(/\S+/g)].map((c) => ({ name: c[0], at: c.index ?? 0 }));
    } else if (DASHES.test(text) && this.columns) {
      // underline of the header
    } else if ((m = ERROR_HEAD.exec(text))) {
      this.finish();
      this.current(no).error = { query: hostName(m[1] ?? ''), message: (m[2] ?? '').trim() };
    } else if (ERROR_TAIL.some((re) => re.test(text)) && this.draft?.error) {
      const id = /FullyQualifiedErrorId\s*:\s*([A-Za-z0-9_]+)/.exec(text)?.[1];
      if (id) this.draft.error.id = id;
    } else if ((m = LIST_LINE.exec(text))) {
      this.columns = undefined;
      const key = m[1] ?? '';
      // A new "Name" (or a key seen already) begins the next record.
      if (!this.listRow || key === 'Name' || key in this.listRow) this.current(no).rows.push((this.listRow = {}));
      this.listRow[key === 'QueryType' ? 'Type' : key] = (m[2] ?? '').trim();
    } else if (this.columns && /\S/.test(text) && !/^\S+\s*[:：]/.test(text) && isTableRow(text)) {
      this.current(no).rows.push(tableRow(text, this.columns));
    } else {
      return false;
    }
    return true;
  }

  unknown(line: NumberedLine): void {
    this.unknownLines.push(line);
  }

  end(): BlockParse {
    this.finish();
    return { facts: this.facts, unknown: this.unknownLines };
  }

  private current(line: number): Draft {
    return (this.draft ??= { line, rows: [] });
  }

  private finish(): void {
    if (this.draft) {
      const fact = toFact(this.draft, this.source, this.command);
      if (fact) this.facts.push(fact);
    }
    this.draft = undefined;
    this.columns = undefined;
    this.listRow = undefined;
  }
}

/** A row of the table starts with a name, a record type and a TTL: anything else is a line of something else. */
function isTableRow(text: string): boolean {
  return /^\s*\S+\s+[A-Za-z]{1,10}\s+\d+(?:\s|$)/.test(text);
}

/** Splits a table row by whitespace: names and numbers never hold spaces. */
function tableRow(text: string, columns: { name: string }[]): Row {
  const cells = text.trim().split(/\s+/);
  const row: Row = {};
  columns.forEach((c, i) => {
    if (cells[i] !== undefined) row[c.name] = cells[i] ?? '';
  });
  return row;
}

function toFact(d: Draft, source: SourceRef, command: PromptCommand): DnsSrvLookupFact | undefined {
  const srvRows = d.rows.filter((r) => r.Type?.toUpperCase() === 'SRV' && r.NameTarget);
  const query = d.error?.query ?? srvRows[0]?.Name ?? command.query ?? d.rows.find((r) => r.Type?.toUpperCase() === 'SOA')?.Name ?? '';
  if (query && !isVlmcsQuery(query)) return undefined;
  if (!srvRows.length && !d.error && !d.rows.length) return undefined;
  const addresses = new Map<string, string[]>();
  for (const r of d.rows) {
    const ip = r.IP4Address ?? r.IP6Address ?? (/^(A|AAAA)$/i.test(r.Type ?? '') ? r.Address : undefined);
    if (!ip || !r.Name) continue;
    const key = hostName(r.Name).toLowerCase();
    addresses.set(key, [...(addresses.get(key) ?? []), ip]);
  }
  const records: SrvRecord[] = srvRows.map((r) => {
    const target = hostName(r.NameTarget ?? '');
    const ips = addresses.get(target.toLowerCase());
    const ttl = Number(r.TTL);
    return {
      priority: Number(r.Priority) || 0,
      weight: Number(r.Weight) || 0,
      port: Number(r.Port) || 0,
      target,
      ...(ips ? { addresses: ips } : {}),
      ...(Number.isFinite(ttl) && r.TTL !== undefined ? { ttl } : {}),
    };
  });
  let outcome: DnsOutcome;
  let detail: string | undefined;
  if (records.length) outcome = 'answer';
  else if (d.error) {
    outcome = (d.error.id ? ERROR_IDS[d.error.id] : undefined) ?? MESSAGES.find(([re]) => re.test(d.error!.message))?.[1] ?? 'error';
    detail = d.error.id ? `${d.error.message} (${d.error.id})` : d.error.message;
  } else [outcome, detail] = ['no-records', 'no SRV record in the answer (only the zone SOA came back)'];
  const domain = vlmcsDomain(query);
  return {
    kind: 'dns-srv-lookup',
    source: { ...source, line: d.line },
    computer: '',
    time: '',
    tool: 'resolve-dnsname',
    query,
    ...(domain ? { domain } : {}),
    ...(command.server ? { server: command.server } : {}),
    outcome,
    records,
    ...(detail !== undefined ? { detail } : {}),
  };
}
