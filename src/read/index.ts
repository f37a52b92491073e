// Public face of the reading stage: one input in (a file, an archive's entries, a byte range of a large file),
// its account and facts out (analyze), or its records one by one (`volact events`); many inputs at once on
// worker threads (parallel/). What it hands on is typed in accounts/, so report/ never needs this stage.
export { analyzeFile, analyzeInput, MAX_KEPT_REJECTIONS, placeOf, type ReadOptions } from './input-file.js';
export { analyzeRange, type ByteRange, type RangeResult } from './input-range.js';
export { readEvents, type ReadEventsOptions } from './events.js';
export { defaultThreads, readFiles, workersAvailable, type ReadFilesOptions, type ReadOne } from './parallel/index.js';
