// The library: `import { analyze } from 'volact'`. The CLI is a thin wrapper around these.
export { analyze, analyzeFile, diagnoseFacts, nothingReadable, type Analysis, type AnalyzeOptions, type InputAccount } from './analyze.js';
export { readEvents } from './read/index.js';
export type { EventRow, EventStreamItem } from './accounts/index.js';
export { buildReport, renderMarkdown, renderJson, jsonReportChunks, renderHtml, renderMessage, speaker, type Report, type ReportOptions, type MarkdownOptions, type Speaker } from './report/index.js';
export { langFromEnv, LANGS, type Lang, type MessageRef } from './messages/index.js';
export { decodeEvent, parseSlmgr, describeHresult, normalizeHresult, type Fact } from './decode/index.js';
export { diagnose, RULES, type DiagnoseOptions } from './diagnose/index.js';
export { loadKb } from './kb/index.js';
export type { FleetViews } from './fleet/index.js';
export type * from './types.js';
