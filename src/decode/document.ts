// Whole-text documents (not streams of events) → facts: every one is a paste, split into the outputs it holds.
import type { TextDocument } from '../types.js';
import type { Fact } from './facts.js';
import { identifyLicense } from './license-identity.js';
import { emptyPasteReason, parsePaste } from './paste/index.js';
import type { SlmgrParseOptions } from './slmgr/index.js';

export interface DocumentParse {
  facts: Fact[];
  unknownLines: { line: number; text: string }[];
  /** Why blocks that were read gave no facts, when the parser knows more than "nothing found". */
  notes: string[];
  /** The rejection reason when the document gives no facts at all. */
  emptyReason: string;
  /** Where the lines went (see PasteParse.accounting). */
  accounting: { lines: number; owned: number; listed: number; console: number };
}

export function parseDocument(document: TextDocument, options: SlmgrParseOptions = {}): DocumentParse {
  const r = parsePaste(document.text, document.source, options);
  // Every license is named alike, whatever printed it: slmgr /dlv all lists Office products too.
  for (const fact of r.facts) if (fact.kind === 'license') identifyLicense(fact);
  return { ...r, emptyReason: emptyPasteReason(r, document.source.format) };
}
