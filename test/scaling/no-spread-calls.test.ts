// Spreading an array into a call (Math.max(...xs), push(...xs), String.fromCharCode(...xs)) passes each element
// as an argument, and V8 throws "RangeError: Maximum call stack size exceeded" past ~125,000 of them: an input
// with that many records, lines or values would crash the run. No call in src/ spreads anything; loops do it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every `f(...x)` and `new F(...x)` in a source file, as "file:line: text". */
export function spreadCalls(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.some(ts.isSpreadElement)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${path.relative(SRC, file)}:${line + 1}: ${node.getText().slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no call spreads an array into its arguments', () => {
  it('finds the pattern when it is there (the check can fail)', () => {
    const sample = 'const a = Math.max(...xs);\nout.push(...more);\nconst b = [...xs];\nnew Set([...xs]);\nString.fromCharCode(...codes);';
    expect(spreadCalls('sample.ts', sample).map((s) => s.replace(/^.*?:(\d+):.*$/, '$1'))).toEqual(['1', '2', '5']);
  });

  it('src/ has none', () => {
    expect(sources(SRC).flatMap((f) => spreadCalls(f))).toEqual([]);
  });
});
