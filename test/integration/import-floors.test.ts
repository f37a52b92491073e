// The floors read straight down: no module under src/ reaches itself again through its imports (type imports
// included), so a layer never needs one above it to load or to typecheck.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';

const files = new Set(fg.sync('src/**/*.ts'));

function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)'(\.{1,2}\/[^']+)'/gm)]
    .map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1].replace(/\.js$/, '.ts'))))
    .filter((target) => files.has(target));
}

/** Strongly connected groups of more than one module (Tarjan), i.e. import circles. */
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1) found.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('import floors', () => {
  const graph = new Map([...files].map((f) => [f, importsOf(f)]));

  it('sees the imports (analyze.ts reads files through parallel/ and read-input-file.ts)', () => {
    expect(graph.get('src/analyze.ts')).toEqual(expect.arrayContaining(['src/parallel/index.ts', 'src/read-input-file.ts']));
    expect(graph.get('src/parallel/worker.ts')).toContain('src/read-input-file.ts');
  });

  it('has no import circle anywhere under src/', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('finds a circle when there is one', () => {
    expect(circles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });

  it('parallel/ never imports analyze.ts', () => {
    for (const [file, targets] of graph) if (file.startsWith('src/parallel/')) expect(targets, file).not.toContain('src/analyze.ts');
  });
});
