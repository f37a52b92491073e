// The ingest layer's lookup tables (TSV files in src/ingest/data/): the words that recognise a format.
import { tsvLoader } from '../base/index.js';

/** Rows of a tab-separated file with a header line; empty cells are ''. Cached per file. */
export const loadTsv = tsvLoader(import.meta.url, 'ingest');
