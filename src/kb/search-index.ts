// The lunr index over titles, keywords and bodies. Built once: either read from the file
// scripts/build-kb-index.js wrote at build time, or built in memory when that file is absent
// or was made from other article text (the fingerprint tells).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type lunr from 'lunr';
import type { Article } from './article.js';
import { lunrKit } from './lunr-setup.js';

/** Bump when the indexed fields or pipeline change, so old index files count as stale. */
const INDEX_FORMAT = 6;

interface IndexedDoc {
  id: string;
  title: string;
  title_ja: string;
  keywords: string;
  body: string;
  /** The Japanese body, so a Japanese question also matches what the article says, not only its title. */
  body_ja: string;
}

export interface SerializedKbIndex {
  format: number;
  fingerprint: string;
  articles: number;
  index: object;
}

export type IndexSource = 'prebuilt' | 'built-in-memory';

function toDoc(a: Article): IndexedDoc {
  return {
    id: a.id,
    title: a.title,
    title_ja: a.titleJa,
    keywords: [...idWords(a), ...a.tags, ...a.keywords, ...a.keywordsJa].join(' \n '),
    body: plainText(a.body),
    body_ja: plainText(a.bodyJa ?? ''),
  };
}

// lunr splits only on spaces and hyphens, so "code/0xC004F074" would stay one token;
// the parts people actually type are added as words of their own.
function idWords(a: Article): string[] {
  const words = [a.id, ...a.id.split(/[/\-]/)];
  if (a.kind === 'code') {
    const code = a.id.slice('code/'.length);
    words.push(code, code.slice(2));
  }
  return words;
}

/** Markdown reduced to words: markup characters would otherwise stick to tokens. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^```[^\n]*$/gm, '')
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|^#{1,6}\s+|^>\s?/gm, '');
}

/** Changes whenever any indexed text, the field set or the pipeline changes. */
export function fingerprintArticles(articles: readonly Article[]): string {
  const hash = createHash('sha256');
  hash.update(`format ${INDEX_FORMAT}\n`);
  for (const a of [...articles].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    hash.update(JSON.stringify(toDoc(a)));
    hash.update('\n');
  }
  return hash.digest('hex');
}

export function buildIndex(articles: readonly Article[]): lunr.Index {
  const { lunr, plugin } = lunrKit();
  return lunr(function () {
    this.use(plugin);
    this.ref('id');
    this.field('title', { boost: 8 });
    this.field('title_ja', { boost: 8 });
    this.field('keywords', { boost: 4 });
    this.field('body');
    this.field('body_ja');
    for (const a of articles) this.add(toDoc(a));
  });
}

export function serializeIndex(articles: readonly Article[]): SerializedKbIndex {
  return {
    format: INDEX_FORMAT,
    fingerprint: fingerprintArticles(articles),
    articles: articles.length,
    index: buildIndex(articles).toJSON(),
  };
}

export function writeIndexFile(path: string, articles: readonly Article[]): SerializedKbIndex {
  const data = serializeIndex(articles);
  writeFileSync(path, JSON.stringify(data));
  return data;
}

/**
 * The prebuilt index when the file exists and matches these articles; otherwise one built now.
 * A damaged or foreign file is treated like a missing one: search must still work.
 */
export function obtainIndex(
  articles: readonly Article[],
  indexPath: string | undefined,
): { index: lunr.Index; source: IndexSource } {
  const { lunr } = lunrKit();
  if (indexPath) {
    try {
      const data = JSON.parse(readFileSync(indexPath, 'utf8')) as Partial<SerializedKbIndex>;
      if (data.format === INDEX_FORMAT && data.fingerprint === fingerprintArticles(articles) && data.index) {
        return { index: lunr.Index.load(data.index), source: 'prebuilt' };
      }
    } catch {
      // absent or unreadable: fall through to an in-memory build
    }
  }
  return { index: buildIndex(articles), source: 'built-in-memory' };
}
