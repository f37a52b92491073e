// Line-aware damage for text exports: lines lost, repeated or swapped by a paste, a quote opened and never
// closed, control characters and bidi overrides inside values (names come from the network), endings mixed.
import type { Mutator } from './mutate-bytes.js';
import type { Rng } from './rng.js';

const NAME_ATTACKS = ['\u001b[31mKMS\u001b[0m', 'evil\u202etxt.exe', '\u2066host\u2069', 'a\u0000b', 'x\u001b]8;;http://e\u0007y', '\u200ehost'];

/** Text mutators only make sense on 8-bit text; UTF-16 input passes through unchanged. */
function lines(input: Buffer): string[] | undefined {
  if (input.includes(0)) return undefined;
  return input.toString('utf8').split('\n');
}

function fromLines(parts: string[]): Buffer {
  return Buffer.from(parts.join('\n'), 'utf8');
}

function lineMutator(name: string, edit: (parts: string[], rng: Rng) => void): Mutator {
  return {
    name,
    apply(input, rng) {
      const parts = lines(input);
      if (!parts || parts.length === 0) return input;
      edit(parts, rng);
      return fromLines(parts);
    },
  };
}

export const duplicateLines = lineMutator('duplicate-lines', (parts, rng) => {
  const at = rng.int(parts.length);
  const n = rng.range(1, Math.min(20, parts.length - at));
  const copy = parts.slice(at, at + n);
  const tail = parts.splice(rng.int(parts.length + 1));
  for (const part of copy) parts.push(part);
  for (const part of tail) parts.push(part);
});

export const deleteLines = lineMutator('delete-lines', (parts, rng) => {
  parts.splice(rng.int(parts.length), rng.range(1, 5));
});

export const swapLines = lineMutator('swap-lines', (parts, rng) => {
  const i = rng.int(parts.length);
  const j = rng.int(parts.length);
  [parts[i], parts[j]] = [parts[j], parts[i]];
});

export const openQuote = lineMutator('open-quote', (parts, rng) => {
  const i = rng.int(parts.length);
  const p = rng.int(parts[i].length + 1);
  parts[i] = parts[i].slice(0, p) + '"' + parts[i].slice(p);
});

export const controlsInValue = lineMutator('controls-in-value', (parts, rng) => {
  const i = rng.int(parts.length);
  const line = parts[i];
  // After a label's colon, inside a quoted field or a tag's text: where names and messages live.
  const anchors = [line.indexOf(': '), line.indexOf('>') + 1, line.indexOf('"') + 1].filter((p) => p > 0);
  const p = anchors.length > 0 ? rng.pick(anchors) : rng.int(line.length + 1);
  parts[i] = line.slice(0, p) + rng.pick(NAME_ATTACKS) + line.slice(p);
});

export const longLine = lineMutator('long-line', (parts, rng) => {
  const i = rng.int(parts.length);
  parts[i] = parts[i] + rng.pick(['A', 'x,', '"', ' ', '<a>', ':']).repeat(rng.skewedSize(40_000));
});

export const mixEndings = lineMutator('mix-endings', (parts, rng) => {
  for (let n = rng.range(1, 10); n > 0; n--) {
    const i = rng.int(parts.length);
    parts[i] = rng.chance(0.5) ? parts[i].replace(/\r$/, '') : parts[i] + '\r';
  }
});

export const TEXT_MUTATORS: readonly Mutator[] = [duplicateLines, deleteLines, swapLines, openQuote, controlsInValue, longLine, mixEndings];
