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
