export { buildFleet, deriveRoles, judgedAt, type FactWithOwner, type BuildFleetOptions } from './build-fleet.js';
export { machineKey, machineFromPath, betterDisplayName } from './machine-name.js';
export type { Fleet, Machine, Role, TimeRange } from './model.js';
export { FactCompactor } from './compact-fact.js';
export { followOneAnother, type TimeSpan } from './time-spans.js';
export { RecordLedger, holesOf, type RecordSpan, type ComputerEnd, type LedgerEntry } from './record-ledger.js';
export { computerEndOf } from './computer-ends.js';
export { MachineView, machineView, pairExchanges, currentStates, KMS_VALIDITY_MIN } from './machine-view/index.js';
export type { CodeContext, CodeSighting, Exchange, FactOf, ProductKind, StateReading } from './machine-view/index.js';
export { requestsNoHostSaw, DEFAULT_SKEW_HOURS, type UnseenRequest } from './unseen-requests.js';
export { MINUTE, HOUR, DAY, toMs } from './time.js';
export {
  kmsHosts, hostMachine, hostLog, hostLogSpan, nearestHostEntry, firstMatchingHostEntry, entriesNamingClient, unclaimedEntries,
  entriesWithCmid, clientInFleet, cmidOwners, machineByKey, listeningPort, namesFollowEachOther, namesByCmid,
  COUNT_WINDOW, DEFAULT_KMS_PORT, type Span, type HostEntry, type ListeningPort,
} from './fleet-queries.js';
