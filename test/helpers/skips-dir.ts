// The environment variable that tells the workers where to write skip reasons. Its own module: the reporter that
// reads them runs in the main process, where the test API (vitest's expect) cannot be loaded.
export const SKIPS_DIR_ENV = 'VOLACT_SKIPS_DIR';
