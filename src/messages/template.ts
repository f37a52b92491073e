// The template language of the catalog, each template parsed once into text and placeholders in braces —
//   {name}            the value (strings and numbers as they are; tagged values formatted per language)
//   {name:code}       the string value as an HRESULT label; also :explain, :count, :time, :duration
//   {name|one|other}  English singular or plural by the number (# is the number)
//   {name?…}          the template … only when the value is given (not undefined, not '')
export type Piece =
  | string
  | { name: string; format?: Format }
  | { name: string; one: string; other: string }
  | { name: string; optional: Piece[] };
export type Format = 'code' | 'explain' | 'count' | 'time' | 'duration';
const FORMATS: ReadonlySet<string> = new Set<Format>(['code', 'explain', 'count', 'time', 'duration']);

function parseTemplate(template: string): Piece[] {
  let at = 0;
  const parse = (inner: boolean): Piece[] => {
    const out: Piece[] = [];
    let text = '';
    while (at < template.length) {
      const ch = template[at];
      if (ch === '}' && inner) break;
      if (ch !== '{') {
        text += ch;
        at++;
        continue;
      }
      const head = /^\{([A-Za-z][A-Za-z0-9_]*)(?::([a-z]+)|\|([^|{}]*)\|([^|{}]*)|(\?))?/.exec(template.slice(at));
      if (!head) throw new Error(`template ${JSON.stringify(template)}: a "{" at ${at} that starts no placeholder`);
      if (text) out.push(text);
      text = '';
      at += head[0].length;
      const [, name, format, one, other, optional] = head;
      if (optional) {
        out.push({ name, optional: parse(true) });
      } else if (one !== undefined) out.push({ name, one, other: other! });
      else {
        if (format !== undefined && !FORMATS.has(format)) throw new Error(`template ${JSON.stringify(template)}: unknown format :${format}`);
        out.push(format ? { name, format: format as Format } : { name });
      }
      if (template[at] !== '}') throw new Error(`template ${JSON.stringify(template)}: "}" expected at ${at}`);
      at++;
    }
    if (text) out.push(text);
    return out;
  };
  const pieces = parse(false);
  if (at !== template.length) throw new Error(`template ${JSON.stringify(template)}: unmatched "}" at ${at}`);
  return pieces;
}

const parsed = new Map<string, Piece[]>();
export function piecesOf(template: string): Piece[] {
  let pieces = parsed.get(template);
  if (!pieces) parsed.set(template, (pieces = parseTemplate(template)));
  return pieces;
}

/** The placeholder names a template uses, sorted (the catalog test compares them across languages). */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  const walk = (pieces: Piece[]): void => {
    for (const p of pieces) {
      if (typeof p === 'string') continue;
      names.add(p.name);
      if ('optional' in p) walk(p.optional);
    }
  };
  walk(piecesOf(template));
  return [...names].sort();
}
