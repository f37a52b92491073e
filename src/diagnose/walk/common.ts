// Questions for every machine after its tables: which walk applies (when nothing said), genuine state, license
// state, unexplained codes.
import { evidenceOf } from '../evidence-refs.js';
import { currentStates } from '../../evidence/machine-view/index.js';
import { msg } from '../../messages/index.js';
import { collectAppLog, collectSlmgr, pass, stateNote, unknown, type StepDef } from './step.js';

export const COMMON_STEPS: StepDef[] = [
  {
    // Only asked when nothing said which walk applies: an error paste with no key type, no KMS code, no /skms.
    id: 'role/known',
    decide: (ctx) => (ctx.view.hasRole('unknown') ? unknown(collectSlmgr(ctx.view.name, '/dlv'), msg('walk.note.role-unknown')) : undefined),
  },
  {
    id: 'genuine/non-genuine',
    rules: ['genuine/non-genuine'],
    decide: (ctx) => {
      const fromLogs = ctx.view.machine.facts.some((f) => f.eventId !== undefined && f.kind !== 'kms-host-request');
      if (fromLogs) return pass([], msg('walk.note.no-8209'));
      return unknown(collectAppLog(ctx.view.name, '8209'), msg('walk.note.no-app-log'));
    },
  },
  {
    id: 'license/state',
    symptom: true,
    rules: ['license/notification', 'license/grace-expiring', 'license/rearm-exhausted'],
    decide: (ctx) => {
      const states = currentStates(ctx.view);
      if (!states.length) return unknown(collectSlmgr(ctx.view.name), msg('walk.note.no-license-state'));
      const shown = states.filter((r) => r.state !== 'Licensed');
      if (!shown.length) return pass(states.map((r) => evidenceOf(r.fact)), msg('walk.note.licensed'));
      return { status: 'fail', evidence: shown.map((r) => evidenceOf(r.fact)), note: stateNote(shown.map((r) => r.state)) };
    },
  },
  {
    id: 'error/codes-explained',
    rules: ['error/unknown-code'],
    decide: () => pass([], msg('walk.note.codes-known')),
  },
];
