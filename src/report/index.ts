export {
  buildReport, licenseSummary, SCHEMA_VERSION, JSON_EVIDENCE, type Report, type ReportOptions, type MachineReport, type ReportInput, type LicenseSummary, type ReportFinding,
} from './model.js';
export { renderMarkdown, renderMarkdownBlocks, markdownReportChunks, TEXT_EVIDENCE, type MarkdownOptions } from './markdown/index.js';
export { MACHINE_DETAILS, type MachineDetail } from './select.js';
export { renderJson, jsonReportChunks, streamedReport, writtenReport, type StreamedReport, type WrittenMachine, type WrittenReport } from './json.js';
export { md, codeSpan, trusted, joinMd, escapeMarkdown, neutralizeControls, Markdown } from './escape.js';
export { renderHtml, type HtmlOptions } from './html/index.js';
export { csvHeader, csvRow, jsonlRow } from './events/index.js';
export { MESSAGES, renderMessage, speaker, type Speaker } from './speaker.js';
export { ReportWriter, type ShownReport, type WrittenEvidence, type WrittenFinding, type WrittenStep } from './wording.js';
