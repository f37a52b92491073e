// Everything that reaches Markdown, HTML or a terminal from input is attacker-shaped (KMS client names are
// sent by clients). Rendering is safe by construction: the `md` template escapes every interpolated value
// unless it was built by `md` itself or wrapped with `trusted()` by our own code.

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Makes control and bidi characters visible as `\u{…}` so input cannot drive a terminal or reorder text. */
export function neutralizeControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\u{${c.codePointAt(0)!.toString(16).padStart(4, '0')}}`);
}

// Inline markup, HTML and autolink triggers. '.', '-', '+' matter only where a line starts, handled below.
const MD_SPECIAL = /[\\`*_{}[\]<>#|~!&@]/g;
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** Escapes text for Markdown inline context: no markup, no HTML, no links survive. */
export function escapeMarkdown(text: string): string {
  return neutralizeControls(text)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(MD_SPECIAL, (c) => ENTITY[c] ?? `\\${c}`)
    .replace(/:\/\//g, ':\\/\\/')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/^(\s*)([-+]|\d+[.)])(?=\s|$)/, (_m, space: string, marker: string) => `${space}${marker.replace(/[-+.)]/, (c) => `\\${c}`)}`);
}

/** Code spans: backticks in the value would close the span, so pick a fence longer than any run inside. */
export function codeSpan(text: string): Markdown {
  // '|' would end a table cell even inside a code span; GFM drops the backslash of '\|' there.
  const clean = neutralizeControls(text).replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
  const fence = '`'.repeat(longestBacktickRun(clean) + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean === '' ? ' ' : '';
  return new Markdown(`${fence}${pad}${clean}${pad}${fence}`);
}

/** The longest run of backticks in `text` (a loop: a value can hold more runs than a call takes arguments). */
function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    run = text.charCodeAt(i) === 0x60 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

export class Markdown {
  constructor(readonly source: string) {}
  toString(): string {
    return this.source;
  }
}

/** Marks a string written by volact itself (never input) as Markdown source. */
export function trusted(source: string): Markdown {
  return new Markdown(source);
}

type Interpolation = Markdown | string | number | undefined | null | Markdown[];

function render(value: Interpolation): string {
  if (value instanceof Markdown) return value.source;
  if (Array.isArray(value)) return value.map((v) => v.source).join('');
  if (value === undefined || value === null) return '';
  return escapeMarkdown(String(value));
}

/** Tagged template: literal parts are ours, every `${value}` is escaped unless it is Markdown already. */
export function md(strings: TemplateStringsArray, ...values: Interpolation[]): Markdown {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Markdown(out);
}

export function joinMd(parts: Markdown[], separator = '\n'): Markdown {
  return new Markdown(parts.map((p) => p.source).join(separator));
}

/** Rendered text in pieces as Markdown: text escaped, commands in code spans (so a copied command works). */
export function mdParts(parts: readonly { text: string; command?: true }[]): Markdown {
  return new Markdown(parts.map((p) => (p.command ? codeSpan(p.text).source : escapeMarkdown(p.text))).join(''));
}
