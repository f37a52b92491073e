// slmgr.vbs output (/dli, /dlv, /xpr, /ato) → license facts. (Parser being filled in.)
import type { SourceRef } from '../types.js';
import type { Fact } from './facts.js';

export interface SlmgrParse {
  facts: Fact[];
  unknownLines: { line: number; text: string }[];
}

export function parseSlmgr(text: string, source: SourceRef): SlmgrParse {
  void source;
  const unknownLines = text
    .split(/\r?\n/)
    .map((t, i) => ({ line: i + 1, text: t }))
    .filter((l) => l.text.trim() !== '');
  return { facts: [], unknownLines };
}

export function looksLikeSlmgr(text: string): boolean {
  return /^(Name|名前|Description|説明|License Status|ライセンスの状態)\s*[:：]/m.test(text);
}
