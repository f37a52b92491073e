// Recovering positional Data from a rendered message, for text exports (wevtutil /f:text,
// Event Viewer "Copy details", CSV/TXT, PowerShell) that carry only the message.
// The patterns look for the values themselves (HRESULTs, GUIDs, key=value lists, quoted domains)
// rather than the English wording, so they also work on Japanese (and other) renderings.

const GUID_G = /\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?/gi;
const HEX = /0x[0-9a-f]{1,8}\b/i;
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/;

/**
 * The comma-joined "Info" value of 12288/12289/12290: a run that starts with an HRESULT and holds commas.
 * Consoles wrap long values (PowerShell Format-List breaks mid-token), so following lines are joined
 * until the value has its `fields` values or a blank line ends it.
 */
function infoLine(message: string, fields: number): string | undefined {
  const lines = message.replace(/\r/g, '').split('\n').map((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    const m = /(?:^|[:：]\s*)(0x[0-9a-f]{1,8}\s*,.*)$/i.exec(lines[i]);
    if (!m) continue;
    // Count the commas as lines join: re-splitting the growing value per line would be quadratic in its lines.
    const pieces = [m[1]];
    let values = commas(m[1]) + 1;
    while (values < fields && i + 1 < lines.length && /^[\w.:/{}\-, <>]+$/.test(lines[i + 1])) {
      pieces.push(lines[++i]);
      values += commas(lines[i]);
    }
    return pieces.join('').trim();
  }
  return undefined;
}

function commas(text: string): number {
  let n = 0;
  for (let at = text.indexOf(','); at !== -1; at = text.indexOf(',', at + 1)) n++;
  return n;
}

function guids(message: string): string[] {
  return message.match(GUID_G) ?? [];
}

function quotedDomain(message: string): string | undefined {
  const m = /['‘’`「"]([A-Za-z0-9][A-Za-z0-9.-]*\.?[A-Za-z0-9-]*)['‘’`」"]/.exec(message);
  return m?.[1];
}

type Extractor = (message: string) => string[] | undefined;

const EXTRACTORS: Record<number, Extractor> = {
  12288: (m) => wrap(infoLine(m, 10)),
  12289: (m) => wrap(infoLine(m, 8)),
  12290: (m) => wrap(infoLine(m, 9)),
  12291: (m) => wrap(HEX.exec(m)?.[0]),
  12292: (m) => wrap(HEX.exec(m)?.[0]),
  12293: (m) => {
    const hr = /(?:Info|情報)\s*[:：]\s*(0x[0-9a-f]{1,8})/i.exec(m)?.[1] ?? HEX.exec(m)?.[0];
    const domain = quotedDomain(m);
    return hr ? (domain ? [hr, domain] : [hr]) : undefined;
  },
  12294: (m) => wrap(quotedDomain(m)),
  8198: (m) => {
    const hr = /hr\s*=\s*0x[0-9a-f]{1,8}/i.exec(m)?.[0];
    if (!hr) return undefined;
    const rule = /RuleId=[^\r\n]*/i.exec(m)?.[0];
    return rule ? [hr, rule.trim()] : [hr];
  },
  8200: (m) => wrap(/hr\s*=\s*0x[0-9a-f]{1,8}/i.exec(m)?.[0]),
  8208: (m) => {
    const hr = /hr\s*=\s*0x[0-9a-f]{1,8}/i.exec(m)?.[0];
    const g = guids(m)[0];
    return hr ? (g ? [hr, g] : [hr]) : undefined;
  },
  8209: (m) => {
    const reason = /\(([^)]*)\)/.exec(m)?.[1];
    const g = guids(m).pop();
    return reason !== undefined ? (g ? [reason, g] : [reason]) : undefined;
  },
  8230: (m) => wrap(/[^\r\n]*(?:LicenseState|ProductKeyType)=[^\r\n]*/i.exec(m)?.[0]?.trim()),
  8233: (m) => {
    const reason = /(?:Reason|理由)\s*[:：]\s*(0x[0-9a-f]{1,8})/i.exec(m)?.[1] ?? HEX.exec(m)?.[0];
    if (!reason) return undefined;
    const app = /AppId\s*=\s*(\S+?),?\s/i.exec(m + ' ')?.[1] ?? '';
    const sku = /SkuId\s*=\s*(\S+?)\s/i.exec(m + ' ')?.[1] ?? '';
    const trigger = /Trigger\s*=\s*(\S+)/i.exec(m)?.[1] ?? '';
    return [reason, app.replace(/,$/, ''), sku.replace(/,$/, ''), trigger];
  },
  902: (m) => wrap(/\b\d+\.\d+\.\d+\.\d+\b/.exec(m)?.[0]),
  // "…re-start at %1. Reason: %2." — %1 is an ISO time, %2 a single word (RulesEngine, …).
  16384: (m) => {
    const at = ISO_TIME.exec(m)?.[0];
    if (!at) return undefined;
    const reason = /(?:Reason|理由)\s*[:：]\s*([^\s。.]+)/i.exec(m)?.[1];
    return reason ? [at, reason] : [at];
  },
  1003: (m) => {
    const g = guids(m)[0];
    if (!g) return undefined;
    const status = /(?:Licensing Status|ライセンス状態)\s*=\s*([\s\S]*)$/i.exec(m)?.[1]?.trim() ?? '';
    return [g, status];
  },
};

function wrap(v: string | undefined): string[] | undefined {
  return v === undefined ? undefined : [v];
}

/** Positional Data recovered from a rendered message, or undefined when the event id has no recipe or nothing matched. */
export function dataFromMessage(eventId: number, message: string): string[] | undefined {
  const ex = EXTRACTORS[eventId];
  if (!ex || !message) return undefined;
  return ex(message);
}
