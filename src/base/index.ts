// Public face of the ground floor: small helpers that import nothing of ours, so every layer may use them.
export { parseTsv, tsvLoader, type TsvRow } from './tsv.js';
export { utcIsoMs } from './time-ms.js';
