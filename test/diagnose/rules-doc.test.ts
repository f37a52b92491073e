// docs/rules.md is what the rules' meta make (regenerated here and compared), and it lists every rule.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/diagnose/index.js';
import { rulesDoc } from '../../src/diagnose/rules-doc.js';

describe('docs/rules.md', () => {
  const written = readFileSync('docs/rules.md', 'utf8');

  it('is exactly what `npm run docs:rules` writes from the rules', () => {
    expect(written).toBe(rulesDoc(RULES));
  });

  it('has a row and a section per rule, with its severity, title and when it fires', () => {
    for (const { meta } of RULES) {
      expect(written, meta.id).toContain(`| ${meta.severity} | ${meta.messages.title.en.replace(/\|/g, '\\|')} |`);
      expect(written, meta.id).toContain(`## ${meta.id}\n`);
      expect(written, meta.id).toContain(`When it fires: ${meta.description}`);
    }
  });
});

describe('CONTRIBUTING.md', () => {
  it('shows a rule and its scenarios as they are in the repository', () => {
    const guide = readFileSync('CONTRIBUTING.md', 'utf8');
    for (const file of ['src/diagnose/rules/kms-host/key-on-client.ts', 'test/rules/kms-host/key-on-client.scenarios.ts']) {
      expect(guide, file).toContain('```ts\n' + readFileSync(file, 'utf8'));
    }
  });
});
