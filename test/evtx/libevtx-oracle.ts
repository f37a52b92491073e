// Runs libevtx's `evtxexport -f xml` and reduces each exported record to the fields the
// differential test compares. Test support only.
import { spawnSync } from 'node:child_process';
import { SaxesParser } from 'saxes';

export interface OracleRecord {
  recordId: string;
  eventId: string;
  qualifiers?: string;
  timeCreated: string;
  provider: string;
  channel: string;
  computer: string;
  data: string[];
  namedData: Record<string, string>;
  userData: Record<string, string>;
  binary?: string;
  /** Set when libevtx's XML for this record does not parse (libevtx 2018 leaves ANSI strings unescaped). */
  unparseable?: string;
  raw: string;
}

interface El {
  name: string;
  attrs: Record<string, string>;
  children: Array<El | string>;
}

export function hasEvtxexport(): boolean {
  const r = spawnSync('evtxexport', ['-V'], { encoding: 'utf8' });
  return r.error === undefined;
}

export function runEvtxexport(file: string): { records: OracleRecord[]; status: number | null; stderr: string } {
  const r = spawnSync('evtxexport', ['-f', 'xml', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const parts = r.stdout.split(/^(?=<Event[ >])/m).slice(1);
  return { records: parts.map(parseRecord), status: r.status, stderr: r.stderr };
}

/** python-evtx (Debian python3-evtx), the second opinion for records libevtx 2018 cannot export. */
export function hasEvtxDump(): boolean {
  return spawnSync('evtx_dump.py', ['-h'], { encoding: 'utf8' }).error === undefined;
}

export function runEvtxDump(file: string): { records: OracleRecord[]; status: number | null } {
  const r = spawnSync('evtx_dump.py', [file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const parts = r.stdout.replace(/<\/Events>\s*$/, '').split(/(?=<Event xmlns)/).slice(1);
  return { records: parts.map(parseRecord), status: r.status };
}

/** evtxinfo's "Number of records": how many records libevtx finds, even where it cannot render them. */
export function evtxinfoRecordCount(file: string): number | undefined {
  const r = spawnSync('evtxinfo', [file], { encoding: 'utf8' });
  const m = /Number of records\s*:\s*(\d+)/.exec(r.stdout);
  return m ? Number(m[1]) : undefined;
}

// XML 1.0 forbids most C0 controls; libevtx prints them raw (libevtx issue #20).
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function parseXml(text: string): El {
  const p = new SaxesParser({ position: false });
  const root: El = { name: '#root', attrs: {}, children: [] };
  const stack: El[] = [root];
  p.on('opentag', (t) => {
    const el: El = { name: t.name, attrs: t.attributes as Record<string, string>, children: [] };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  p.on('closetag', () => void stack.pop());
  p.on('text', (t) => void stack[stack.length - 1].children.push(t));
  p.on('error', (e) => {
    throw e;
  });
  p.write(text.replace(INVALID_XML, '')).close();
  const ev = root.children.find((c): c is El => typeof c !== 'string');
  if (!ev) throw new Error('no element');
  return ev;
}

const kids = (e: El): El[] => e.children.filter((c): c is El => typeof c !== 'string');
const text = (e: El): string => e.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');

function flatten(e: El, out: Record<string, string>): void {
  for (const [k, v] of Object.entries(e.attrs)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    const key = `${e.name}@${k}`;
    if (!(key in out)) out[key] = v;
  }
  const k = kids(e);
  if (k.length === 0) {
    if (!(e.name in out)) out[e.name] = text(e);
    return;
  }
  for (const c of k) flatten(c, out);
}

function parseRecord(raw: string): OracleRecord {
  const rid = /<EventRecordID>(\d+)</.exec(raw)?.[1] ?? '';
  const rec: OracleRecord = {
    recordId: rid, eventId: '', timeCreated: '', provider: '', channel: '', computer: '',
    data: [], namedData: {}, userData: {}, raw,
  };
  let ev: El;
  try {
    ev = parseXml(raw);
  } catch (e) {
    rec.unparseable = e instanceof Error ? e.message : String(e);
    return rec;
  }
  for (const part of kids(ev)) {
    if (part.name === 'System') {
      for (const f of kids(part)) {
        if (f.name === 'Provider') rec.provider = f.attrs.Name ?? '';
        else if (f.name === 'EventID') {
          rec.eventId = text(f);
          if (f.attrs.Qualifiers !== undefined) rec.qualifiers = f.attrs.Qualifiers;
        } else if (f.name === 'TimeCreated') rec.timeCreated = f.attrs.SystemTime ?? '';
        else if (f.name === 'Channel') rec.channel = text(f);
        else if (f.name === 'Computer') rec.computer = text(f);
      }
    } else if (part.name === 'EventData') {
      for (const d of kids(part)) {
        if (d.name === 'Data') {
          rec.data.push(text(d));
          if (d.attrs.Name !== undefined) rec.namedData[d.attrs.Name] = text(d);
        } else if (d.name === 'Binary') rec.binary = text(d);
      }
    } else if (part.name === 'UserData') {
      for (const u of kids(part)) flatten(u, rec.userData);
    }
  }
  return rec;
}
