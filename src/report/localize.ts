// Wires the report's wording to a language: our labels (i18n.ts), the walk's questions, and finding
// titles from the knowledge base's Japanese titles.
import { loadKb } from '../kb/index.js';
import { STEP_QUESTIONS_JA, type Lang } from './i18n.js';
import type { MarkdownOptions } from './markdown.js';

export function languageOptions(lang: Lang): Pick<MarkdownOptions, 'lang' | 'findingTitle' | 'stepQuestion'> {
  if (lang === 'en') return { lang };
  const kb = loadKb();
  return {
    lang,
    findingTitle: (finding) => kb.get(finding.rule)?.titleJa,
    stepQuestion: (step) => STEP_QUESTIONS_JA[step.id],
  };
}
