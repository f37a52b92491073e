// Binding status bits in field 1 of 12288/12289, named from data/status-flags.tsv.
import { loadTsv } from './data-files.js';

export interface StatusFlag {
  bit: number;
  name: string;
  meaning: string;
}

let flags: StatusFlag[] | undefined;

export function allStatusFlags(): StatusFlag[] {
  if (flags) return flags;
  flags = loadTsv('status-flags.tsv').map((r) => ({ bit: parseInt(r.bit, 16), name: r.name, meaning: r.meaning }));
  return flags;
}

/** Names of the bits set in `value`; bits we have no name for come back as '0x…' so they stay visible. */
export function statusFlagNames(value: number): string[] {
  const names: string[] = [];
  let rest = value >>> 0;
  for (const f of allStatusFlags()) {
    if ((rest & f.bit) >>> 0 === f.bit) {
      names.push(f.name);
      rest = (rest & ~f.bit) >>> 0;
    }
  }
  for (let bit = 0; bit < 32; bit++) {
    const mask = (1 << bit) >>> 0;
    if ((rest & mask) !== 0) names.push('0x' + mask.toString(16).toUpperCase().padStart(8, '0'));
  }
  return names;
}
