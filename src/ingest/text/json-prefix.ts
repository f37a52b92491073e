// Whether a text's beginning can be the beginning of a JSON document. A paste that starts with "[" or "{" (a
// `[C:\work]$` prompt, "[01]: KB2849697") is JSON only when it parses as JSON; the sniffer sees a bounded prefix,
// so it asks whether the prefix could still become valid JSON, token by token, without building anything.

type Expect = 'value' | 'key-or-end' | 'key' | 'colon' | 'comma-or-end' | 'value-or-end' | 'done';

const LITERALS = ['true', 'false', 'null'];
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;

/** True when `text` is a prefix of some valid JSON text (a whole document counts too). */
export function isJsonPrefix(text: string): boolean {
  const stack: Array<'{' | '['> = [];
  let expect: Expect = 'value';
  let i = 0;
  const n = text.length;
  const afterValue = (): Expect => (stack.length === 0 ? 'done' : 'comma-or-end');
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (expect === 'done') return false;
    if (expect === 'colon') {
      if (c !== ':') return false;
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'comma-or-end') {
      const top = stack[stack.length - 1];
      if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        i++;
        stack.pop();
        expect = afterValue();
      } else return false;
      continue;
    }
    if (c === '"') {
      // A string: escapes must be JSON's; an unterminated one at the end is still a prefix.
      i++;
      for (;;) {
        if (i >= n) return true;
        const s = text[i]!;
        if (s === '"') break;
        if (s === '\\') {
          const e = text[i + 1];
          if (e === undefined) return true;
          if (e === 'u') {
            const hex = text.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]*$/.test(hex)) return false;
            if (hex.length < 4) return i + 2 + hex.length >= n;
            i += 6;
            continue;
          }
          if (!'"\\/bfnrt'.includes(e)) return false;
          i += 2;
          continue;
        }
        if (s.charCodeAt(0) < 0x20) return false;
        i++;
      }
      i++;
      if (expect === 'key' || expect === 'key-or-end') expect = 'colon';
      else expect = afterValue();
      continue;
    }
    if (expect === 'key' || (expect === 'key-or-end' && c !== '}')) return false;
    if (c === '}' && expect === 'key-or-end') {
      i++;
      stack.pop();
      expect = afterValue();
      continue;
    }
    if (c === ']' && expect === 'value-or-end') {
      i++;
      stack.pop();
      expect = afterValue();
      continue;
    }
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      expect = c === '{' ? 'key-or-end' : 'value-or-end';
      continue;
    }
    const rest = text.slice(i, i + 400);
    const literal = LITERALS.find((l) => rest.startsWith(l) || (l.startsWith(rest) && i + rest.length >= n));
    if (literal) {
      if (!rest.startsWith(literal)) return true;
      i += literal.length;
      expect = afterValue();
      continue;
    }
    const run = /^[-+0-9.eE]+/.exec(rest)?.[0];
    if (!run) return false;
    if (i + run.length >= n) return /^-?(?:0|[1-9]\d*)?(?:\.\d*)?(?:[eE][+-]?\d*)?$/.test(run);
    if (NUMBER.exec(run)?.[0] !== run) return false;
    i += run.length;
    expect = afterValue();
    continue;
  }
  return true;
}
