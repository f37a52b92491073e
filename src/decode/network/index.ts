// DNS and port checks pasted as text (nslookup, Resolve-DnsName, Test-NetConnection, ipconfig /all) → facts.
// Each tool has a reader the paste splitter (ingest/text/paste) hands its block to, line by line.
export { NslookupReader, type BlockParse } from './nslookup.js';
export { ResolveDnsNameReader } from './resolve-dnsname.js';
export { TestNetConnectionReader, type TncParse } from './test-netconnection.js';
export { IpconfigReader, type IpconfigParse } from './ipconfig.js';
export { parseCommand, vlmcsDomain, type PromptCommand as NetworkCommand, type NumberedLine } from './lines.js';

/** Longer than any line nslookup, Resolve-DnsName or Test-NetConnection prints (PowerShell wraps at the console width). */
export const MAX_LINE_CHARS = 4096;
