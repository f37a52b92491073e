// Public face of the fleet views: the SCCM-style license reports computed from a snapshot.
export { computeFleetViews, type FleetViewOptions, expiryRange, recordExpiry, EXPIRY_RANGES } from './views.js';
export { licenseRecords, type LicenseRecord, type LicenseSource, type LicenseBasis } from './license-records.js';
export type * from './types.js';
