// Table 3 of the guide, as questions about one MAK machine.
import { evidenceOf } from '../evidence-refs.js';
import { msg } from '../../messages/index.js';
import { CMD } from '../remedies.js';
import { collectSlmgr, pass, stateNote, unknown, type StepDef, type WalkContext } from './step.js';

function licensedEvidence(ctx: WalkContext) {
  return ctx.fired.get('mak/activated')?.evidence;
}

export const MAK_STEPS: StepDef[] = [
  {
    id: 'mak/activated',
    symptom: true,
    decide: (ctx) => {
      const ok = licensedEvidence(ctx);
      if (ok) return pass(ok, msg('walk.note.licensed'));
      const bad = ctx.view.states('mak').filter((r) => r.state !== 'Licensed');
      if (bad.length) return { status: 'fail', evidence: bad.map((r) => evidenceOf(r.fact)), note: stateNote(bad.map((r) => r.state)) };
      return unknown(collectSlmgr(ctx.view.name, '/dli'), msg('walk.note.no-mak-state'));
    },
  },
  {
    id: 'mak/online-activation',
    rules: ['mak/online-activation-failed'],
    decide: (ctx) => {
      const ok = licensedEvidence(ctx);
      if (ok) return pass(ok, msg('walk.note.activated-online'));
      if (ctx.fired.has('mak/activation-limit') || ctx.fired.has('mak/key-blocked')) return pass([], msg('walk.note.server-answered'));
      return unknown(msg('walk.collect.ato-mak', { machine: ctx.view.name, cmd: CMD.ato }), msg('walk.note.no-attempt'));
    },
  },
  {
    id: 'mak/key-usable',
    rules: ['mak/activation-limit', 'mak/key-blocked'],
    decide: (ctx) => {
      const ok = licensedEvidence(ctx);
      if (ok) return pass(ok, msg('walk.note.key-activated'));
      return unknown(msg('walk.collect.ato-phone', { machine: ctx.view.name, cmd: CMD.ato, cmdPhone: 'slui.exe 4' }), msg('walk.note.no-server-answer'));
    },
  },
  {
    id: 'mak/ato-error',
    rules: ['mak/ato-error'],
    decide: (ctx) => {
      const ok = licensedEvidence(ctx);
      if (ok) return pass(ok, msg('walk.note.no-error-activated'));
      const explained = ['mak/online-activation-failed', 'mak/activation-limit', 'mak/key-blocked'].some((id) => ctx.fired.has(id));
      if (explained) return pass([], msg('walk.note.errors-explained'));
      return unknown(msg('walk.collect.ato', { machine: ctx.view.name, cmd: CMD.ato }), msg('walk.note.no-ato'));
    },
  },
];
