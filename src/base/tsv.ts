// Lookup tables are TSV files beside the layer that owns them (src/decode/data/, src/ingest/data/).
// tsc does not copy data files, so after `npm run build` a module runs from dist/<layer>/ while its files may
// still sit in src/<layer>/data/: look next to the module first, then in the source tree relative to dist.
// This module imports nothing of ours, so every layer may use it.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type TsvRow = Record<string, string>;

/** Rows of a tab-separated text with a header line; empty cells are ''. */
export function parseTsv(text: string): TsvRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.length > 0);
  const header = (lines.shift() ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const row: TsvRow = {};
    header.forEach((h, i) => {
      row[h] = (cells[i] ?? '').trim();
    });
    return row;
  });
}

/** A cached loader for the tables of one layer: `layer` is the folder name under src/ and dist/. */
export function tsvLoader(moduleUrl: string, layer: string): (name: string) => TsvRow[] {
  const dirs = ['./data/', `../../src/${layer}/data/`];
  const cache = new Map<string, TsvRow[]>();
  const locate = (name: string): string => {
    for (const dir of dirs) {
      const path = fileURLToPath(new URL(dir + name, moduleUrl));
      if (existsSync(path)) return path;
    }
    throw new Error(`${layer} data file ${name} not found (looked in ${dirs.join(', ')})`);
  };
  return (name) => {
    let rows = cache.get(name);
    if (!rows) cache.set(name, (rows = parseTsv(readFileSync(locate(name), 'utf8'))));
    return rows;
  };
}
