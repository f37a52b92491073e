// A reader for the small YAML subset our articles use in their front matter:
//   key: scalar            key: "quoted scalar"
//   key: [a, b, "c, d"]    key:
//                            - block item
// Anything richer is reported as a problem instead of being guessed at, so a typo in an
// article shows up in the KB test rather than as a silently missing tag.

export type FrontMatterValue = string | string[];

export interface FrontMatter {
  data: Record<string, FrontMatterValue>;
  body: string;
  /** 1-based line numbers with what was wrong on them. */
  problems: string[];
}

const FENCE = '---';

export function parseFrontMatter(text: string): FrontMatter {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  if (lines[0]?.trim() !== FENCE) {
    return { data: {}, body: source, problems: ['line 1: no front matter (expected a "---" line)'] };
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === FENCE);
  if (end < 0) {
    return { data: {}, body: source, problems: ['front matter is not closed by a "---" line'] };
  }

  const data: Record<string, FrontMatterValue> = {};
  const problems: string[] = [];
  let openList: string[] | undefined;

  for (let i = 1; i < end; i++) {
    const raw = lines[i] ?? '';
    const lineNo = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;

    const item = /^\s+-\s*(.*)$/.exec(raw);
    if (item) {
      if (!openList) {
        problems.push(`line ${lineNo}: list item without a key above it`);
        continue;
      }
      openList.push(unquote(item[1] ?? ''));
      continue;
    }

    const pair = /^([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(.*)$/.exec(raw);
    if (!pair) {
      problems.push(`line ${lineNo}: not a "key: value" line`);
      openList = undefined;
      continue;
    }
    const key = pair[1] as string;
    const value = (pair[2] ?? '').trim();
    if (key in data) problems.push(`line ${lineNo}: key "${key}" given twice`);

    if (value === '') {
      openList = [];
      data[key] = openList;
    } else if (value.startsWith('[')) {
      openList = undefined;
      if (!value.endsWith(']')) {
        problems.push(`line ${lineNo}: inline list for "${key}" is not closed`);
        continue;
      }
      data[key] = splitInlineList(value.slice(1, -1));
    } else {
      openList = undefined;
      data[key] = unquote(value);
    }
  }

  const body = lines.slice(end + 1).join('\n').replace(/^\n+/, '');
  return { data, body, problems };
}

/** Splits "a, b, 'c, d'" on commas outside quotes. */
function splitInlineList(inner: string): string[] {
  const items: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (const ch of inner) {
    if (quote) {
      if (ch === quote) quote = undefined;
      current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ',') {
      items.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current);
  return items.map((s) => unquote(s.trim())).filter((s) => s !== '');
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) {
    return v.slice(1, -1);
  }
  return v;
}
