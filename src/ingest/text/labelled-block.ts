// The "Label: value" lines of wevtutil /f:text and of Event Viewer's "Copy details as text", in any language
// the label table knows. Labels may be padded ("Log Name:      Application"), indented (wevtutil), followed
// by no space (Czech copies) or use a full-width colon (Japanese).
import type { LooseEvent } from './build-event.js';
import { BLOCK_LABELS, type BlockField } from './vocabulary.js';

const MAX_LABEL_CHARS = 40;
const VALUE = /^[ \t]*(.*)$/;

export interface LabelMatch {
  field: BlockField;
  value: string;
}

export function matchLabel(text: string): LabelMatch | undefined {
  // Split at the first colon by hand: one regex with a lazy label between two \s* backtracks quadratically
  // on a long blank line (a 100 KB run of spaces took seconds).
  const colon = text.search(/[:：]/);
  if (colon < 0) return undefined;
  const label = text.slice(0, colon).trim();
  if (label.length === 0 || label.length > MAX_LABEL_CHARS) return undefined;
  const value = VALUE.exec(text.slice(colon + 1));
  if (!value) return undefined;
  const field = BLOCK_LABELS[label.toLowerCase()];
  return field ? { field, value: value[1].trim() } : undefined;
}

/** The header fields of one block, then its description (message) lines. */
export class BlockFields {
  readonly values: Partial<Record<BlockField, string>> = {};
  readonly description: string[] = [];
  inDescription = false;

  constructor(readonly line: number) {}

  /** Takes a header line; returns false when it is not a known label. */
  header(text: string): boolean {
    const label = matchLabel(text);
    if (!label) return false;
    if (label.field === 'description') {
      this.inDescription = true;
      if (label.value) this.description.push(label.value);
    } else if (this.values[label.field] === undefined) {
      this.values[label.field] = label.value;
    }
    return true;
  }

  loose(): LooseEvent {
    const v = this.values;
    return {
      channel: v.logName,
      provider: v.source,
      time: v.date,
      eventId: v.eventId,
      levelName: v.level,
      computer: v.computer,
      message: this.description.join('\n'),
    };
  }
}
