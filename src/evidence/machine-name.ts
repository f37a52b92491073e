// One machine can appear as an FQDN in one log and a short name in another (and upper-case in slmgr
// folders): they are one machine. The key is the first DNS label, lower-cased; the display name is the
// longest spelling seen (the FQDN when any export gave it).
import path from 'node:path';

export function machineKey(name: string): string {
  // Asked for every fact and every 12290 client name: a fleet has far fewer names than records.
  let key = keys.get(name);
  if (key === undefined) {
    if (keys.size >= MAX_REMEMBERED_KEYS) keys.clear();
    keys.set(name, (key = keyOf(name)));
  }
  return key;
}

const MAX_REMEMBERED_KEYS = 200_000;
const keys = new Map<string, string>();

function keyOf(name: string): string {
  const trimmed = name.trim().replace(/\.$/, '');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(trimmed)) return trimmed;
  return (trimmed.split('.')[0] ?? '').toLowerCase();
}

/** Prefers the FQDN, then the first spelling seen. */
export function betterDisplayName(current: string, candidate: string): string {
  if (!current) return candidate;
  const dots = (s: string): number => s.split('.').length;
  return dots(candidate) > dots(current) ? candidate : current;
}

// Words that name a log, an slmgr option or an export rather than a machine: "Application.csv",
// "KeyManagementService-2024-03-08.evtx", "slmgr-dlv.txt", "export (1).xml" say nothing about whose they are.
const NOT_A_MACHINE = [
  'application', 'system', 'security', 'setup', 'key[\\s._-]*management[\\s._-]*service', 'forwarded[\\s._-]*events',
  'export', 'exported', 'events', 'event', 'log', 'logs', 'filtered',
  'slmgr', 'dli', 'dlv', 'xpr', 'ato', 'license', 'licence', 'output', 'txt',
  // DNS and port checks pasted as text: "client01-nslookup.txt", "tnc-1688.txt"
  'nslookup', 'srv', 'tnc', 'resolve[\\s._-]*dnsname', 'test[\\s._-]*netconnection', 'tnc[\\s._-]*\\d+',
  // Office and the WMI licensing classes: "client01-ospp-dstatus.txt", "client01_slp.csv", "inventory.json"
  'ospp', 'dstatus', 'dstatusall', 'act', 'office', 'wmi', 'cim', 'slp', 'sls', 'softwarelicensingproduct', 'softwarelicensingservice',
  'licensing', 'inventory', 'csv', 'json',
].join('|');
const SEP = '[\\s._-]';
/** Pieces people append or prepend to an export's name: a log/slmgr word, a date, a copy number "(1)". */
const TRAILING_NOISE = [
  new RegExp(`${SEP}*\\(\\d+\\)$`),
  new RegExp(`${SEP}*\\d{4}${SEP}?\\d{2}${SEP}?\\d{2}(?:${SEP}?T?\\d{2}${SEP}?\\d{2}(?:${SEP}?\\d{2})?)?$`, 'i'),
  new RegExp(`(?:^|${SEP}+)(?:${NOT_A_MACHINE})$`, 'i'),
];
const LEADING_NOISE = new RegExp(`^(?:${NOT_A_MACHINE})(?:${SEP}+|$)`, 'i');

/** What is left of a file stem once log names, slmgr words, dates and copy numbers are taken off. */
export function machineFromStem(stem: string): string {
  let rest = stem.trim();
  for (let changed = true; changed && rest !== ''; ) {
    changed = false;
    for (const noise of TRAILING_NOISE) {
      const next = rest.replace(noise, '');
      if (next !== rest) {
        rest = next;
        changed = true;
      }
    }
    const next = rest.replace(LEADING_NOISE, '');
    if (next !== rest) {
      rest = next;
      changed = true;
    }
  }
  // "client01.contoso.com" keeps only the host label, as machineKey would.
  return rest.replace(/^[\s._-]+|[\s._-]+$/g, '').split('.')[0];
}

/**
 * The machine a file speaks for when its content names none (slmgr text, Event Viewer CSV): the snapshot
 * folder, else what the file name says once log and export words are taken off ("client01-Application.csv"),
 * else the folder holding the file ("PC-JA-07/Application.csv"). Archive places ("x.zip!pc1/Application.evtx")
 * are paths like any other.
 */
export function machineFromPath(display: string, folderMachine?: string): string {
  if (folderMachine) return folderMachine;
  const parts = display.split(/[\\/!]/).filter((p) => p !== '');
  const base = parts.pop() ?? display;
  const fromName = machineFromStem(base.replace(/\.[^.]*$/, ''));
  if (fromName !== '') return fromName;
  const parent = parts.pop() ?? path.basename(path.dirname(path.resolve(display)));
  return parent || base;
}
