import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonElementSplitter, type JsonPiece } from '../../src/ingest/text/json-elements.js';

function split(parts: string[], max?: number): JsonPiece[] {
  const s = new JsonElementSplitter(max);
  return [...parts.flatMap((p) => s.push(p)), ...s.end()];
}

const DOC = '\uFEFF[\r\n    {\r\n        "Message":  "braces } ] { [ and \\"quotes\\"",\r\n        "Properties":  [ { "Value": 1 } ]\r\n    },\r\n    {"Id": 2}\r\n]\r\n';

describe('JsonElementSplitter', () => {
  it('yields the elements of a root array with the line each starts on', () => {
    const pieces = split([DOC]);
    expect(pieces.map((p) => (p.kind === 'element' ? [p.line, JSON.parse(p.text)] : p))).toEqual([
      [2, { Message: 'braces } ] { [ and "quotes"', Properties: [{ Value: 1 }] }],
      [6, { Id: 2 }],
    ]);
  });

  it('gives the same elements however the text is cut', () => {
    const whole = split([DOC]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: DOC.length }), { maxLength: 10 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const parts: string[] = [];
        let from = 0;
        for (const p of points) {
          parts.push(DOC.slice(from, p));
          from = p;
        }
        parts.push(DOC.slice(from));
        expect(split(parts)).toEqual(whole);
      }),
    );
  });

  it('reads root objects one after another, as appended with >>', () => {
    const pieces = split(['{"a":1}\n{"b":[1,2]}\n[{"c":3}]\n']);
    expect(pieces.map((p) => (p.kind === 'element' ? p.text : p.reason))).toEqual(['{"a":1}', '{"b":[1,2]}', '{"c":3}']);
  });

  it('reports an oversized element and goes on with the next', () => {
    const big = `{"m":"${'x'.repeat(100)}"}`;
    const pieces = split(['[', big, ',', '{"ok":1}', ']'], 50);
    expect(pieces).toEqual([
      { kind: 'junk', line: 1, reason: 'a JSON value longer than 50 characters' },
      { kind: 'element', line: 1, text: '{"ok":1}' },
    ]);
  });

  it('reports junk outside objects once per run, and a missing closing bracket', () => {
    const pieces = split(['[ 12, 13, {"a":1}\n']);
    expect(pieces).toEqual([
      { kind: 'junk', line: 1, reason: 'unexpected "12, 13, {\\"a\\":1}\\n" outside any event object' },
      { kind: 'element', line: 1, text: '{"a":1}' },
      { kind: 'junk', line: 2, reason: "the input ends before the array's closing ']'" },
    ]);
  });
});
