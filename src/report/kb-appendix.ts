// The knowledge-base articles a report cites, appended so a report read offline still explains itself.
import { loadKb, type KbLang } from '../kb/index.js';
import { trusted, type Markdown } from './escape.js';
import type { ShownReport } from './wording.js';

/** In Japanese the articles' Japanese titles and bodies are appended (English where one is not written yet). */
export function kbAppendix(report: ShownReport, lang: KbLang = 'en'): Markdown[] {
  const ids = report.findings.flatMap((f) => f.kb);
  // Article text is ours (kb/), not input: it is Markdown source already.
  const text = loadKb().appendixFor(ids, 2, lang);
  return text ? [trusted(text)] : [];
}
