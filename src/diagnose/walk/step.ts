// The pieces every walk step is built from.
import type { Finding, WalkStep, EvidenceRef } from '../../types.js';
import type { RuleContext } from '../rule.js';
import { formatWindow } from '../time.js';

export interface WalkContext extends RuleContext {
  /** Findings on this machine, by rule id. */
  fired: ReadonlyMap<string, Finding>;
}

export interface StepDef {
  id: string;
  step: string;
  /** Decide the step; undefined leaves it out (the question does not apply to this machine). */
  decide(ctx: WalkContext): Omit<WalkStep, 'id' | 'step'> | undefined;
}

export type Outcome = Omit<WalkStep, 'id' | 'step'>;

/** 'fail' with the evidence of the first listed rule that fired on this machine, or undefined. */
export function failIf(ctx: WalkContext, ruleIds: readonly string[]): Outcome | undefined {
  const hits = ruleIds.map((id) => ctx.fired.get(id)).filter((f): f is Finding => f !== undefined);
  if (!hits.length) return undefined;
  return {
    status: 'fail',
    evidence: hits.flatMap((f) => f.evidence),
    note: hits.map((f) => `${f.rule}: ${f.title}`).join('; '),
  };
}

export function pass(evidence: EvidenceRef[], note: string): Outcome {
  return { status: 'pass', evidence, note };
}

export function unknown(collect: string, note: string, evidence: EvidenceRef[] = []): Outcome {
  return { status: 'unknown', evidence, collect, note };
}

export const collectSlmgr = (machine: string, option = '/dlv'): string => `Run "slmgr.vbs ${option}" on ${machine} and save its output as text.`;

export const collectAppLog = (machine: string, events: string): string =>
  `Export the Application log from ${machine} (Microsoft-Windows-Security-SPP events ${events}), e.g. wevtutil epl Application ${machine.split('.')[0]}-application.evtx.`;

export const collectKmsLog = (host: string, from?: number, to?: number): string =>
  `Export the Key Management Service log from ${host}${from !== undefined && to !== undefined ? ` covering ${formatWindow(from, to)}` : ''} (wevtutil epl "Key Management Service" ${host.split('.')[0]}-kms.evtx).`;
