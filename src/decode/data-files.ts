// Loads the decode layer's lookup tables (TSV files in src/decode/data/).
// tsc does not copy data files, so after `npm run build` the module runs from dist/decode/
// while the files stay in src/decode/data/: look next to the module first, then fall back
// to the source tree relative to dist.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATE_DIRS = ['./data/', '../../src/decode/data/'];

const cache = new Map<string, Record<string, string>[]>();

function locate(name: string): string {
  for (const dir of CANDIDATE_DIRS) {
    const path = fileURLToPath(new URL(dir + name, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error(`decode data file ${name} not found (looked in ${CANDIDATE_DIRS.join(', ')})`);
}

/** Rows of a tab-separated file with a header line; empty cells are ''. Cached per file. */
export function loadTsv(name: string): Record<string, string>[] {
  const hit = cache.get(name);
  if (hit) return hit;
  const text = readFileSync(locate(name), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = (lines.shift() ?? '').split('\t');
  const rows = lines.map((line) => {
    const cells = line.split('\t');
    const row: Record<string, string> = {};
    header.forEach((h, i) => {
      row[h] = (cells[i] ?? '').trim();
    });
    return row;
  });
  cache.set(name, rows);
  return rows;
}
