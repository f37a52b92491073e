// Public face of the `volact events` writers: one decoded record per CSV row or JSON line.
export { csvHeader, csvRow, jsonlRow } from './rows.js';
