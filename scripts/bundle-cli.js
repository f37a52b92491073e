// Bundles the built CLI (dist/cli/index.js and everything it imports, dependencies included) into one file,
// dist/volact-cli.js, which bin/volact.js loads. Node 20 resolves, reads and links each ES module on its own:
// `volact --version` took 0.50-0.55 CPU-s from the separate modules and takes 0.17-0.22 from the bundle.
//   node scripts/bundle-cli.js        (run by `npm run build`, after tsc)
// Code that finds files next to itself (data tables, worker scripts, the KB, package.json) asks import.meta.url;
// in the bundle each module's import.meta.url is rewritten to the URL of its own file under dist/, so those
// paths stay what they were. Worker threads keep loading their own modules from dist/.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist/volact-cli.js');
const distDir = path.join(root, 'dist') + path.sep;

await build({
  entryPoints: [path.join(root, 'dist/cli/index.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'inline',
  // CommonJS dependencies bundled into an ES module still call require() for Node's own modules.
  banner: { js: "import { createRequire as volactCreateRequire } from 'node:module';\nconst require = volactCreateRequire(import.meta.url);" },
  plugins: [
    {
      name: 'own-import-meta-url',
      setup(b) {
        b.onLoad({ filter: /\.js$/ }, async (args) => {
          if (!args.path.startsWith(distDir)) return undefined;
          const source = await readFile(args.path, 'utf8');
          if (!source.includes('import.meta.url')) return { contents: source, loader: 'js' };
          const own = './' + path.relative(path.dirname(outfile), args.path).split(path.sep).join('/');
          return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, import.meta.url).href`), loader: 'js' };
        });
      },
    },
  ],
});
