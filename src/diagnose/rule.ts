// The shape of a rule, ESLint's way: what it is and what it says (meta, its messages in both languages beside
// it), and how it looks at one machine (check). A rule emits its messages by short key, `m('detail', data)`;
// their ids in reports are `<rule id>.<key>`, and the reporters render them.
import type { FactKind } from '../decode/index.js';
import type { Fleet } from '../evidence/index.js';
import type { MessageArg, MessageRef, MessageText } from '../messages/index.js';
import type { EvidenceRef, InputFormat, Rejection, Severity } from '../types.js';
import type { MachineView } from '../evidence/machine-view/index.js';
import type { DiagnoseOptions } from './options.js';

/** A rule's words by key: `title` (what the finding is called) and whatever its hits say. */
export interface RuleMessages {
  readonly title: MessageText;
  readonly [key: string]: MessageText;
}

export interface RuleMeta {
  /** Stable id, `area/name`, as in docs/rules.md. */
  id: string;
  severity: Severity;
  /** When the rule fires, for the rule catalogue (docs/rules.md); never shown in reports. */
  description: string;
  /** KB article ids: the rule id itself plus codes, events and procedures it relies on. */
  kb: string[];
  /** Fact kinds the rule reads (on this machine or on others). The rule is skipped when the fleet holds none. */
  facts: FactKind[];
  /** The part of the source guide the rule comes from. */
  seed: string;
  /** Rules that, when they fire on the same machine, make this one redundant (more specific wins). */
  supersededBy?: string[];
  /**
   * Rules this one can follow from on the same machine: when one of them fired too, this finding is shown under
   * it as a consequence, not as a cause of its own (a static host that does not answer → no response). The walk
   * reaches a cause no later than its consequences, unless the consequence answers one of the questions a table
   * opens with (test/diagnose/causes.test.ts).
   */
  consequenceOf?: string[];
  /**
   * The rule reports a good state (it fires when all is well, like `kms-client/activated`): it is no check that
   * passes or fails, so a test report gives it no passing test case when it did not fire.
   */
  state?: true;
  /** 'input': the rule looks at each input file (how much of it was read), not at a machine. */
  scope?: 'input';
  /** The rule measures time up to "now": on a stale machine (input/stale-export) its findings say they extrapolate. */
  usesClock?: true;
  /** What the rule says, by key; in reports as `<id>.<key>`. */
  messages: RuleMessages;
}

export interface RuleContext {
  view: MachineView;
  fleet: Fleet;
  options: DiagnoseOptions;
  now: number;
  /** Views of every machine, by key, for rules that look across machines. */
  views: ReadonlyMap<string, MachineView>;
}

/** What a rule reports for one machine; diagnose turns it into a Finding. */
export interface RuleHit {
  /** Replaces the rule's title (its `title` message) for this hit. */
  title?: MessageRef;
  detail: MessageRef;
  evidence: EvidenceRef[];
  remedy: MessageRef[];
  /** Replaces the default severity for this hit (e.g. expiry within 7 days is an error). */
  severity?: Severity;
  /** Extra KB ids for this hit (the codes it names). */
  kb?: string[];
}

/** What the readers made of one input file, for the rules that judge the input itself (`scope: 'input'`). */
export interface InputRead {
  file: string;
  format: InputFormat;
  records: number;
  decoded: number;
  ignored: number;
  /** The first rejections, with place and reason; `rejectedTotal` counts them all. */
  rejected: readonly Rejection[];
  rejectedTotal: number;
  /** Lines of a text document no parser understood. */
  unknownLines: readonly { line: number; text: string }[];
  /** The machine the file's facts without a computer name would belong to (its folder or file name). */
  machine?: string;
  /** True when `machine` was named (the file's snapshot or archive folder, or --machine), not guessed from the file name. */
  machineNamed?: boolean;
  /** The path could not be opened at all (missing, unreadable, an empty folder, a glob matching nothing). */
  notOpened?: boolean;
  /** An archive whose entries are inputs of their own: its rejections are about the container. */
  container?: boolean;
}

export interface InputRuleContext {
  input: InputRead;
  fleet: Fleet;
  options: DiagnoseOptions;
  /** The machines the file gave facts to (their display names), in fleet order. */
  owners: readonly string[];
}

/** What an input rule reports about one file: a hit, and the machine the file belongs to (none: fleet-wide). */
export interface InputHit extends RuleHit {
  machine?: string;
}

/** A rule that looks at one machine at a time (every rule but the input ones). */
export interface MachineRule {
  meta: RuleMeta;
  scope: 'machine';
  check(ctx: RuleContext): RuleHit[];
}

/** A rule that looks at one input file at a time (`meta.scope: 'input'`). */
export interface InputRule {
  meta: RuleMeta;
  scope: 'input';
  check(ctx: InputRuleContext): InputHit[];
}

