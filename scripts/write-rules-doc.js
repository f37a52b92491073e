// Writes docs/rules.md from the rules' meta (through dist/): npm run docs:rules
import { writeFileSync } from 'node:fs';
import { RULES } from '../dist/diagnose/index.js';
import { rulesDoc } from '../dist/diagnose/rules-doc.js';

writeFileSync('docs/rules.md', rulesDoc(RULES));
console.log(`docs/rules.md: ${RULES.length} rules`);
