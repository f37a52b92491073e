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

let built: Map<string, string[]> | undefined;
function graphOf(): Map<string, string[]> {
  return (built ??= new Map([...files].map((f) => [f, importsOf(f)])));
}

describe('import floors', () => {
  const graph = graphOf();

  it('sees the imports (analyze.ts reads files through read/, whose workers run read/input-file.ts)', () => {
    expect(graph.get('src/analyze.ts')).toEqual(expect.arrayContaining(['src/read/index.ts', 'src/accounts/index.ts']));
    expect(graph.get('src/read/parallel/worker.ts')).toContain('src/read/input-file.ts');
    expect(graph.get('src/report/model.ts')).toContain('src/accounts/index.ts');
  });

  it('has no import circle anywhere under src/', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('finds a circle when there is one', () => {
    expect(circles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });

  it('read/ sits below analyze.ts, the diagnosis, the reporters and the CLI', () => {
    // The one way up: worker threads write `volact events` rows as text, so the row writers sit low (below).
    const above = /^src\/(analyze|index)\.ts$|^src\/(cli|diagnose|fleet|gate|probe|report|kb|config)\//;
    for (const [file, targets] of importsFrom('src/read/')) {
      expect(targets.filter((t) => above.test(t) && t !== 'src/report/events/index.ts'), file).toEqual([]);
    }
  });

  it('read/ sits above ingest/, decode/ and evidence/ (and what they stand on)', () => {
    for (const [file, targets] of importsFrom('src/ingest/', 'src/decode/', 'src/evidence/', 'src/accounts/', 'src/base/', 'src/types.ts', 'src/messages/')) {
      expect(targets.filter((t) => t.startsWith('src/read/')), file).toEqual([]);
    }
  });

  it('report/ never reaches into read/: what reading hands on is typed in accounts/', () => {
    for (const [file, targets] of importsFrom('src/report/')) expect(targets.filter((t) => t.startsWith('src/read/')), file).toEqual([]);
  });

  it('report/ asks diagnose/ through its index only (rule metas and messages, never its internals)', () => {
    for (const [file, targets] of importsFrom('src/report/')) {
      expect(targets.filter((t) => t.startsWith('src/diagnose/') && t !== 'src/diagnose/index.ts'), file).toEqual([]);
    }
  });

  it('the row writers of `volact events` stand on the escaping and accounts/ only (read/ imports them)', () => {
    for (const [file, targets] of importsFrom('src/report/events/')) {
      expect(targets.filter((t) => !t.startsWith('src/report/events/') && t !== 'src/report/escape.ts' && t !== 'src/accounts/index.ts'), file).toEqual([]);
    }
  });

  it('accounts/ is types and counts only: it imports no stage that reads, diagnoses or writes', () => {
    for (const [file, targets] of importsFrom('src/accounts/')) {
      expect(targets.filter((t) => !t.startsWith('src/accounts/') && !['src/types.ts', 'src/evidence/index.ts', 'src/decode/index.ts'].includes(t)), file).toEqual([]);
    }
  });

  it('base/ imports nothing of ours, so every layer may use it', () => {
    for (const [file, targets] of importsFrom('src/base/')) expect(targets.filter((t) => !t.startsWith('src/base/')), file).toEqual([]);
  });

  it('other folders reach read/, accounts/, base/ and report/events/ through their index only', () => {
    for (const folder of ['src/read/', 'src/accounts/', 'src/base/', 'src/report/events/']) {
      for (const [file, targets] of graph) {
        if (file.startsWith(folder)) continue;
        expect(targets.filter((t) => t.startsWith(folder) && t !== `${folder}index.ts`), file).toEqual([]);
      }
    }
  });

  it('read/parallel/ never imports analyze.ts', () => {
    for (const [file, targets] of importsFrom('src/read/parallel/')) expect(targets, file).not.toContain('src/analyze.ts');
  });

  it('test tooling stays out of src/ (the fuzz harness is test/fuzz/lib/), so it is neither built nor published', () => {
    expect(fg.sync('src/fuzz/**')).toEqual([]);
    for (const [file] of graph) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from '(\.\.\/)+test\//);
  });
});

/** The imports of every module whose path starts with one of `prefixes`. */
function importsFrom(...prefixes: string[]): Array<[string, string[]]> {
  return [...graphOf()].filter(([file]) => prefixes.some((p) => file.startsWith(p)));
}
