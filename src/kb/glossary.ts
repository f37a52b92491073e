// The English ↔ Japanese glossary (kb/glossary.tsv): the guide's own vocabulary, where in the guide
// each term appears, and the wrong variants our Japanese text must not use.
import { readFileSync } from 'node:fs';

export interface GlossaryEntry {
  en: string;
  /** The term our Japanese text uses. */
  ja: string;
  /** Other renderings that are also right (the guide's own wording where it differs, slmgr labels). */
  accepted: string[];
  /** The words exactly as they stand on guideLine of the operations guide. */
  guideText: string;
  guideLine: number;
  guideSection: string;
  /** Variants that are wrong in our text (loan words the guide does not use, missing spaces). */
  avoid: string[];
  note: string;
}

const COLUMNS = ['en', 'ja', 'accepted', 'guide_text', 'guide_line', 'guide_section', 'avoid', 'note'] as const;

export interface GlossaryParse {
  entries: GlossaryEntry[];
  problems: string[];
}

const list = (cell: string): string[] => cell.split(';').map((s) => s.trim()).filter((s) => s !== '');

/** Parses the TSV; a malformed row is reported with its line number and skipped. */
export function parseGlossary(text: string, origin = 'kb/glossary.tsv'): GlossaryParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: string[] = [];
  const header = (lines[0] ?? '').split('\t');
  if (header.join('\t') !== COLUMNS.join('\t')) {
    return { entries: [], problems: [`${origin}: line 1: expected the columns ${COLUMNS.join(', ')}, found ${header.join(', ')}`] };
  }
  const entries: GlossaryEntry[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const at = `${origin}: line ${i + 2}`;
    const cells = line.split('\t');
    if (cells.length !== COLUMNS.length) {
      problems.push(`${at}: expected ${COLUMNS.length} tab-separated cells, found ${cells.length}`);
      return;
    }
    const [en, ja, accepted, guideText, guideLine, guideSection, avoid, note] = cells.map((c) => c.trim()) as string[] as [
      string, string, string, string, string, string, string, string,
    ];
    const lineNo = Number(guideLine);
    if (en === '' || ja === '' || guideText === '' || guideSection === '') {
      problems.push(`${at}: en, ja, guide_text and guide_section must not be empty`);
      return;
    }
    if (!Number.isInteger(lineNo) || lineNo < 1) {
      problems.push(`${at}: guide_line must be a line number, found ${JSON.stringify(guideLine)}`);
      return;
    }
    entries.push({ en, ja, accepted: list(accepted), guideText, guideLine: lineNo, guideSection, avoid: list(avoid), note });
  });
  return { entries, problems };
}

export function loadGlossary(path: string): GlossaryParse {
  return parseGlossary(readFileSync(path, 'utf8'));
}

/** Prose only: code spans and fenced blocks hold commands and quoted Windows labels, which stay as Windows prints them. */
export function japaneseProse(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');
}

/**
 * Wrong variants found in Japanese text, as "variant (say: term)". Right terms that contain a
 * wrong variant (the name of the technology holds the loan word that is wrong for the act) are
 * blanked first.
 */
export function wrongVariants(
  text: string,
  entries: readonly GlossaryEntry[],
  proseOf: (text: string) => string = japaneseProse,
): string[] {
  let prose = proseOf(text);
  const right = entries
    .flatMap((e) => [e.ja, ...e.accepted, e.guideText])
    .filter((t) => entries.some((e) => e.avoid.some((v) => v !== t && t.includes(v))))
    .sort((a, b) => b.length - a.length);
  for (const term of right) prose = prose.split(term).join('\u3000');
  const found: string[] = [];
  for (const e of entries) {
    for (const variant of e.avoid) if (prose.includes(variant)) found.push(`${variant} (say: ${e.ja})`);
  }
  return found;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const bareTerm = (entry: GlossaryEntry) => entry.en.replace(/\s*\([^)]*\)$/, '');

function termPattern(term: string): RegExp {
  // A term written in lower case also matches at the start of a sentence; "Volume Activation"
  // (the name) keeps its capitals, so it stays apart from "volume activation".
  const first = term.charAt(0);
  const head = first === first.toLowerCase() && first !== first.toUpperCase() ? `[${first}${first.toUpperCase()}]` : escapeRegExp(first);
  return new RegExp(`(?<![\\w-])${head}${escapeRegExp(term.slice(1))}(?![\\w-])`, 'g');
}

/**
 * Whether English prose uses the entry's term as a term of its own: whole words, the parenthesised
 * abbreviation left out ("Key Management Service (KMS)" → "Key Management Service"), and not as
 * part of a longer glossary term ("Volume Activation" inside "Volume Activation Management Tool").
 */
export function mentions(englishProse: string, entry: GlossaryEntry, entries: readonly GlossaryEntry[] = []): boolean {
  const term = bareTerm(entry);
  let prose = englishProse;
  for (const longer of entries.map(bareTerm).filter((t) => t !== term && t.includes(term))) {
    prose = prose.replace(termPattern(longer), ' ');
  }
  return termPattern(term).test(prose);
}

/** True when Japanese prose uses the entry's term or one of its accepted renderings. */
export function usesTerm(japanese: string, entry: GlossaryEntry): boolean {
  return [entry.ja, ...entry.accepted, entry.guideText].some((t) => japanese.includes(t));
}
