// Cross-machine questions the KMS rules and the fleet views ask: which machine is the host a client named, what
// did that host log for the client, which names share a CMID. One import for the rules; the answers live in
// host-log.ts (one host's log), host-claims.ts (whose each 12290 is) and host-facts.ts (the rest).
export {
  COUNT_WINDOW, DEFAULT_KMS_PORT, firstMatchingHostEntry, hostLog, hostLogSpan, hostMachine, kmsHosts, nearestHostEntry, type Span,
} from './host-log.js';
export { clientInFleet, cmidOwners, entriesNamingClient, entriesWithCmid, unclaimedEntries, type HostEntry } from './host-claims.js';
export { listeningPort, machineByKey, namesByCmid, namesFollowEachOther, type ListeningPort } from './host-facts.js';
