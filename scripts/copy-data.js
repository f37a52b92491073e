// tsc compiles code only: copy the lookup tables next to the compiled decode layer so dist/ runs on its own.
import { cpSync } from 'node:fs';

cpSync(new URL('../src/decode/data/', import.meta.url), new URL('../dist/decode/data/', import.meta.url), { recursive: true });
