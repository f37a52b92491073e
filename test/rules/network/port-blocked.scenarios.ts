// network/port-blocked: its fixture folders (fixtures/rules/network--port-blocked) hold tool output written by hand in the layouts
// of real pastes, not generated: the generator leaves them as they are.
import type { TranscribedScenarios } from '../kit.js';

export default {
  rule: 'network/port-blocked',
  transcribed: "Test-NetConnection output (English, and the UTF-16LE layout of fixtures/network) with TcpTestSucceeded False on port 1688",
} satisfies TranscribedScenarios;
