// The knowledge-base articles a report cites, appended so a report read offline still explains itself.
import { loadKb } from '../kb/index.js';
import { trusted, type Markdown } from './escape.js';
import type { Report } from './model.js';

export function kbAppendix(report: Report): Markdown[] {
  const ids = report.findings.flatMap((f) => f.kb);
  // Article text is ours (kb/), not input: it is Markdown source already.
  const text = loadKb().appendixFor(ids, 2);
  return text ? [trusted(text)] : [];
}
