// The HTML report renderer: `renderHtml(report)` returns one self-contained HTML document.
export { renderHtml, CONTENT_SECURITY_POLICY, type HtmlOptions } from './render-html.js';
export { escapeHtml, html, Html, joinHtml } from './escape-html.js';
export { markdownToHtml } from './markdown-to-html.js';
export { readFleetViews, EXPIRY_RANGES, type ChartableFleet } from './fleet-views.js';
export { KMS_THRESHOLDS } from './charts/kms-count-chart.js';
