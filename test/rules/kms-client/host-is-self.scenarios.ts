// kms-client/host-is-self: its fixture folders (fixtures/rules/kms-client--host-is-self) hold console pastes
// transcribed from public threads, not generated: the generator leaves them as they are.
import type { TranscribedScenarios } from '../kit.js';

export default {
  rule: 'kms-client/host-is-self',
  transcribed:
    'fires: `slmgr.vbs /skms localhost` then `/ato` → 0x8007000D (Wind4/vlmcsd#6, as in fixtures/paste); quiet: a console window with /ipk, /skms to another host and /ato → 0x80080005 (n8tbyte/win10-enterprise-ltsc-activation#4)',
} satisfies TranscribedScenarios;