export type Rule = MachineRule | InputRule;

// Placeholders typed from the message text: `{name}`, `{name:format}`, `{name|one|other}`, and `{name?…}`, an
// optional section (shown only when `name` is given) whose own placeholders are optional too. The template is
// read brace by brace, keeping how deep in optional sections each placeholder sits.
type Delimiter = ' ' | ':' | '|' | '{' | '}';
type IsName<N extends string> = N extends '' ? false : N extends `${string}${Delimiter}${string}` ? false : true;
type HeadName<B extends string> = B extends `${infer N}:${string}` ? N : B extends `${infer N}|${string}` ? N : B;
/** Each `}` in plain text closes one optional section. */
type Close<S extends string, Depth extends unknown[]> = S extends `${string}}${infer R}` ? Close<R, Depth extends [unknown, ...infer Up] ? Up : []> : Depth;
type Scan<T extends string, Depth extends unknown[] = [], Req extends string = never, Opt extends string = never> = T extends `${infer Text}{${infer Rest}`
  ? Placeholder<Rest, Close<Text, Depth>, Req, Opt>
  : { required: Req; optional: Opt };
type Placeholder<Rest extends string, Depth extends unknown[], Req extends string, Opt extends string> = Rest extends `${infer N}?${infer After}`
  ? IsName<N> extends true
    ? Scan<After, [...Depth, 0], Req, Opt | N>
    : Simple<Rest, Depth, Req, Opt>
  : Simple<Rest, Depth, Req, Opt>;
type Simple<Rest extends string, Depth extends unknown[], Req extends string, Opt extends string> = Rest extends `${infer Head}}${infer After}`
  ? Depth extends []
    ? Scan<After, Depth, Req | HeadName<Head>, Opt>
    : Scan<After, Depth, Req, Opt | HeadName<Head>>
  : { required: Req; optional: Opt };

/** Placeholders a template always shows: their values are required. */
export type RequiredNames<T extends string> = Scan<T>['required'];
/** Placeholders only inside optional sections (or opening one): their values may be left out. */
export type OptionalNames<T extends string> = Exclude<Scan<T>['optional'], RequiredNames<T>>;

/** The data a template takes. */
export type MessageData<T extends string> = { [K in RequiredNames<T>]: MessageArg } & { [K in OptionalNames<T>]?: MessageArg | undefined };

type DataArgs<T extends string> = [RequiredNames<T> | OptionalNames<T>] extends [never]
  ? []
  : [RequiredNames<T>] extends [never]
    ? [data?: MessageData<T>]
    : [data: MessageData<T>];

/** Makes a rule's message by key, with the data its English template names: `m('detail', { n: 2 })`. */
export type Messenger<M extends RuleMessages> = <K extends keyof M & string>(key: K, ...data: DataArgs<M[K]['en']>) => MessageRef;

export interface RuleDefinition<M extends RuleMessages> {
  meta: Omit<RuleMeta, 'messages'> & { messages: M };
  check(ctx: RuleContext, m: Messenger<M>): RuleHit[];
}

export interface InputRuleDefinition<M extends RuleMessages> {
  meta: Omit<RuleMeta, 'messages' | 'scope'> & { messages: M };
  check(ctx: InputRuleContext, m: Messenger<M>): InputHit[];
}

/** A rule's message maker, for helpers outside `check` (inside it, `check` gets one as its second argument). */
export function messenger<M extends RuleMessages>(ruleId: string, messages: M): Messenger<M> {
  void messages;
  return ((key: string, data?: Record<string, MessageArg | undefined>) => (data ? { id: `${ruleId}.${key}`, data } : { id: `${ruleId}.${key}` })) as Messenger<M>;
}

export function defineRule<const M extends RuleMessages>(definition: RuleDefinition<M>): MachineRule {
  const { meta: given, check } = definition;
  const meta: RuleMeta = { ...given, kb: withOwnArticle(given) };
  const m = messenger(meta.id, given.messages);
  return { meta, scope: 'machine', check: (ctx) => check(ctx, m) };
}

/** A rule about input files: run once per file, whatever the machines. */
export function defineInputRule<const M extends RuleMessages>(definition: InputRuleDefinition<M>): InputRule {
  const { meta: given, check } = definition;
  const meta: RuleMeta = { ...given, scope: 'input', kb: withOwnArticle(given) };
  const m = messenger(meta.id, given.messages);
  return { meta, scope: 'input', check: (ctx) => check(ctx, m) };
}

function withOwnArticle(meta: Pick<RuleMeta, 'id' | 'kb'>): string[] {
  return meta.kb.includes(meta.id) ? meta.kb : [meta.id, ...meta.kb];
}

/** The message of a rule's title. */
export function ruleTitle(meta: Pick<RuleMeta, 'id'>): MessageRef {
  return { id: `${meta.id}.title` };
}
