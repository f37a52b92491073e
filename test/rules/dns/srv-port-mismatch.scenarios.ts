// dns/srv-port-mismatch: its fixture folders (fixtures/rules/dns--srv-port-mismatch) hold tool output written by hand in the layouts
// of real pastes, not generated: the generator leaves them as they are.
import type { TranscribedScenarios } from '../kit.js';

export default {
  rule: 'dns/srv-port-mismatch',
  transcribed: "nslookup output whose _vlmcs._tcp record names a port the host's slmgr.vbs /dlv does not listen on",
} satisfies TranscribedScenarios;
