// Which build of the CLI to load: the one-file bundle (scripts/bundle-cli.js, part of `npm run build`) when it is
// at least as new as the separate modules, else dist/cli/index.js. Node 20 resolves, reads and links each ES
// module on its own, and the bundle saves a third of a CPU-second at every start. A bundle older than the
// modules (tsc run alone after a change) is stale and not used; a package without one still runs.
import { statSync } from 'node:fs';

const mtime = (url) => {
  try {
    return statSync(url).mtimeMs;
  } catch {
    return -1;
  }
};

/** The URL of the CLI module to import, given the URL of the `dist/` folder (ending in a slash). */
export function cliModuleUrl(distUrl = new URL('../dist/', import.meta.url)) {
  const bundle = new URL('volact-cli.js', distUrl);
  const modules = new URL('cli/index.js', distUrl);
  const bundleTime = mtime(bundle);
  return bundleTime >= 0 && bundleTime >= mtime(modules) ? bundle : modules;
}
