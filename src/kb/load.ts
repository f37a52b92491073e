// Reading kb/**/*.md into articles, plus the generated code entries.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArticle, parseJapaneseBody, type Article } from './article.js';
import { generatedCodeArticles } from './codes.js';

export interface LoadedArticles {
  articles: Article[];
  /** Problems found in article files; the KB test asserts there are none. */
  problems: string[];
}

/** Every Markdown file under dir except README.md files, which document the folder itself. */
function markdownFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.md') && !/(^|[\\/])README\.md$/i.test(name))
    .map((name) => join(dir, name))
    .sort();
}

/** Japanese bodies sit beside their article as `<name>.ja.md`; they are never articles of their own. */
const JAPANESE_SUFFIX = '.ja.md';

export function loadArticles(kbDir: string): LoadedArticles {
  const problems: string[] = [];
  const byId = new Map<string, Article>();
  const byOrigin = new Map<string, Article>();
  const files = markdownFiles(kbDir).map((file) => ({ file, origin: `kb/${relative(kbDir, file).split(sep).join('/')}` }));
  const read = (file: string, origin: string): string | undefined => {
    try {
      return readFileSync(file, 'utf8');
    } catch (err) {
      problems.push(`${origin}: cannot read (${(err as Error).message})`);
      return undefined;
    }
  };
  for (const { file, origin } of files.filter((f) => !f.origin.endsWith(JAPANESE_SUFFIX))) {
    const text = read(file, origin);
    if (text === undefined) continue;
    const parsed = parseArticle(text, origin);
    for (const p of parsed.problems) problems.push(p);
    const article = parsed.article;
    if (!article) continue;
    const expected = expectedPath(article);
    if (expected && origin !== expected) problems.push(`${origin}: article ${article.id} belongs at ${expected}`);
    const twin = byId.get(article.id);
    if (twin) {
      problems.push(`${origin}: id ${article.id} already used by ${twin.origin}`);
      continue;
    }
    byId.set(article.id, article);
    byOrigin.set(origin, article);
  }
  for (const { file, origin } of files.filter((f) => f.origin.endsWith(JAPANESE_SUFFIX))) {
    const text = read(file, origin);
    if (text === undefined) continue;
    const parsed = parseJapaneseBody(text, origin);
    for (const p of parsed.problems) problems.push(p);
    const japanese = parsed.japanese;
    if (!japanese) continue;
    const englishOrigin = `${origin.slice(0, -JAPANESE_SUFFIX.length)}.md`;
    const english = byOrigin.get(englishOrigin);
    if (!english) {
      problems.push(`${origin}: no English article ${englishOrigin} beside it (a Japanese body needs its English original)`);
      continue;
    }
    if (japanese.id !== english.id) {
      problems.push(`${origin}: id ${japanese.id} differs from ${english.id} in ${englishOrigin}`);
      continue;
    }
    if (japanese.title !== english.titleJa) {
      problems.push(`${origin}: title ${JSON.stringify(japanese.title)} differs from title_ja ${JSON.stringify(english.titleJa)} in ${englishOrigin}`);
    }
    english.bodyJa = japanese.body;
  }
  const handWritten = new Set(byId.keys());
  const articles = [...byId.values(), ...generatedCodeArticles(handWritten)];
  return { articles, problems };
}

/** Where the conventions put an article's file, so ids and paths never drift apart. */
export function expectedPath(article: Pick<Article, 'id' | 'kind'>): string | undefined {
  switch (article.kind) {
    case 'rule':
      return `kb/rules/${article.id}.md`;
    case 'code':
      return `kb/codes/${article.id.slice('code/'.length)}.md`;
    case 'event':
      return `kb/events/${article.id.slice('event/'.length)}.md`;
    case 'procedure':
      return `kb/procedures/${article.id.slice('procedure/'.length)}.md`;
    default:
      return undefined;
  }
}
