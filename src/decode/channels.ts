// Product key channels as slmgr prints them in "Description: …, VOLUME_KMSCLIENT channel",
// mapped to the key type WMI reports (ProductKeyChannel) and to the machine's role.
import { loadTsv } from './data-files.js';

export type ChannelRole = 'kms-client' | 'kms-host' | 'mak' | 'retail' | 'oem' | 'eval' | 'avma' | 'unknown';

export interface ChannelInfo {
  token: string;
  keyType: string;
  role: ChannelRole;
}

interface Row extends ChannelInfo {
  prefix: boolean;
}

let rows: Row[] | undefined;

function table(): Row[] {
  if (rows) return rows;
  rows = loadTsv('channels.tsv').map((r) => ({
    token: r.token,
    keyType: r.key_type,
    role: r.role as ChannelRole,
    prefix: r.match === 'prefix',
  }));
  return rows;
}

export function allChannels(): ChannelInfo[] {
  return table().map(({ token, keyType, role }) => ({ token, keyType, role }));
}

/** Channel token → key type and role. Exact tokens win; then the longest prefix (VOLUME_KMS_X → KMS host). */
export function channelInfo(token: string): ChannelInfo {
  const t = token.trim().toUpperCase();
  const exact = table().find((r) => r.token === t);
  if (exact) return { token: t, keyType: exact.keyType, role: exact.role };
  const prefixed = table()
    .filter((r) => r.prefix && t.startsWith(r.token))
    .sort((a, b) => b.token.length - a.token.length)[0];
  if (prefixed) return { token: t, keyType: prefixed.keyType, role: prefixed.role };
  return { token: t, keyType: 'Unknown', role: 'unknown' };
}

export function keyTypeForChannel(token: string): string {
  return channelInfo(token).keyType;
}

/** The channel token from an slmgr description ("Windows(R) Operating System, VOLUME_KMSCLIENT channel"). */
export function channelFromDescription(description: string): string | undefined {
  const token = tokenBeforeChannel(description);
  if (token && /_|^RETAIL$|^OEM/i.test(token)) return token.toUpperCase();
  const any = /\b(VOLUME_[A-Z0-9_-]+|RETAIL|OEM_[A-Z_]+|TIMEBASED_[A-Z_]+|VIRTUAL_MACHINE_ACTIVATION)\b/i.exec(description);
  return any ? any[1].toUpperCase() : undefined;
}

const TOKEN_CHAR = /[A-Za-z0-9_-]/;
const TOKEN_LETTER = /[A-Za-z]/;
const TOKEN_END = /[A-Za-z0-9]/;

/**
 * The first "TOKEN channel" in `text`: a word of letters, digits, '_' and '-' that starts with a letter and ends
 * with a letter or digit, then white space, then the word "channel". Found by walking back from each "channel"
 * because the one-regex form backtracks quadratically on a long run of letters (13 s for 100 KB).
 */
function tokenBeforeChannel(text: string): string | undefined {
  const word = /channel\b/gi;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    let end = m.index;
    while (end > 0 && /\s/.test(text[end - 1])) end--;
    if (end === m.index || end === 0 || !TOKEN_END.test(text[end - 1])) continue;
    let start = end - 1;
    while (start > 0 && TOKEN_CHAR.test(text[start - 1])) start--;
    // The token starts at the first letter of the run and needs one more character after it.
    while (start < end - 1 && !TOKEN_LETTER.test(text[start])) start++;
    if (start < end - 1 && TOKEN_LETTER.test(text[start])) return text.slice(start, end);
  }
  return undefined;
}

/** 8230 ProductKeyType ('Volume:GVLK', 'Volume:MAK', 'Retail', 'OEM:DM') → role. */
export function roleForKeyType(keyType: string): ChannelRole {
  const k = keyType.trim().toLowerCase();
  const hit = table().find((r) => r.keyType.toLowerCase() === k);
  return hit ? hit.role : 'unknown';
}
