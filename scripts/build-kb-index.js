#!/usr/bin/env node
// Builds the knowledge-base search index once, at build time, into dist/kb-index.json.
// Run after `tsc` (it uses the compiled loader so the index matches what volact loads at run time).
// volact falls back to an in-memory build when this file is missing or stale, so it is an
// optimisation, never a requirement.
import { DEFAULT_INDEX_PATH, loadKb, writeIndexFile } from '../dist/kb/index.js';

const started = performance.now();
const kb = loadKb({ indexPath: null });
if (kb.problems.length > 0) {
  for (const problem of kb.problems) process.stderr.write(`build-kb-index: ${problem}\n`);
  process.exitCode = 1;
} else {
  const data = writeIndexFile(DEFAULT_INDEX_PATH, kb.articles);
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`build-kb-index: ${data.articles} articles indexed into ${DEFAULT_INDEX_PATH} in ${ms} ms\n`);
}
