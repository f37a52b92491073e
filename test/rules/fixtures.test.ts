// The committed fixtures are what the scenarios make (a scenario changed without `npx tsx
// test/rules/write-fixtures.ts`, or a fixture edited by hand, fails here), and every rule has its scenarios.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/diagnose/index.js';
import { generatedFixtures, isTranscribed, ruleFolder, ruleScenarios } from './fixtures.js';

const ROOT = 'fixtures';

describe('rule scenarios and their fixtures', () => {
  it('every rule has one scenarios file, at test/rules/<area>/<name>.scenarios.ts, naming it', async () => {
    const modules = await ruleScenarios();
    const byRule = new Map([...modules].map(([file, s]) => [s.rule, file]));
    for (const [file, s] of modules) expect(file, s.rule).toBe(`${s.rule}.scenarios.ts`);
    expect([...byRule.keys()].sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  it('transcribed rules have their fixture folders committed', async () => {
    for (const s of (await ruleScenarios()).values()) {
      if (!isTranscribed(s)) continue;
      for (const kind of ['fires', 'quiet']) expect(existsSync(path.join(ROOT, 'rules', ruleFolder(s.rule), kind)), `${s.rule} ${kind}`).toBe(true);
    }
  });

  it('the committed fixtures are exactly what the scenarios make', async () => {
    const { files, folders } = await generatedFixtures();
    expect(folders.length).toBeGreaterThan(60);
    const committed = folders.flatMap((dir) => [...fg.sync('**', { cwd: path.join(ROOT, dir), dot: true }).map((f) => `${dir}/${f}`), `${dir}.expect.json`]).sort();
    expect(committed).toEqual([...files.keys()].sort());
    const bytes = (content: string | Uint8Array): Buffer => (typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content));
    const differ = [...files].filter(([rel, content]) => !readFileSync(path.join(ROOT, rel)).equals(bytes(content))).map(([rel]) => rel);
    expect(differ).toEqual([]);
  });
});
