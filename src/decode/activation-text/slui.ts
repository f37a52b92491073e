// The text of the `slui.exe 0x2a <code>` dialog, copied (Wind4/vlmcsd#37):
//
//   Code: 0x87E10BC6                     (or "Code:" with the code on the next line)
//   Description: Unable to find a detailed error description.
//   Unknown facility code 0x7E1 (2017L)
//   Facility error: 0xBC6 (3014L)
//
// → an slmgr-error fact with origin 'slui': the code, at its line, with Windows' own description as its text.
import type { BlockReader, PasteLine } from '../../ingest/index.js';
import type { SourceRef } from '../../types.js';
import type { SlmgrErrorFact } from '../facts.js';
import { normalizeHresult } from '../hresult.js';

export interface DialogParse {
  facts: SlmgrErrorFact[];
  unknown: PasteLine[];
}

const CODE = /^\s*Code\s*[:：]\s*(0x[0-9a-f]{8})?\s*$/i;
const HEX = /^\s*(0x[0-9a-f]{8})\s*$/i;
const DESCRIPTION = /^\s*Description\s*[:：]\s*(.*)$/i;
const FACILITY = /^\s*(?:Unknown facility code|Facility code|Facility error|Facility)\b/i;

export class SluiReader implements BlockReader<DialogParse> {
  private readonly facts: SlmgrErrorFact[] = [];
  private readonly unknownLines: PasteLine[] = [];
  private fact: SlmgrErrorFact | undefined;
  private awaiting: 'code' | 'description' | undefined;

  constructor(
    private readonly source: SourceRef,
    private readonly startsBlock: (text: string) => boolean,
  ) {}

  read({ no, text }: PasteLine): boolean {
    if (text.trim() === '') {
      if (this.awaiting === 'description' && this.fact?.text) this.awaiting = undefined;
      return true;
    }
    let m: RegExpExecArray | null;
    if ((m = CODE.exec(text))) {
      this.fact = { kind: 'slmgr-error', source: { ...this.source, line: no }, computer: '', time: '', text: '', line: no, origin: 'slui' };
      this.facts.push(this.fact);
      if (m[1]) this.fact.code = normalizeHresult(m[1]);
      this.awaiting = m[1] ? undefined : 'code';
    } else if (this.awaiting === 'code' && (m = HEX.exec(text)) && this.fact) {
      this.fact.code = normalizeHresult(m[1] ?? '');
      this.awaiting = undefined;
    } else if ((m = DESCRIPTION.exec(text)) && this.fact) {
      this.fact.text = (m[1] ?? '').trim();
      this.awaiting = 'description';
    } else if (FACILITY.test(text) && this.fact) {
      this.fact.text = [this.fact.text, text.trim()].filter(Boolean).join(' ');
    } else if (this.awaiting === 'description' && this.fact && !this.startsBlock(text)) {
      // "Description:" with Windows' sentence on the lines below it.
      this.fact.text = [this.fact.text, text.trim()].filter(Boolean).join(' ');
    } else {
      return false;
    }
    return true;
  }

  unknown(line: PasteLine): void {
    this.unknownLines.push(line);
  }

  end(): DialogParse {
    return { facts: this.facts.filter((f) => f.code !== undefined || f.text !== ''), unknown: this.unknownLines };
  }
}
