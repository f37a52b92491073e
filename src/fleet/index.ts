// Public face of the fleet views: the SCCM-style license reports computed from a snapshot.
export { computeFleetViews, type FleetViewOptions, expiryRange, recordExpiry, EXPIRY_RANGES } from './views.js';
export { licenseRecords, type LicenseRecord, type LicenseSource, type LicenseBasis } from './license-records.js';
export type * from './types.js';
export { computeGroups, groupKeyOf, DEFAULT_GROUP_OPTIONS, ATTRIBUTE_KINDS } from './groups/index.js';
export type * from './groups/types.js';
export { machineTimeline, machineTimelines, fleetTimeline } from './timeline/index.js';
export type { TimelineEntry, TimelineKind, FleetTimeline, FleetTimelineBucket, Bucket } from './timeline/index.js';
