// The fuzz harness core, shared by `scripts/fuzz.js` (run from the TypeScript sources through tsx) and the
// tests. Test tooling, not the product: it lives outside src/, so it is neither built into dist/ nor published.
export { Rng, inputSeed } from './rng.js';
export { BYTE_MUTATORS, type Mutator, type MutationContext } from './mutate-bytes.js';
export { TEXT_MUTATORS } from './mutate-text.js';
export { EVTX_MUTATORS, fixEvtxCrcs, chunkStarts, recordStarts } from './mutate-evtx.js';
export { checkArchiveInput } from './check-archive.js';
export { checkInput, readInput, itemProblem, FUZZ_DISPLAY, type CheckOptions, type CheckResult, type Violation, type ReadResult } from './check.js';
export { minimize, type MinimizeOptions } from './minimize.js';
export { loadSeeds, ARCHIVE_FAMILY, cutText, cutEvtx, TEXT_SEED_BYTES, type Seed, type SeedSet } from './seeds.js';
export {
  runCampaign, makeInput, mutatorsFor, dictionaryFor, type CampaignOptions, type CampaignStats, type Finding, type GeneratedInput,
} from './campaign.js';
