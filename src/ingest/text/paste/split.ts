// Splits a console paste into blocks and hands each block to its reader, line by line, keeping the file's line
// numbers. Prompts, cscript banners and the first lines of known outputs begin blocks (kinds.ts); a line the
// current block's reader does not own comes back here, and either begins another block or is listed as a line
// that block did not understand. Lines before any block, or below a command volact does not read, are listed
// as orphans. No line is dropped: each is owned by a reader, listed by one, listed as an orphan, or is the
// console's own (a prompt, a banner, a message-box frame).
import { promptCommand, type PromptCommand } from './command.js';
import { isBanner, isFrame, openingKind, startingKind, type BlockKind } from './kinds.js';

export interface PasteLine {
  /** 1-based line number in the whole file. */
  no: number;
  text: string;
}

/** Reads one block. The splitter offers it each line until the block ends, then asks for its result. */
export interface BlockReader<R> {
  /** True when the line belongs to this block (understood, or part of a value it reads). Blank lines are offered too. */
  read(line: PasteLine): boolean;
  /** A line this block did not own and no other output begins with: the block lists it as not understood. */
  unknown(line: PasteLine): void;
  end(): R;
}

export interface BlockContext {
  kind: BlockKind;
  /** The prompt line's command, when the block was opened by one. */
  command?: PromptCommand;
  /** Line of the prompt or first line of the block. */
  line: number;
  /** Whether a line begins a prompt, a banner or another kind of output (readers that take free text ask). */
  startsBlock(text: string): boolean;
  /** The next line with text after the one being offered (within three lines), for readers that need to look ahead. */
  next(): string | undefined;
}

export type ReaderFactory<R> = (ctx: BlockContext) => BlockReader<R>;

export interface SplitBlock<R> {
  kind: BlockKind;
  line: number;
  command?: PromptCommand;
  result: R;
}

export interface SplitResult<R> {
  blocks: SplitBlock<R>[];
  /** Lines that belong to no block: before the first one, or below a command volact does not read. */
  orphans: PasteLine[];
  /** Blocks of outputs volact recognises but has no reader for: their lines, listed as not read. */
  unread: Array<{ kind: BlockKind; line: number; lines: PasteLine[] }>;
  /** Prompt lines, with the command on each. */
  prompts: Array<{ line: number; command: PromptCommand }>;
  /**
   * Where every line with text went: owned by a block's reader, handed to a reader (or the orphans, or an unread
   * block) to be listed, or the console's own (prompt, banner, message-box frame). owned + listed + console = lines.
   */
  accounting: { lines: number; owned: number; listed: number; console: number };
}

interface Open<R> {
  kind: BlockKind;
  line: number;
  command?: PromptCommand;
  reader: BlockReader<R> | UnreadBlock;
  /** Lines the block has taken (a banner after a prompt does not end a block that has taken none). */
  taken: number;
}

/** An output recognised but not read: it keeps its lines until another output begins. */
class UnreadBlock {
  readonly lines: PasteLine[] = [];
  constructor(private readonly startsBlock: (text: string) => boolean) {}
  read(line: PasteLine): boolean {
    if (line.text.trim() === '') return true;
    if (this.lines.length > 0 && this.startsBlock(line.text)) return false;
    this.lines.push(line);
    return true;
  }
  unknown(line: PasteLine): void {
    this.lines.push(line);
  }
}

export function splitPaste<R>(lines: readonly PasteLine[], readers: Partial<Record<BlockKind, ReaderFactory<R>>>): SplitResult<R> {
  const out: SplitResult<R> = { blocks: [], orphans: [], unread: [], prompts: [], accounting: { lines: 0, owned: 0, listed: 0, console: 0 } };
  const counts = out.accounting;
  let current: Open<R> | undefined;
  let previous: string | undefined;
  let index = 0;
  /** The next line with text: recognizers that need a second line (an /xpr product name, slui's code) look at it. */
  const next = (): string | undefined => {
    for (let i = index + 1; i < lines.length && i <= index + 3; i++) if (lines[i]!.text.trim() !== '') return lines[i]!.text;
    return undefined;
  };
  /** Whether a line begins something other than the block of this kind: a prompt, a banner, another output. */
  const startsOther =
    (kind: BlockKind) =>
    (text: string): boolean => {
      if (promptCommand(text) !== undefined || isBanner(text)) return true;
      const starts = startingKind(text, next());
      return starts !== undefined && starts !== kind;
    };

  const close = (): void => {
    if (!current) return;
    const { kind, line, command, reader } = current;
    if (reader instanceof UnreadBlock) {
      if (reader.lines.length > 0) out.unread.push({ kind, line, lines: reader.lines });
    } else {
      out.blocks.push({ kind, line, ...(command ? { command } : {}), result: reader.end() });
    }
    current = undefined;
  };

  const open = (kind: BlockKind, line: number, command?: PromptCommand): Open<R> => {
    close();
    const factory = readers[kind];
    const startsBlock = startsOther(kind);
    const ctx: BlockContext = { kind, line, startsBlock, next, ...(command ? { command } : {}) };
    current = { kind, line, reader: factory ? factory(ctx) : new UnreadBlock(startsBlock), taken: 0, ...(command ? { command } : {}) };
    return current;
  };

  /** Gives a line to the current block, or begins the block it starts, or lists it as an orphan. */
  const place = (line: PasteLine): void => {
    if (current && current.reader.read(line)) {
      current.taken++;
      counts.owned++;
      return;
    }
    const kind = startingKind(line.text, next());
    if (kind) {
      const block = open(kind, line.no);
      if (block.reader.read(line)) {
        block.taken++;
        counts.owned++;
      } else {
        block.reader.unknown(line);
        counts.listed++;
      }
      return;
    }
    if (isFrame(line.text, previous)) {
      counts.console++;
      return;
    }
    counts.listed++;
    if (current) current.reader.unknown(line);
    else out.orphans.push(line);
  };

  for (index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const text = line.text;
    if (text.trim() === '') {
      current?.reader.read(line);
      continue;
    }
    counts.lines++;
    const command = promptCommand(text);
    if (command) {
      counts.console++;
      out.prompts.push({ line: line.no, command });
      close();
      // A command volact does not read: what it prints is listed, unless a known output begins below it.
      if (command.kind) open(command.kind, line.no, command);
    } else if (isBanner(text)) {
      counts.console++;
      // cscript prints its banner before each run: it ends the run before unless nothing was printed since its prompt.
      if (current && current.taken > 0) close();
    } else {
      const opening = openingKind(text);
      if (opening && !(current && current.kind === opening && current.taken === 0)) open(opening, line.no);
      place(line);
    }
    previous = text;
  }
  close();
  return out;
}

