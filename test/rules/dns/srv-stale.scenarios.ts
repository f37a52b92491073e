// dns/srv-stale: its fixture folders (fixtures/rules/dns--srv-stale) hold tool output written by hand in the layouts
// of real pastes, not generated: the generator leaves them as they are.
import type { TranscribedScenarios } from '../kit.js';

export default {
  rule: 'dns/srv-stale',
  transcribed: "nslookup output whose _vlmcs._tcp records name a machine that is no longer a KMS host (its slmgr.vbs /dli shows a client)",
} satisfies TranscribedScenarios;
