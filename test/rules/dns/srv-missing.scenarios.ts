// dns/srv-missing: its fixture folders (fixtures/rules/dns--srv-missing) hold tool output written by hand in the layouts
// of real pastes, not generated: the generator leaves them as they are.
import type { TranscribedScenarios } from '../kit.js';

export default {
  rule: 'dns/srv-missing',
  transcribed: "nslookup and Resolve-DnsName output with no _vlmcs._tcp record (NXDOMAIN, no SRV answer), in the layouts of fixtures/network (English, and Resolve-DnsName's UTF-16LE)",
} satisfies TranscribedScenarios;
