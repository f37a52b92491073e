// The decode layer's lookup tables (TSV files in src/decode/data/).
import { tsvLoader } from '../base/index.js';

/** Rows of a tab-separated file with a header line; empty cells are ''. Cached per file. */
export const loadTsv = tsvLoader(import.meta.url, 'decode');
