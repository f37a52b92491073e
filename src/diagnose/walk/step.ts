// The pieces every walk step is built from. Steps speak in catalog messages: the question is
// `walk.<step id>`, notes and what to collect are messages with data.
import { list, msg, semicolonList, window as timeWindow, type MessageRef } from '../../messages/index.js';
import type { Finding, WalkStep, EvidenceRef } from '../../types.js';
import type { RuleContext } from '../rule.js';

export interface WalkContext extends RuleContext {
  /** Findings on this machine, by rule id. */
  fired: ReadonlyMap<string, Finding>;
}

/** How a step ended, with its note and what to collect as messages (walkMachine renders them). */
export interface Outcome {
  status: WalkStep['status'];
  evidence: EvidenceRef[];
  note?: MessageRef;
  collect?: MessageRef;
}

export interface StepDef {
  /** Stable step id; its question is `walk.<id>` in the catalog. */
  id: string;
  /** Rules whose findings answer this step 'fail' (with their evidence) before `decide` is asked. */
  rules?: readonly string[];
  /**
   * The step asks what the machine's state is (activated? what came back? in notification?) rather than why:
   * the guide asks it first, and its findings are what the later steps explain.
   */
  symptom?: true;
  /** Decide the step; undefined leaves it out (the question does not apply to this machine). */
  decide(ctx: WalkContext): Outcome | undefined;
}

/** 'fail' with the evidence of the first listed rule that fired on this machine, or undefined. */
export function failIf(ctx: WalkContext, ruleIds: readonly string[]): Outcome | undefined {
  const hits = ruleIds.map((id) => ctx.fired.get(id)).filter((f): f is Finding => f !== undefined);
  if (!hits.length) return undefined;
  return {
    status: 'fail',
    evidence: hits.flatMap((f) => f.evidence),
    note: msg('walk.note.joined', {
      items: semicolonList(hits.map((f) => msg('walk.note.fired', { rule: f.rule, title: f.messages.title }))),
    }),
  };
}

export function pass(evidence: EvidenceRef[], note: MessageRef): Outcome {
  return { status: 'pass', evidence, note };
}

export function unknown(collect: MessageRef, note: MessageRef, evidence: EvidenceRef[] = []): Outcome {
  return { status: 'unknown', evidence, collect, note };
}

/** "State Notification, Licensed." */
export const stateNote = (states: readonly string[]): MessageRef => msg('walk.note.state', { states: list([...new Set(states)]) });

export const collectSlmgr = (machine: string, option = '/dlv'): MessageRef => msg('walk.collect.slmgr', { machine, cmd: `slmgr.vbs ${option}` });

/** `inline`: the instruction continues a sentence ("…; or export the Application log …"). */
export const collectAppLog = (machine: string, events: string, inline = false): MessageRef =>
  msg(inline ? 'walk.collect.app-log-inline' : 'walk.collect.app-log', { machine, events, cmd: `wevtutil epl Application ${machine.split('.')[0]}-application.evtx` });

export const collectKmsLog = (host: string, from?: number, to?: number): MessageRef =>
  msg('walk.collect.kms-log', {
    host,
    window: from !== undefined && to !== undefined ? msg('walk.collect.kms-log-window', { window: timeWindow(from, to) }) : '',
    cmd: `wevtutil epl "Key Management Service" ${host.split('.')[0]}-kms.evtx`,
  });
