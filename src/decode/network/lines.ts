// Shared pieces of the DNS / port-check text parsers: numbered lines, the prompt lines customers paste
// with the output, and the names a query or a result refers to.

export interface NumberedLine {
  /** 1-based line number in the document. */
  no: number;
  text: string;
}

export type NetworkTool = 'nslookup' | 'resolve-dnsname' | 'test-netconnection';

/** A command line pasted with its output: `C:\>nslookup …`, `PS C:\> Test-NetConnection …`. */
export interface PromptCommand {
  tool?: NetworkTool;
  /** nslookup / Resolve-DnsName: the name asked for. */
  query?: string;
  /** Resolve-DnsName -Server, or nslookup's second argument. */
  server?: string;
  /** Test-NetConnection: host and -Port. */
  host?: string;
  port?: number;
}

const PROMPT = /^\s*(?:PS(?:\s+[^>]*)?>|[A-Za-z]:\\[^>]*>)\s*(.*)$/;

/** The command of a prompt line, or undefined when the line is not a prompt. */
export function promptCommand(text: string): PromptCommand | undefined {
  const m = PROMPT.exec(text);
  if (!m) return undefined;
  return parseCommand(m[1] ?? '');
}

/** Splits a command line into words, keeping quoted words whole. */
function words(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

export function parseCommand(command: string): PromptCommand {
  const [name = '', ...args] = words(command.trim());
  const lower = name.toLowerCase().replace(/\.exe$/, '');
  if (lower === 'powershell' || lower === 'pwsh') {
    // powershell -Command "Test-NetConnection …" from cmd.exe: the inner command is the one that printed.
    const at = args.findIndex((a) => /^-c(ommand)?$/i.test(a));
    return at >= 0 ? parseCommand(args.slice(at + 1).join(' ')) : {};
  }
  if (lower === 'nslookup') {
    const bare = args.filter((a) => !a.startsWith('-'));
    return { tool: 'nslookup', ...(bare[0] ? { query: bare[0] } : {}), ...(bare[1] ? { server: bare[1] } : {}) };
  }
  if (lower === 'resolve-dnsname') {
    const named = namedArgs(args, ['name', 'type', 'server']);
    const query = named.get('name') ?? named.bare[0];
    const server = named.get('server');
    return { tool: 'resolve-dnsname', ...(query ? { query } : {}), ...(server ? { server } : {}) };
  }
  if (lower === 'test-netconnection' || lower === 'tnc') {
    const named = namedArgs(args, ['computername', 'cn', 'port', 'informationlevel', 'commontcpport']);
    const host = named.get('computername') ?? named.get('cn') ?? named.bare[0];
    const port = Number(named.get('port'));
    return { tool: 'test-netconnection', ...(host ? { host } : {}), ...(Number.isInteger(port) && port > 0 ? { port } : {}) };
  }
  return {};
}

/** PowerShell parameters by (unambiguous prefix of) name, plus the positional words. */
function namedArgs(args: string[], known: string[]): { get(name: string): string | undefined; bare: string[] } {
  const values = new Map<string, string>();
  const bare: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const m = /^-([A-Za-z]+)(?::(.*))?$/.exec(a);
    if (!m) {
      bare.push(a);
      continue;
    }
    const given = (m[1] ?? '').toLowerCase();
    const name = known.find((k) => k === given) ?? known.find((k) => k.startsWith(given));
    if (!name) continue;
    if (m[2] !== undefined) values.set(name, m[2]);
    else if (i + 1 < args.length && !(args[i + 1] ?? '').startsWith('-')) values.set(name, args[++i] ?? '');
  }
  return { get: (name) => values.get(name), bare };
}

/** "_vlmcs._tcp.contoso.com." → "contoso.com"; undefined for any other name. */
export function vlmcsDomain(query: string): string | undefined {
  const m = /^_vlmcs\._tcp\.(.+?)\.?$/i.exec(query.trim());
  return m?.[1]?.toLowerCase();
}

/** `_vlmcs._tcp.<domain>`, or the bare `_vlmcs._tcp` the resolver completes with its own suffixes. */
export function isVlmcsQuery(query: string | undefined): boolean {
  return query !== undefined && /^_vlmcs\._tcp(?:\..+)?\.?$/i.test(query.trim());
}

/** Host names are compared and shown without the root dot. */
export function hostName(name: string): string {
  return name.trim().replace(/\.$/, '');
}
