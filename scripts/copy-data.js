// tsc compiles code only: copy each layer's lookup tables next to its compiled modules so dist/ runs on its own.
import { cpSync } from 'node:fs';

for (const layer of ['decode', 'ingest']) {
  cpSync(new URL(`../src/${layer}/data/`, import.meta.url), new URL(`../dist/${layer}/data/`, import.meta.url), { recursive: true });
}
