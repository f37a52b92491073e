// The shape of a rule, ESLint's way: what it is and what it says (meta, its messages in both languages beside
// it), and how it looks at one machine (check). A rule emits its messages by short key, `m('detail', data)`;
// their ids in reports are `<rule id>.<key>`, and the reporters render them.
import type { FactKind } from '../decode/index.js';
import type { Fleet } from '../evidence/index.js';
import type { MessageArg, MessageRef, MessageText } from '../messages/index.js';
import type { EvidenceRef, Severity } from '../types.js';
import type { MachineView } from './machine-view.js';
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

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): RuleHit[];
}

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

/** A rule's message maker, for helpers outside `check` (inside it, `check` gets one as its second argument). */
export function messenger<M extends RuleMessages>(ruleId: string, messages: M): Messenger<M> {
  void messages;
  return ((key: string, data?: Record<string, MessageArg | undefined>) => (data ? { id: `${ruleId}.${key}`, data } : { id: `${ruleId}.${key}` })) as Messenger<M>;
}

export function defineRule<const M extends RuleMessages>(definition: RuleDefinition<M>): Rule {
  const { meta: given, check } = definition;
  const meta: RuleMeta = { ...given, kb: given.kb.includes(given.id) ? given.kb : [given.id, ...given.kb] };
  const m = messenger(meta.id, given.messages);
  return { meta, check: (ctx) => check(ctx, m) };
}

/** The message of a rule's title. */
export function ruleTitle(meta: Pick<RuleMeta, 'id'>): MessageRef {
  return { id: `${meta.id}.title` };
}
