// Reads slmgr.vbs output (/dli, /dlv, /xpr, /ato, /ipk, /skms) line by line → one `license` fact per product,
// `slmgr-error` facts for errors printed outside a product, and the facts of /ipk and /skms. A line is either
// owned (a label from the vocabulary, the continuation of a wrapped line or of an error's text) or declined:
// the splitter then gives it to the output it begins, or back to this reader as a line it did not understand.
import type { BlockContext, BlockReader, LabelMatch, PasteLine } from '../../ingest/index.js';
import { displayWidth, labelWords, matchLabel, parseTimeZone, PRODUCT_KEY, readExportTime, type TimeZone } from '../../ingest/index.js';
import type { SourceRef } from '../../types.js';
import type { Fact, LicenseFact, SlmgrErrorFact } from '../facts.js';
import { finalize, newDraft, type Draft, type Line } from './draft.js';
import { FIELDS, type SlmgrState } from './fields.js';

export interface UnknownLine {
  line: number;
  text: string;
}

export interface SlmgrParse {
  facts: Fact[];
  unknownLines: UnknownLine[];
}

export interface SlmgrParseOptions {
  /** Zone of the machine that printed the text (`--tz`): /xpr prints its dates in local time without one. */
  tz?: string;
}

/** The console wraps at 80 columns; a line that filled them and is followed by text no label explains is one line. */
const WRAP_WIDTH = 79;

/** /xpr: "<product name>:" then the status on an indented line. */
const XPR_STATUS: Record<string, LicenseFact['licenseStatus']> = {
  xprPermanent: 'Licensed',
  xprVolume: 'Licensed',
  xprTimebased: 'Licensed',
  xprAvma: 'Licensed',
  xprInitialGrace: 'OOBGrace',
  xprAdditionalGrace: 'OOTGrace',
  xprNonGenuineGrace: 'NonGenuineGrace',
  xprNotification: 'Notification',
  xprExtendedGrace: 'ExtendedGrace',
};

let runOnError: RegExp | undefined;
/**
 * Where a message box copy runs the /ato result into the "Activating …" line: "… (82bbc092-…). 错误：0xC004F074…".
 * Built from the errorLine label of every language (data/slmgr/<lang>.tsv) on first use: the words live there only.
 */
