// Table 3 of the guide, as questions about one MAK machine.
import { evidenceOf } from '../evidence.js';
import { collectSlmgr, failIf, pass, unknown, type StepDef, type WalkContext } from './step.js';

function licensedEvidence(ctx: WalkContext) {
  return ctx.fired.get('mak/activated')?.evidence;
}

export const MAK_STEPS: StepDef[] = [
  {
    id: 'mak/activated',
    step: 'Is the computer activated?',
    decide: (ctx) => {
      const ok = licensedEvidence(ctx);
      if (ok) return pass(ok, 'Licensed.');
      const bad = ctx.view.states('mak').filter((r) => r.state !== 'Licensed');
      if (bad.length) return { status: 'fail', evidence: bad.map((r) => evidenceOf(r.fact)), note: `State ${[...new Set(bad.map((r) => r.state))].join(', ')}.` };
      return unknown(collectSlmgr(ctx.view.name, '/dli'), 'No slmgr output or 8230 tells the MAK state.');
    },
  },
  {
    id: 'mak/online-activation',
    step: 'Does activation over the Internet reach Microsoft (ports, proxy)?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['mak/online-activation-failed']);
      if (fail) return fail;
      const ok = licensedEvidence(ctx);
      if (ok) return pass(ok, 'Activated online.');
      if (ctx.fired.has('mak/activation-limit') || ctx.fired.has('mak/key-blocked')) return pass([], 'The activation server answered (with a key error).');
      return unknown(`Run "slmgr.vbs /ato" on ${ctx.view.name} and save its output, then export its Application log (Microsoft-Windows-Security-SPP events 8198/8200).`, 'No activation attempt in the snapshot.');
    },
  },
  {
    id: 'mak/key-usable',
    step: 'Is the key usable (activations left, not blocked)?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['mak/activation-limit', 'mak/key-blocked']);
      if (fail) return fail;
      const ok = licensedEvidence(ctx);
      if (ok) return pass(ok, 'The key activated this machine.');
      return unknown(`Run "slmgr.vbs /ato" on ${ctx.view.name} and save its output; if Internet activation fails, try phone activation (slui.exe 4).`, 'No answer from the activation server in the snapshot.');
    },
  },
  {
    id: 'mak/ato-error',
    step: 'Did slmgr.vbs /ato return an error code?',
    decide: (ctx) => {
      const fail = failIf(ctx, ['mak/ato-error']);
      if (fail) return fail;
      const ok = licensedEvidence(ctx);
      if (ok) return pass(ok, 'No error: activated.');
      const explained = ['mak/online-activation-failed', 'mak/activation-limit', 'mak/key-blocked'].some((id) => ctx.fired.has(id));
      if (explained) return pass([], 'Every error code is explained by the steps above.');
      return unknown(`Run "slmgr.vbs /ato" on ${ctx.view.name} and save its output.`, 'No slmgr /ato output in the snapshot.');
    },
  },
];
