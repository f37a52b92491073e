// `nslookup -type=srv _vlmcs._tcp.<domain>` as Windows prints it, in English or Japanese:
//
//   Server:  dc01.contoso.com              サーバー:  UnKnown
//   Address:  10.0.0.10                    Address:  10.0.0.10
//                                          権限のない回答:
//   _vlmcs._tcp.contoso.com SRV service location:
//             priority       = 0
//             weight         = 0
//             port           = 1688
//             svr hostname   = kms01.contoso.com
//   kms01.contoso.com       internet address = 10.0.0.20
//
// or an error: "*** dc01.contoso.com can't find _vlmcs._tcp.contoso.com: Non-existent domain"
// ("*** UnKnown が … を見つけられません: Non-existent domain"), "DNS request timed out.", an SOA block
// (the name exists, no SRV record). One lookup per "Server:" line.
import type { SourceRef } from '../../types.js';
import type { DnsOutcome, DnsSrvLookupFact, SrvRecord } from '../facts.js';
import type { BlockReader } from '../../ingest/index.js';
import { hostName, isVlmcsQuery, vlmcsDomain, type NumberedLine, type PromptCommand } from './lines.js';

const SERVER = /^(?:Server|Default Server|サーバー|既定のサーバー|服务器|默认服务器)\s*[:：]\s*(.*)$/;
const ADDRESS = /^(?:Address|Addresses|アドレス)\s*[:：]\s*(.*)$/;
const NON_AUTH = /^(?:Non-authoritative answer|権限のない回答)\s*[:：]?\s*$/;
const SRV_HEAD = /^(\S+)\s+SRV service location\s*[:：]?\s*$/;
const SRV_FIELD = /^\s+(priority|weight|port|svr hostname)\s*=\s*(\S+)\s*$/;
const ADDRESS_RECORD = /^(\S+)\s+(?:internet address|AAAA IPv6 address)\s*=\s*(\S+)\s*$/;
const NAMESERVER = /^\s*(\S+)\s+nameserver\s*=\s*(\S+)\s*$/;
const SOA_FIELD = /^\s+(primary name server|responsible mail addr|serial|refresh|retry|expire|default TTL)\s*=/;
const CANT_FIND = /^\*\*\*\s*(\S+)\s+can't find\s+([^\s:]+)\s*:\s*(.+)$/;
const CANT_FIND_JA = /^\*\*\*\s*(.+?)\s*が\s*(\S+?)\s*を見つけられません\s*[:：]\s*(.+)$/;
const TIMED_OUT = [/^DNS request timed out\.?\s*$/, /^DNS 要求がタイムアウトしました/, /^\s*timeout was \d+ seconds?\.?\s*$/, /^\s*タイムアウトは\s*\d+\s*秒/];
const REQUEST_TIMED_OUT = [/^\*\*\*\s*Request to (\S+) timed-?out/, /^\*\*\*\s*(\S+)\s*への要求がタイムアウトしました/];
const SERVER_NAME_UNKNOWN = [/^\*\*\*\s*Can't find server name for address/, /^\*\*\*.*のサーバー名を見つけられません/];
const NO_SERVERS = [/^\*\*\*\s*Default servers are not available/, /^\*\*\*\s*既定のサーバーを使用できません/, /^\*\*\*\s*Can't find server address/];
/** Answers to other query types printed in the same paste ("Name:  kms01", "Aliases:"). */
const OTHER_ANSWER = /^(?:Name|名前|Aliases|Aliase)\s*[:：]\s*[A-Za-z0-9._-]*\s*$/;

/** What the text after "can't find X:" means. */
const REASONS: Array<[RegExp, DnsOutcome]> = [
  [/Non-existent domain|存在しないドメイン/i, 'name-error'],
  [/No response from server|timed? ?out|タイムアウト/i, 'timeout'],
  [/Server failed|サーバー エラー/i, 'server-failure'],
  [/Query refused|拒否/i, 'refused'],
  [/No (?:\w+ )?records|No answer|レコードがありません/i, 'no-records'],
];

interface Draft {
  line: number;
  query: string;
  server?: string;
  serverAddress?: string;
  nonAuthoritative?: boolean;
  records: SrvRecord[];
  addresses: Map<string, string[]>;
  error?: { outcome: DnsOutcome; detail: string };
  timedOut?: string;
  soa?: boolean;
  /** Something of the answer section was read (Server/Address alone is only the header). */
  body: boolean;
  /** An answer to another query type (Name:/Address: of an A lookup) was printed. */
  otherAnswer?: boolean;
  /** The SRV owner name when it is not the name asked ("_vlmcs._tcp" asked, "_vlmcs._tcp.lan" answered). */
  answeredName?: string;
}

export interface BlockParse {
  facts: DnsSrvLookupFact[];
  unknown: NumberedLine[];
}

/** nslookup output, line by line: one lookup per "Server:" line. */
export class NslookupReader implements BlockReader<BlockParse> {
  private readonly facts: DnsSrvLookupFact[] = [];
  private readonly unknownLines: NumberedLine[] = [];
  private draft: Draft | undefined;
  private record: SrvRecord | undefined;

  private readonly interactive: boolean;

  constructor(
    private readonly source: SourceRef,
    private readonly command: PromptCommand = {},
  ) {
    // With no name on its command line nslookup reads names from its input, one "> " prompt each.
    this.interactive = command.query === undefined;
  }

  read({ no, text: printed }: NumberedLine): boolean {
    if (printed.trim() === '') return true;
    // Interactive nslookup (`hostname | nslookup`) echoes its "> " prompt before each answer.
    const text = this.interactive ? printed.replace(/^> /, '') : printed;
    let m: RegExpExecArray | null;
    if ((m = SERVER.exec(text))) {
      if (this.draft?.body || this.draft?.server !== undefined) this.finish();
      this.current(no).server = m[1]?.trim() ?? '';
    } else if ((m = ADDRESS.exec(text))) {
      const d = this.current(no);
      // Before the answer the address is the DNS server's; after it (other query types) it is an answer.
      if (!d.body && d.serverAddress === undefined) d.serverAddress = (m[1] ?? '').trim().replace(/#53$/, '');
      else d.otherAnswer = d.body = true;
    } else if (NON_AUTH.test(text)) {
      this.current(no).nonAuthoritative = true;
    } else if ((m = SRV_HEAD.exec(text))) {
      const d = this.current(no);
      d.body = true;
      const owner = hostName(m[1] ?? '');
      if (!d.query) d.query = owner;
      else if (owner.toLowerCase() !== d.query.toLowerCase()) d.answeredName ??= owner;
      this.record = { priority: 0, weight: 0, port: 0, target: '' };
      d.records.push(this.record);
    } else if ((m = SRV_FIELD.exec(text)) && this.record) {
      const value = m[2] ?? '';
      if (m[1] === 'svr hostname') this.record.target = hostName(value);
      else this.record[m[1] as 'priority' | 'weight' | 'port'] = Number(value);
    } else if ((m = ADDRESS_RECORD.exec(text))) {
      const d = this.current(no);
      const name = hostName(m[1] ?? '').toLowerCase();
      d.addresses.set(name, [...(d.addresses.get(name) ?? []), m[2] ?? '']);
    } else if (NAMESERVER.test(text)) {
      this.current(no).body = true;
    } else if (SOA_FIELD.test(text)) {
      const d = this.current(no);
      d.soa = true;
      d.body = true;
    } else if ((m = CANT_FIND.exec(text) ?? CANT_FIND_JA.exec(text))) {
      const d = this.current(no);
      d.body = true;
      if (!d.query) d.query = hostName(m[2] ?? '');
      const detail = (m[3] ?? '').trim();
      d.error = { outcome: REASONS.find(([re]) => re.test(detail))?.[1] ?? 'error', detail };
    } else if (TIMED_OUT.some((re) => re.test(text)) || REQUEST_TIMED_OUT.some((re) => re.test(text))) {
      const d = this.current(no);
      // The first lines say it; a hostile paste of thousands of different ones must not grow it without end.
      const said = text.trim();
      if (!d.timedOut) d.timedOut = said;
      else if (d.timedOut.length < 300 && !d.timedOut.includes(said)) d.timedOut = `${d.timedOut} ${said}`;
    } else if (NO_SERVERS.some((re) => re.test(text))) {
      const d = this.current(no);
      d.body = true;
      d.error = { outcome: 'error', detail: text.replace(/^\*\*\*\s*/, '').trim() };
    } else if (SERVER_NAME_UNKNOWN.some((re) => re.test(text))) {
      // The server has no PTR record: nslookup then calls it "UnKnown". Harmless for the lookup itself.
      this.current(no);
    } else if (OTHER_ANSWER.test(text) || (/^\s+[A-Za-z0-9][A-Za-z0-9.-]*\s*$/.test(text) && this.draft?.body)) {
      const d = this.current(no);
      d.body = true;
      if (OTHER_ANSWER.test(text)) d.otherAnswer = true;
    } else if (/^[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+\.?\s*$/.test(text) && !this.record && this.draft) {
      // The owner name above an SOA block ("contoso.com").
      this.draft.body = true;
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
    return (this.draft ??= { line, query: this.command.query ?? '', records: [], addresses: new Map(), body: false });
  }

  private finish(): void {
    if (this.draft) {
      const fact = toFact(this.draft, this.source);
      if (fact) this.facts.push(fact);
    }
    this.draft = undefined;
    this.record = undefined;
  }
}

function toFact(d: Draft, source: SourceRef): DnsSrvLookupFact | undefined {
  // A lookup for some other name (an A query pasted alongside) is not about KMS discovery.
  if (d.query && !isVlmcsQuery(d.query)) return undefined;
  if (!d.body && !d.timedOut && !d.error) return undefined;
  if (d.otherAnswer && !d.records.length && !d.error && !d.soa && !d.timedOut) return undefined;
  const records = d.records
    .filter((r) => r.target !== '')
    .map((r) => {
      const addresses = d.addresses.get(r.target.toLowerCase());
      return addresses ? { ...r, addresses } : r;
    });
  let outcome: DnsOutcome;
  let detail: string | undefined;
  if (records.length) outcome = 'answer';
  else if (d.error) ({ outcome, detail } = d.error);
  else if (d.timedOut) [outcome, detail] = ['timeout', d.timedOut];
  else if (d.soa) [outcome, detail] = ['no-records', 'the name exists but has no SRV record (only the zone SOA came back)'];
  else [outcome, detail] = ['error', 'the output ends before an answer or an error'];
  // A bare "_vlmcs._tcp" was completed by the resolver's suffix: the answer's owner name may say which.
  const domain = vlmcsDomain(d.query) ?? (d.answeredName ? vlmcsDomain(d.answeredName) : undefined);
  return {
    kind: 'dns-srv-lookup',
    source: { ...source, line: d.line },
    computer: '',
    time: '',
    tool: 'nslookup',
    query: d.query,
    ...(domain ? { domain } : {}),
    ...(d.answeredName ? { answeredName: d.answeredName } : {}),
    ...(d.server !== undefined ? { server: d.server } : {}),
    ...(d.serverAddress ? { serverAddress: d.serverAddress } : {}),
    outcome,
    records,
    ...(d.nonAuthoritative ? { nonAuthoritative: true } : {}),
    ...(detail !== undefined ? { detail } : {}),
  };
}