const RUN_ON_ERROR = (): RegExp => (runOnError ??= new RegExp(`(?:${labelWords('errorLine').map(escapeRegExp).join('|')})\\s*[:：]\\s*0x[0-9a-f]{8}`, 'i'));

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class SlmgrReader implements BlockReader<SlmgrParse>, SlmgrState {
  private readonly facts: Fact[] = [];
  private readonly unknownLines: UnknownLine[] = [];
  private draft: Draft | undefined;
  private serviceVersion: string | undefined;
  /** Appends to the error whose explanation may continue on the next lines. */
  private openError: ((text: string) => void) | undefined;
  /** /xpr's "<product name>:" line, held until the status line below it. */
  private xprName: Line | undefined;
  /** A label line held until the next line shows whether the console wrapped it. */
  private pending: Line | undefined;
  private lastPhysical = '';
  private readonly zone: TimeZone | undefined;

  constructor(
    readonly file: SourceRef,
    options: SlmgrParseOptions = {},
    private readonly ctx: Pick<BlockContext, 'command' | 'startsBlock' | 'next'> = { startsBlock: () => false, next: () => undefined },
  ) {
    this.zone = options.tz !== undefined ? parseTimeZone(options.tz) : undefined;
  }

  get current(): Draft | undefined {
    return this.draft;
  }

  read(physical: PasteLine): boolean {
    const text = physical.text;
    const trimmed = text.trim();
    if (trimmed === '') {
      this.flush();
      this.openError = undefined;
      return true;
    }
    if (this.pending && this.wraps(text)) {
      this.pending.text += text;
      this.pending.lastNo = physical.no;
      this.lastPhysical = text;
      return true;
    }
    this.flush();
    this.lastPhysical = text;
    const m = matchLabel(trimmed);
    // "Installed product key detected - …" is ospp.vbs: slmgr's sentence names the key it installed.
    if (m && !(m.label.key === 'keyInstalled' && !PRODUCT_KEY.test(m.rest))) {
      this.pending = { no: physical.no, lastNo: physical.no, text };
      return true;
    }
    if (this.openError && !this.ctx.startsBlock(text)) {
      this.openError(trimmed);
      if (this.draft) this.draft.lineEnd = physical.no;
      return true;
    }
    if (/[:：]\s*$/.test(trimmed) && isExpiryLine(this.ctx.next())) {
      // /xpr: "Windows(R), Professional edition:" above the indented status line that names its state.
      this.xprName = { no: physical.no, lastNo: physical.no, text };
      return true;
    }
    return false;
  }

  unknown(physical: PasteLine): void {
    this.flush();
    this.unknownLines.push({ line: physical.no, text: physical.text.trimEnd() });
  }

  end(): SlmgrParse {
    this.flush();
    if (this.xprName) this.unknownLines.push({ line: this.xprName.no, text: this.xprName.text.trimEnd() });
    this.unknownLines.sort((a, b) => a.line - b.line);
    this.finish();
    return { facts: this.facts, unknownLines: this.unknownLines };
  }

  // ---- what field handlers may do (SlmgrState) --------------------------------------------------------------

  ensure(line: Line): Draft {
    return this.draft ?? this.start('', line, 'dli');
  }

  start(name: string, line: Line, form: LicenseFact['form']): Draft {
    this.finish();
    return (this.draft = newDraft(this.file, name, line, form));
  }

  setServiceVersion(version: string): void {
    this.serviceVersion = version;
  }

  add(fact: Fact): void {
    this.facts.push(fact);
  }

  error(text: string, line: Line, code: string | undefined): void {
    const d = this.draft;
    if (d && d.form === 'ato' && d.activation !== 'succeeded') {
      if (code) d.errors.push(code);
      d.activation = 'failed';
      d.lineEnd = line.lastNo;
      d.activationMessage = d.activationMessage ? `${d.activationMessage} ${text}` : text;
      this.openError = (more) => {
        d.activationMessage = `${d.activationMessage ?? ''} ${more}`.trim();
      };
      return;
    }
    const err: SlmgrErrorFact = { kind: 'slmgr-error', source: { ...this.file, line: line.no }, computer: '', time: '', text, line: line.no };
    if (code) err.code = code;
    if (d?.name) err.nearProduct = d.name;
    if (this.ctx.command?.kind === 'slmgr' && this.ctx.command.action) err.command = this.ctx.command.action;
    this.facts.push(err);
    this.openError = (more) => (err.text += ' ' + more);
  }

  continueError(text: string): void {
    this.openError?.(text);
  }

  // ---- states --------------------------------------------------------------------------------------------

  /** Whether a line continues the held one: the console wrapped it at 80 columns, and it begins nothing else. */
  private wraps(text: string): boolean {
    return displayWidth(this.lastPhysical) >= WRAP_WIDTH && matchLabel(text.trim()) === undefined && !this.ctx.startsBlock(text);
  }

  /** Processes the held label line, now that its wrapped continuation (if any) is joined. */
  private flush(): void {
    const line = this.pending;
    if (!line) return;
    this.pending = undefined;
    const m = matchLabel(line.text.trim());
    if (!m) {
      // A whole-line statement the continuation made into something else: listed, not guessed at.
      this.unknownLines.push({ line: line.no, text: line.text.trimEnd() });
      return;
    }
    this.onLabel(line, m);
  }

  private onLabel(line: Line, { label, rest }: LabelMatch): void {
    const key = label.key;
    if (!(key in XPR_STATUS) && this.xprName) {
      // The name line's status never came: it was not a product name after all.
      this.unknownLines.push({ line: this.xprName.no, text: this.xprName.text.trimEnd() });
      this.xprName = undefined;
    }
    if (key !== 'slui') this.openError = undefined;
    if (this.draft && !['name', 'activating', 'banner', 'serviceVersion', 'keyInstalled', 'kmsNameSet'].includes(key)) this.draft.lineEnd = line.lastNo;
    if (key in XPR_STATUS) {
      this.onExpiry(line, key, rest);
      return;
    }
    if (key === 'activating') {
      const cut = RUN_ON_ERROR().exec(rest);
      if (cut && cut.index > 0) {
        // One message-box line holding both sentences: read them one after the other, on the same line.
        FIELDS.activating!(this, rest.slice(0, cut.index), line, label);
        const error = matchLabel(rest.slice(cut.index));
        if (error) this.onLabel(line, error);
        return;
      }
    }
    const field = FIELDS[key];
    if (field) field(this, rest, line, label);
    else this.unknownLines.push({ line: line.no, text: line.text.trimEnd() });
  }

  /** /xpr prints "<product name>:" and then the status on an indented line. */
  private onExpiry(line: Line, key: string, rest: string): void {
    let d = this.draft;
    const named = this.xprName;
    this.xprName = undefined;
    if (named) d = this.start(named.text.trim().replace(/\s*[:：]\s*$/, ''), { no: named.no, lastNo: line.lastNo, text: '' }, 'xpr');
    d ??= this.ensure(line);
    d.licenseStatus = XPR_STATUS[key]!;
    d.licenseStatusText = line.text.trim();
    if (rest) {
      d.expiryText = rest.replace(/\.$/, '');
      // "Volume activation will expire 9/14/2024 1:12:49 AM": the same end the /dli minutes give, as a date.
      const end = readExportTime(d.expiryText, this.zone);
      if (end) {
        d.expiresAt = end.iso;
        if (end.isLocal) d.expiresAtIsLocal = true;
      }
    }
    d.lineEnd = line.lastNo;
  }

  private finish(): void {
    if (!this.draft) return;
    this.facts.push(finalize(this.draft, this.serviceVersion));
    this.draft = undefined;
  }
}

function isExpiryLine(text: string | undefined): boolean {
  const key = text === undefined ? undefined : matchLabel(text.trim())?.label.key;
  return key !== undefined && key in XPR_STATUS;
}

/** Reads a whole text as slmgr output (no splitting): every line is the slmgr reader's, owned or listed. */
export function parseSlmgr(text: string, source: SourceRef, options: SlmgrParseOptions = {}): SlmgrParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let at = 0;
  const next = (): string | undefined => {
    for (let i = at + 1; i < lines.length && i <= at + 3; i++) if (lines[i]!.trim() !== '') return lines[i];
    return undefined;
  };
  const reader = new SlmgrReader(source, options, { startsBlock: () => false, next });
  for (at = 0; at < lines.length; at++) {
    const line = { no: at + 1, text: lines[at]! };
    if (!reader.read(line)) reader.unknown(line);
  }
  return reader.end();
}
