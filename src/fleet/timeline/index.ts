// Public face of the timeline: one machine's history across hosts, and the fleet's per hour or day.
export { machineTimeline, machineTimelines, sortEntries } from './machine.js';
export { fleetTimeline } from './fleet.js';
export type * from './types.js';
