// Questions for every machine after its tables: genuine state, license state, unexplained codes.
import { evidenceOf } from '../evidence.js';
import { currentStates } from '../rules/license/notification.js';
import { collectAppLog, collectSlmgr, failIf, pass, unknown, type StepDef } from './step.js';

export const COMMON_STEPS: StepDef[] = [
  {
    id: 'genuine/non-genuine',
    step: 'Is Windows genuine (no 8209)?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['genuine/non-genuine']);
      if (fail) return fail;
      const fromLogs = ctx.view.machine.facts.some((f) => f.eventId !== undefined && f.kind !== 'kms-host-request');
      if (fromLogs) return pass([], 'No 8209 in the Application log.');
      return unknown(collectAppLog(ctx.view.name, '8209'), 'No Application log from this machine.');
    },
  },
  {
    id: 'license/state',
    step: 'Is every product out of notification and grace?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['license/notification', 'license/grace-expiring', 'license/rearm-exhausted']);
      if (fail) return fail;
      const states = currentStates(ctx.view);
      if (!states.length) return unknown(collectSlmgr(ctx.view.name), 'Nothing in the snapshot tells the license state.');
      const shown = states.filter((r) => r.state !== 'Licensed');
      if (!shown.length) return pass(states.map((r) => evidenceOf(r.fact)), 'Licensed.');
      return { status: 'fail', evidence: shown.map((r) => evidenceOf(r.fact)), note: `State ${[...new Set(shown.map((r) => r.state))].join(', ')}.` };
    },
  },
  {
    id: 'error/codes-explained',
    step: 'Does every error code have an explanation?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['error/unknown-code']);
      if (fail) return fail;
      return pass([], 'Every code seen is in our tables.');
    },
  },
];
