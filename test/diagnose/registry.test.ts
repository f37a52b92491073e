// The registry against RULES.md and the rule files: no id missing either way, every meta complete.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lacks } from '../helpers/needs.js';
import { RULES } from '../../src/diagnose/index.js';

const RULES_MD = '../shared/RULES.md';
const RULES_DIR = 'src/diagnose/rules';

function catalogueIds(md: string): string[] {
  // Table rows: "| kms-client/activated | info | … |"
  return [...md.matchAll(/^\|\s*([a-z-]+\/[a-z0-9-]+)\s*\|\s*(error|warning|info)\s*\|/gm)].map((m) => m[1]);
}

function ruleFiles(): string[] {
  return readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(RULES_DIR, d.name)).filter((f) => f.endsWith('.ts')).map((f) => `${d.name}/${f.replace(/\.ts$/, '')}`))
    .sort();
}

describe('rule registry', () => {
  const ids = RULES.map((r) => r.meta.id);

  it('has unique ids, one file per rule, named by its id', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(ruleFiles()).toEqual([...ids].sort());
  });

  it.skipIf(lacks('../shared/RULES.md', existsSync(RULES_MD)))('holds every id RULES.md lists, and no other, with its default severity', () => {
    const md = readFileSync(RULES_MD, 'utf8');
    const listed = catalogueIds(md);
    expect(listed.length).toBeGreaterThanOrEqual(33);
    expect([...ids].sort()).toEqual([...listed].sort());
    for (const m of md.matchAll(/^\|\s*([a-z-]+\/[a-z0-9-]+)\s*\|\s*(error|warning|info)\s*\|/gm)) {
      expect(RULES.find((r) => r.meta.id === m[1])?.meta.severity, m[1]).toBe(m[2]);
    }
  });

  it('gives every rule a complete meta', () => {
    for (const { meta } of RULES) {
      expect(meta.kb[0], meta.id).toBe(meta.id);
      for (const k of meta.kb) expect(k, meta.id).toMatch(/^([a-z-]+\/[a-z0-9-]+|code\/0x[0-9A-F]{8}|event\/\d+|procedure\/[a-z0-9-]+)$/);
      // An input rule reads the input accounts, not facts.
      if (meta.scope !== 'input') expect(meta.facts.length, meta.id).toBeGreaterThan(0);
      else expect(meta.facts, meta.id).toEqual([]);
      expect(meta.seed, meta.id).not.toBe('');
      expect(meta.messages.title.en, meta.id).not.toBe('');
      for (const s of meta.supersededBy ?? []) expect(ids, `${meta.id} supersededBy`).toContain(s);
    }
  });

  it('names only KB articles that exist', () => {
    const exists = (id: string): boolean => {
      if (id.startsWith('code/')) return true; // every known code gets an article (kb/codes or generated)
      if (id.startsWith('event/')) return existsSync(`kb/events/${id.slice(6)}.md`);
      if (id.startsWith('procedure/')) return existsSync(`kb/procedures/${id.slice(10)}.md`);
      return existsSync(`kb/rules/${id}.md`);
    };
    const missing = RULES.flatMap((r) => r.meta.kb.filter((k) => !exists(k)).map((k) => `${r.meta.id} → ${k}`));
    expect(missing).toEqual([]);
  });
});
