// Language is rendered once, at the edge: the layers that find things (decode, evidence, diagnose, fleet) emit
// message ids and data and never turn a message into text; the reporters and the CLI do, through one catalog.
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';

const BELOW_THE_EDGE = ['src/decode', 'src/evidence', 'src/diagnose', 'src/fleet', 'src/ingest'];
// Rendering a message: the catalog's renderer, the report's speaker, or English text of a message.
const RENDERS = /\b(?:english|renderMessage|speaker)\s*\(|\.render\s*\(\s*[^)]*,\s*'(?:en|ja)'|from '[./]*report\//;

function offenders(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => [line, i + 1] as const)
      .filter(([line]) => !line.trim().startsWith('//') && !line.trim().startsWith('*') && RENDERS.test(line))
      .map(([line, n]) => `${file}:${n}: ${line.trim()}`),
  );
}

describe('render once, at the edge', () => {
  it('decode, evidence, diagnose, fleet and ingest never render a message', () => {
    const files = BELOW_THE_EDGE.flatMap((dir) => fg.sync(`${dir}/**/*.ts`));
    expect(files.length).toBeGreaterThan(100);
    expect(offenders(files)).toEqual([]);
  });

  it('the check can fail', () => {
    expect(RENDERS.test("const title = english(ref);")).toBe(true);
    expect(RENDERS.test("import { speaker } from '../report/speaker.js';")).toBe(true);
    expect(RENDERS.test("MESSAGES.render(ref, 'ja')")).toBe(true);
    expect(RENDERS.test("const ref = msg('walk.note.fired', { rule });")).toBe(false);
  });
});
