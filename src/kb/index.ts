// Public face of the knowledge base: load the articles, search them, resolve what a user typed.
import { fileURLToPath } from 'node:url';
import type lunr from 'lunr';
import type { Article, ArticleKind } from './article.js';
import type { KbLang } from './lang.js';
import { loadArticles } from './load.js';
import { candidateIds } from './resolve.js';
import { excerptFor, runQuery, type SearchHit } from './query.js';
import { obtainIndex, type IndexSource } from './search-index.js';

export type { Article, ArticleKind } from './article.js';
export type { SearchHit } from './query.js';
export type { IndexSource } from './search-index.js';
export { KB_LANGS, type KbLang } from './lang.js';
export { renderArticleForTerminal, renderMarkdown, stripControl, type RenderOptions } from './render.js';
export { describeHresult, normalizeHresult, codeArticleId } from './codes.js';
export { parseFrontMatter } from './frontmatter.js';
export { writeIndexFile, fingerprintArticles } from './search-index.js';
export { loadArticles, expectedPath } from './load.js';

// Both src/kb and dist/kb sit two levels below the package root.
const PACKAGE_ROOT = new URL('../../', import.meta.url);
export const DEFAULT_KB_DIR = fileURLToPath(new URL('kb/', PACKAGE_ROOT));
/** Written by scripts/build-kb-index.js during `npm run build`. */
export const DEFAULT_INDEX_PATH = fileURLToPath(new URL('dist/kb-index.json', PACKAGE_ROOT));

export interface SearchOptions {
  limit?: number;
  /** Language of the titles and excerpts returned; `ja` shows the Japanese title and body text. */
  lang?: KbLang;
}

/** The article's title in a language (the Japanese one is always there: the loader requires it). */
export function titleIn(article: Article, lang: KbLang): string {
  return lang === 'ja' ? article.titleJa : article.title;
}

/** The article's body in a language; English when the Japanese body is not written yet. */
export function bodyIn(article: Article, lang: KbLang): string {
  return lang === 'ja' ? (article.bodyJa ?? article.body) : article.body;
}

const APPENDIX_HEADING: Record<KbLang, string> = { en: 'Knowledge base', ja: 'ナレッジ ベース' };

export interface LoadKbOptions {
  kbDir?: string;
  /** Prebuilt index file; `null` forces an in-memory build. */
  indexPath?: string | null;
}

export class Kb {
  readonly articles: readonly Article[];
  readonly problems: readonly string[];
  private readonly byId: Map<string, Article>;
  private readonly byLowerId: Map<string, Article>;
  private built: { index: lunr.Index; source: IndexSource } | undefined;

  constructor(
    articles: readonly Article[],
    problems: readonly string[],
    private readonly indexPath: string | undefined,
  ) {
    this.articles = articles;
    this.problems = problems;
    this.byId = new Map(articles.map((a) => [a.id, a]));
    this.byLowerId = new Map(articles.map((a) => [a.id.toLowerCase(), a]));
  }

  get(id: string): Article | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  ofKind(kind: ArticleKind): Article[] {
    return this.articles.filter((a) => a.kind === kind);
  }

  /** HRESULT in any spelling, event id, rule id or article id → its article. */
  resolve(input: string | number): Article | undefined {
    for (const id of candidateIds(input)) {
      const hit = this.byId.get(id) ?? this.byLowerId.get(id.toLowerCase());
      if (hit) return hit;
    }
    return undefined;
  }

  /** Where the index came from; builds or loads it on first use (never per query). */
  get indexSource(): IndexSource {
    return this.index().source;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 10;
    const lang = options.lang ?? 'en';
    const results = runQuery(this.index().index, query, limit);
    const hits: SearchHit[] = [];
    for (const r of results) {
      const article = this.byId.get(r.ref);
      if (!article) continue; // an index entry for an article that is gone: skip, never crash
      hits.push({ id: article.id, title: titleIn(article, lang), score: r.score, excerpt: excerptFor(article, query, lang) });
    }
    return hits;
  }

  /** Repo-relative path of a hand-written article ("kb/rules/…md"); undefined for generated entries. */
  pathOf(id: string): string | undefined {
    const a = this.byId.get(id);
    return a && a.origin !== 'generated' ? a.origin : undefined;
  }

  /** Article as Markdown for appending to a report: heading with title and id, then the body. */
  markdownFor(id: string, headingLevel = 3, lang: KbLang = 'en'): string | undefined {
    const a = this.byId.get(id);
    if (!a) return undefined;
    const hashes = '#'.repeat(Math.min(6, Math.max(1, headingLevel)));
    // Article headings nest under the appended heading.
    const body = bodyIn(a, lang).replace(/^(#{1,6}) /gm, (_m, h: string) => `${'#'.repeat(Math.min(6, h.length + headingLevel))} `);
    return `${hashes} ${titleIn(a, lang)} (\`${a.id}\`)\n\n${body.trim()}\n`;
  }

  /**
   * The articles a report cites, once each and in first-cited order, under one heading — for
   * appending to a Markdown report. Unknown ids are skipped (the coverage test keeps them rare).
   */
  appendixFor(ids: readonly string[], headingLevel = 2, lang: KbLang = 'en'): string {
    const seen = new Set<string>();
    const sections: string[] = [];
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const section = this.markdownFor(id, headingLevel + 1, lang);
      if (section) sections.push(section);
    }
    if (sections.length === 0) return '';
    return `${'#'.repeat(Math.min(6, Math.max(1, headingLevel)))} ${APPENDIX_HEADING[lang]}\n\n${sections.join('\n')}`;
  }

  private index(): { index: lunr.Index; source: IndexSource } {
    this.built ??= obtainIndex(this.articles, this.indexPath);
    return this.built;
  }
}

let cached: Kb | undefined;

/** The knowledge base, loaded once per process for the default location. */
export function loadKb(options: LoadKbOptions = {}): Kb {
  const isDefault = options.kbDir === undefined && options.indexPath === undefined;
  if (isDefault && cached) return cached;
  const { articles, problems } = loadArticles(options.kbDir ?? DEFAULT_KB_DIR);
  const indexPath = options.indexPath === null ? undefined : (options.indexPath ?? DEFAULT_INDEX_PATH);
  const kb = new Kb(articles, problems, indexPath);
  if (isDefault) cached = kb;
  return kb;
}
