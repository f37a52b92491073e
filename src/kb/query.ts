// Turning a person's question into a lunr query, and picking a short excerpt to show.
import type lunr from 'lunr';
import type { Article } from './article.js';
import type { KbLang } from './lang.js';
import { lunrKit } from './lunr-setup.js';
import { plainText } from './search-index.js';

export interface SearchHit {
  id: string;
  title: string;
  score: number;
  excerpt: string;
}

/** The words of a query after the same splitting and filtering the index used (not yet stemmed). */
export function queryTerms(query: string): string[] {
  const { tokenize, normalize } = lunrKit();
  const seen = new Set<string>();
  for (const token of normalize.run(tokenize(query.normalize('NFKC')))) {
    const term = String(token);
    if (term !== '') seen.add(term);
  }
  return [...seen];
}

export function runQuery(index: lunr.Index, query: string, limit: number): lunr.Index.Result[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const { lunr } = lunrKit();
  const results = index.query((q) => {
    for (const term of terms) {
      q.term(term, { boost: 10 });
      // Prefix matches help partial words ("publ", "skm") without outranking whole-word hits.
      if (term.length >= 3 && /^[\p{L}\p{N}_]+$/u.test(term)) {
        q.term(term, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
      }
    }
  });
  return results.slice(0, Math.max(0, limit));
}

const EXCERPT_CHARS = 160;
const JAPANESE_TEXT = /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF]/;

/**
 * The sentence, list item or table row of the article that holds most query words; the first one
 * as a fallback. In Japanese the excerpt comes from the Japanese body when the article has one.
 */
export function excerptFor(article: Article, query: string, lang: KbLang = 'en'): string {
  const japaneseBody = lang === 'ja' ? article.bodyJa : undefined;
  const pieces = excerptPieces(plainText(japaneseBody ?? article.body));
  // An English body answering a Japanese question: the Japanese title goes first, so the
  // person can tell at a glance that the hit is about what they asked.
  if (!japaneseBody && JAPANESE_TEXT.test(query) && article.titleJa) pieces.unshift(article.titleJa);
  if (pieces.length === 0) return '';
  const words = queryTerms(query).map((w) => w.toLowerCase());
  let best = pieces[0] as string;
  let bestHits = 0;
  for (const piece of pieces) {
    const lower = piece.toLowerCase();
    const hits = words.filter((w) => lower.includes(w)).length;
    if (hits > bestHits) {
      best = piece;
      bestHits = hits;
    }
  }
  return best.length > EXCERPT_CHARS ? `${best.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : best;
}

/** Paragraphs are hard-wrapped in the files: rejoin their lines, then cut into sentences. */
function excerptPieces(text: string): string[] {
  const pieces: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length === 0) return;
      // Japanese sentences end at 。 with no space after it; English ones at a stop and a space.
      for (const piece of joinLines(paragraph).split(/(?<=[。！？])|(?<=[.!?])\s+/)) pieces.push(piece);
      paragraph = [];
    };
    for (const line of lines) {
      if (line.startsWith('|')) {
        flush();
        if (/^\|[\s|:-]+\|?$/.test(line)) continue; // table separator row
        pieces.push(line.split('|').map((c) => c.trim()).filter((c) => c !== '').join(' · '));
      } else if (/^([-*]|\d+\.)\s/.test(line)) {
        flush();
        paragraph.push(line.replace(/^([-*]|\d+\.)\s+/, ''));
      } else {
        paragraph.push(line);
      }
    }
    flush();
  }
  return pieces.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0);
}

/** Hard-wrapped lines rejoined: with a space in English, without one between Japanese characters. */
function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    if (text === '') text = line;
    else if (JAPANESE_TEXT.test(text.slice(-1)) && JAPANESE_TEXT.test(line.charAt(0))) text += line;
    else text += ` ${line}`;
  }
  return text;
}
