// Public face of the parallel reader: many inputs on worker threads, results in input order.
export { readFiles, defaultThreads, workersAvailable, type ReadFilesOptions, type ReadOne } from './file-pool.js';
export { joinRanges, planRanges, splitsFiles, traceRanges } from './ranges.js';
export { eventsInRanges, type RangeOutput } from './event-ranges.js';
export type { FileJob, FileJobOptions, FileReply } from './protocol.js';
