// Whole-text documents (not streams of events) → facts, by the form the sniffer named.
import type { TextDocument } from '../types.js';
import type { Fact } from './facts.js';
import { parseNetworkText } from './network/index.js';
import { identifyLicense } from './license-identity.js';
import { parseOspp } from './ospp.js';
import { parseSlmgr, type SlmgrParseOptions } from './slmgr.js';

export interface DocumentParse {
  facts: Fact[];
  unknownLines: { line: number; text: string }[];
  /** Why a document that was read gave no facts, when the parser knows more than "nothing found". */
  notes: string[];
  /** The rejection reason when the document gives no facts at all. */
  emptyReason: string;
}

export function parseDocument(document: TextDocument, options: SlmgrParseOptions = {}): DocumentParse {
  if (document.source.format === 'network') {
    const r = parseNetworkText(document.text, document.source);
    const why = r.notes.length ? `: ${r.notes.join('; ')}` : '';
    return { ...r, emptyReason: `DNS / port-check text without an SRV lookup for _vlmcs._tcp or a TCP port test${why}` };
  }
  if (document.source.format === 'ospp') {
    const r = parseOspp(document.text, document.source, options);
    return {
      facts: r.facts,
      unknownLines: r.unknown.map((l) => ({ line: l.no, text: l.text.trimEnd() })),
      notes: r.notes,
      emptyReason: `ospp.vbs text without a product block or an error code${r.notes.length ? `: ${r.notes.join('; ')}` : ''}`,
    };
  }
  const r = parseSlmgr(document.text, document.source, options);
  // slmgr /dlv all lists Office products too: named the way ospp and WMI licenses are.
  for (const fact of r.facts) if (fact.kind === 'license') identifyLicense(fact);
  return { ...r, notes: [], emptyReason: 'slmgr text without any product block or result line' };
}
