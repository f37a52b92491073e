// The library: `import { analyze } from 'volact'`.
export { analyze, analyzeFile, diagnoseFacts, nothingReadable, type Analysis, type AnalyzeOptions, type InputAccount } from './analyze.js';
export { readEvents, type EventRow, type EventStreamItem } from './events.js';
export { buildReport, renderMarkdown, renderJson, type Report } from './report/index.js';
export type * from './types.js';
