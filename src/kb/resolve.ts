// `explain` accepts many spellings; this decides which article a piece of text means.
import { describeHresult, normalizeHresult } from './codes.js';

/** Candidate article ids for an input, most likely first. The caller takes the first that exists. */
export function candidateIds(input: string | number): string[] {
  const text = String(input).trim();
  if (text === '') return [];
  const out: string[] = [text];
  const lower = text.toLowerCase();
  if (lower !== text) out.push(lower);

  // "code/0xc004f074" → the canonical upper-case spelling.
  const codePrefixed = /^code\/(.+)$/i.exec(text);
  if (codePrefixed?.[1]) pushCode(out, codePrefixed[1]);

  const eventish = /^(?:event\/|event\s*(?:id)?\s*|id\s*)?(\d{1,5})$/i.exec(text);
  const hex8 = /^[0-9a-f]{8}$/i.test(text);
  if (hex8) pushCode(out, `0x${text}`); // "80072338" is far more likely hex than decimal
  if (eventish?.[1]) out.push(`event/${Number(eventish[1])}`);
  pushCode(out, text);
  return [...new Set(out)];
}

function pushCode(out: string[], text: string): void {
  const code = normalizeHresult(text);
  if (!code) return;
  out.push(`code/${code}`);
  // Licensing codes are printed with either severity bit (0xC004F065 / 0x4004F065).
  const alias = describeHresult(code).equivalent;
  if (alias) out.push(`code/${alias}`);
}
