export { buildFleet, deriveRoles, judgedAt, type FactWithOwner, type BuildFleetOptions } from './build-fleet.js';
export { machineKey, machineFromPath, betterDisplayName } from './machine-name.js';
export type { Fleet, Machine, Role, TimeRange } from './model.js';
export { FactCompactor } from './compact-fact.js';
export { followOneAnother, type TimeSpan } from './time-spans.js';
export { RecordLedger, holesOf, type RecordSpan, type ComputerEnd, type LedgerEntry } from './record-ledger.js';
