import { parseFrontMatter } from './frontmatter.js';

export type ArticleKind = 'rule' | 'code' | 'event' | 'procedure';
const KINDS: readonly ArticleKind[] = ['rule', 'code', 'event', 'procedure'];

export interface Article {
  /** Stable id: a rule id, `code/0xC004F074`, `event/12288` or `procedure/<slug>`. */
  id: string;
  title: string;
  kind: ArticleKind;
  tags: string[];
  related: string[];
  titleJa: string;
  keywordsJa: string[];
  /** Extra English search words that the title and body do not carry. */
  keywords: string[];
  /** Rule articles: the rule's default severity. */
  severity?: 'error' | 'warning' | 'info';
  /** Markdown body, without the front matter. */
  body: string;
  /**
   * Japanese body: from the sibling `<name>.ja.md` for hand-written articles, made from the
   * Japanese meaning table for generated code entries. Undefined while no one has written it.
   */
  bodyJa?: string;
  /** Where the article came from: a path under kb/, or "generated" for table-made code entries. */
  origin: string;
}

export interface ArticleParse {
  article?: Article;
  problems: string[];
}

const ID_SHAPES: Record<ArticleKind, RegExp> = {
  rule: /^[a-z][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/,
  code: /^code\/0x[0-9A-F]{8}$/,
  event: /^event\/\d{1,5}$/,
  procedure: /^procedure\/[a-z0-9][a-z0-9-]*$/,
};

/** Checks an id against the naming convention for its kind (see kb/README.md). */
export function idFitsKind(id: string, kind: ArticleKind): boolean {
  if (kind === 'rule' && /^(code|event|procedure)\//.test(id)) return false;
  return ID_SHAPES[kind].test(id);
}

/** Reads one Markdown article; returns problems rather than throwing, so one bad file never hides the rest. */
export function parseArticle(text: string, origin: string): ArticleParse {
  const fm = parseFrontMatter(text);
  const problems = fm.problems.map((p) => `${origin}: ${p}`);
  const str = (key: string): string | undefined => {
    const v = fm.data[key];
    if (v === undefined) return undefined;
    if (Array.isArray(v)) {
      problems.push(`${origin}: "${key}" must be a single value`);
      return undefined;
    }
    return v;
  };
  const list = (key: string): string[] => {
    const v = fm.data[key];
    if (v === undefined) return [];
    return Array.isArray(v) ? v : [v];
  };

  const id = str('id');
  const title = str('title');
  const kind = str('kind');
  const titleJa = str('title_ja');
  if (!id) problems.push(`${origin}: missing "id"`);
  if (!title) problems.push(`${origin}: missing "title"`);
  if (!titleJa) problems.push(`${origin}: missing "title_ja"`);
  if (!kind || !(KINDS as readonly string[]).includes(kind)) {
    problems.push(`${origin}: "kind" must be one of ${KINDS.join(', ')}`);
  }
  const severity = str('severity');
  if (severity !== undefined && !['error', 'warning', 'info'].includes(severity)) {
    problems.push(`${origin}: "severity" must be error, warning or info`);
  }
  if (id && kind && (KINDS as readonly string[]).includes(kind) && !idFitsKind(id, kind as ArticleKind)) {
    problems.push(`${origin}: id "${id}" does not fit kind "${kind}"`);
  }
  if (fm.body.trim() === '') problems.push(`${origin}: empty body`);
  if (problems.length > 0 || !id || !title || !kind || !titleJa) return { problems };

  return {
    problems,
    article: {
      id,
      title,
      kind: kind as ArticleKind,
      tags: list('tags'),
      related: list('related'),
      titleJa,
      keywordsJa: list('keywords_ja'),
      keywords: list('keywords'),
      severity: severity as Article['severity'],
      body: fm.body,
      origin,
    },
  };
}

/** The Japanese twin of an article: `<name>.ja.md` beside `<name>.md`, holding only `id`, `title` and the body. */
export interface JapaneseBody {
  id: string;
  title: string;
  body: string;
}

const JAPANESE_KEYS = new Set(['id', 'title']);

/** Reads a `.ja.md` file; like parseArticle it reports problems instead of throwing. */
export function parseJapaneseBody(text: string, origin: string): { japanese?: JapaneseBody; problems: string[] } {
  const fm = parseFrontMatter(text);
  const problems = fm.problems.map((p) => `${origin}: ${p}`);
  for (const key of Object.keys(fm.data)) {
    // Tags, related ids and keywords live in the English file only, so the two never disagree.
    if (!JAPANESE_KEYS.has(key)) problems.push(`${origin}: "${key}" belongs in the English article; a .ja.md holds only id and title`);
  }
  const single = (key: string): string | undefined => {
    const v = fm.data[key];
    if (Array.isArray(v)) {
      problems.push(`${origin}: "${key}" must be a single value`);
      return undefined;
    }
    if (v === undefined || v.trim() === '') problems.push(`${origin}: missing "${key}"`);
    return v;
  };
  const id = single('id');
  const title = single('title');
  if (fm.body.trim() === '') problems.push(`${origin}: empty body`);
  if (problems.length > 0 || !id || !title) return { problems };
  return { japanese: { id, title, body: fm.body }, problems };
}
