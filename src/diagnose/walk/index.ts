// The walk: for each machine, the guide's tables that apply (KMS client, KMS host, MAK), then
// the common questions, each step ending pass / fail / unknown with its evidence.
import type { Finding, WalkStep } from '../../types.js';
import type { RuleContext } from '../rule.js';
import { COMMON_STEPS } from './common.js';
import { KMS_CLIENT_STEPS } from './kms-client.js';
import { KMS_HOST_STEPS } from './kms-host.js';
import { MAK_STEPS } from './mak.js';
import type { Outcome, StepDef, WalkContext } from './step.js';
import { english, msg, type MessageId } from '../../messages/index.js';
import { flatString } from '../../flat-string.js';

export type { StepDef, WalkContext } from './step.js';

export function walkMachine(ctx: RuleContext, findings: readonly Finding[]): WalkStep[] {
  const fired = new Map<string, Finding>();
  for (const f of findings) if (!fired.has(f.rule)) fired.set(f.rule, f);
  const wctx: WalkContext = { ...ctx, fired };
  const tables: StepDef[] = [
    ...(ctx.view.hasRole('kms-client') ? KMS_CLIENT_STEPS : []),
    ...(ctx.view.hasRole('kms-host') ? KMS_HOST_STEPS : []),
    ...(ctx.view.hasRole('mak') ? MAK_STEPS : []),
    ...COMMON_STEPS,
  ];
  const steps: WalkStep[] = [];
  for (const def of tables) {
    let outcome: Outcome | undefined;
    try {
      outcome = def.decide(wctx);
    } catch (err) {
      outcome = {
        status: 'unknown',
        evidence: [],
        collect: msg('walk.collect.bug'),
        note: msg('walk.note.step-failed', { message: err instanceof Error ? err.message : String(err) }),
      };
    }
    if (outcome) steps.push(toStep(def.id, outcome));
  }
  return steps;
}

/** The step as reports and JSON see it: English text beside the messages it was rendered from. */
function toStep(id: string, outcome: Outcome): WalkStep {
  const question = msg(`walk.${id}` as MessageId);
  const step: WalkStep = { id, step: english(question), status: outcome.status, evidence: outcome.evidence };
  // Walks live until the report is written: their strings are kept flat, not as ropes over their pieces.
  if (outcome.collect) step.collect = flatString(english(outcome.collect));
  if (outcome.note) step.note = flatString(english(outcome.note));
  for (const e of outcome.evidence) flatString(e.summary);
  step.messages = { step: question, ...(outcome.note ? { note: outcome.note } : {}), ...(outcome.collect ? { collect: outcome.collect } : {}) };
  return step;
}
