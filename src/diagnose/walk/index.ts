// The walk: for each machine, the guide's tables that apply (KMS client, KMS host, MAK), then
// the common questions, each step ending pass / fail / unknown with its evidence.
import type { Finding, WalkStep } from '../../types.js';
import type { RuleContext } from '../rule.js';
import { COMMON_STEPS } from './common.js';
import { KMS_CLIENT_STEPS } from './kms-client.js';
import { KMS_HOST_STEPS } from './kms-host.js';
import { MAK_STEPS } from './mak.js';
import type { StepDef, WalkContext } from './step.js';
import { flatString } from '../../flat-string.js';

export type { StepDef, WalkContext } from './step.js';

export function walkMachine(ctx: RuleContext, findings: readonly Finding[]): WalkStep[] {
  const fired = new Map<string, Finding>();
  for (const f of findings) if (!fired.has(f.rule)) fired.set(f.rule, f);
  const wctx: WalkContext = { ...ctx, fired };
  const tables: StepDef[] = [];
  if (ctx.view.hasRole('kms-client')) tables.push(...KMS_CLIENT_STEPS);
  if (ctx.view.hasRole('kms-host')) tables.push(...KMS_HOST_STEPS);
  if (ctx.view.hasRole('mak')) tables.push(...MAK_STEPS);
  tables.push(...COMMON_STEPS);
  const steps: WalkStep[] = [];
  for (const def of tables) {
    let outcome;
    try {
      outcome = def.decide(wctx);
    } catch (err) {
      outcome = {
        status: 'unknown' as const,
        evidence: [],
        collect: 'Nothing to collect: volact failed on this step; report it as a bug.',
        note: `Step failed: ${err instanceof Error ? err.message : String(err)}`,
      };
    }
    if (!outcome) continue;
    // Walks live until the report is written: their strings are kept flat, not as ropes over their pieces.
    if (outcome.note !== undefined) flatString(outcome.note);
    if (outcome.collect !== undefined) flatString(outcome.collect);
    for (const e of outcome.evidence) flatString(e.summary);
    steps.push({ id: def.id, step: def.step, ...outcome });
  }
  return steps;
}
