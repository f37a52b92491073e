// One machine can appear as an FQDN in one log and a short name in another (and upper-case in slmgr
// folders): they are one machine. The key is the first DNS label, lower-cased; the display name is the
// longest spelling seen (the FQDN when any export gave it).

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

const SLMGR_WORDS = /^(slmgr|dli|dlv|xpr|ato|license|licence|output|txt)$/i;

/** The machine a file speaks for when its content names none (slmgr text): folder name, else file name. */
export function machineFromPath(display: string, folderMachine?: string): string {
  if (folderMachine) return folderMachine;
  const parts = display.split(/[\\/]/);
  const base = parts.pop() ?? display;
  // "client01.dlv.txt", "client01-slmgr.txt", "client01_dli.txt" → "client01"
  const stem = base.replace(/\.[^.]*$/, '').split(/[._\s-](?:slmgr|dli|dlv|xpr|ato)\b/i)[0].split('.')[0];
  // "slmgr-dlv.txt" names no machine: the folder holding it does.
  if (stem === '' || SLMGR_WORDS.test(stem)) return parts.pop() || stem || base;
  return stem;
}
