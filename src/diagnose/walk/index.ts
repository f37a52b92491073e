// The walk: for each machine, the guide's tables that apply (KMS client, KMS host, MAK), then
// the common questions, each step ending pass / fail / unknown with its evidence.
import type { Finding, WalkStep } from '../../types.js';
import type { RuleContext } from '../rule.js';
import { COMMON_STEPS } from './common.js';
import { KMS_CLIENT_STEPS } from './kms-client.js';
import { KMS_HOST_STEPS } from './kms-host.js';
import { MAK_STEPS } from './mak.js';
import { failIf, type Outcome, type StepDef, type WalkContext } from './step.js';
import { msg, type MessageId } from '../../messages/index.js';

export type { StepDef, WalkContext } from './step.js';

/** Every step in the order the walk asks them: the KMS client table, the KMS host's, MAK's, then the common questions. */
export const WALK_STEPS: readonly StepDef[] = [...KMS_CLIENT_STEPS, ...KMS_HOST_STEPS, ...MAK_STEPS, ...COMMON_STEPS];

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
      outcome = (def.rules && failIf(wctx, def.rules)) || def.decide(wctx);
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

/** The step as reports see it: its question, note and what to collect as messages (reporters render them). */
function toStep(id: string, outcome: Outcome): WalkStep {
  const messages: WalkStep['messages'] = { step: msg(`walk.${id}` as MessageId) };
  if (outcome.note) messages.note = outcome.note;
  if (outcome.collect) messages.collect = outcome.collect;
  return { id, status: outcome.status, evidence: outcome.evidence, messages };
}
