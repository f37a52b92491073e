export { buildReport, licenseSummary, SCHEMA_VERSION, type Report, type MachineReport, type ReportInput, type LicenseSummary } from './model.js';
export { renderMarkdown, type MarkdownOptions } from './markdown.js';
export { renderJson } from './json.js';
export { md, codeSpan, trusted, joinMd, escapeMarkdown, neutralizeControls, Markdown } from './escape.js';
export { renderHtml, type HtmlOptions } from './html/index.js';
export { localizeReport } from './localize.js';
