// Every rule fires on its fires/ fixture and stays quiet on its quiet/ fixture, through the whole
// pipeline (readers, decoders, fleet, rules).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/diagnose/index.js';
import { analyzeFolder, compare, readExpect } from './check-expect.js';

const ROOT = 'fixtures/rules';

describe('rule fixtures', () => {
  const folders = existsSync(ROOT) ? readdirSync(ROOT).filter((n) => !n.endsWith('.json')).sort() : [];
  for (const name of folders) {
    for (const kind of ['fires', 'quiet'] as const) {
      const dir = path.join(ROOT, name, kind);
      it(`${name}/${kind}`, async () => {
        const want = readExpect(dir);
        const a = await analyzeFolder(dir, want);
        // Only the input rules' fixtures hold files volact cannot read, and those are the files their findings name.
        const unreadOnPurpose = new Set(want.findings.filter((f) => f.rule.startsWith('input/')).flatMap((f) => f.evidence.map((e) => e.file)));
        for (const i of a.inputs) {
          if (![...unreadOnPurpose].some((file) => i.file.endsWith(`/${file}`))) expect(i.rejected, `${i.file} rejected records`).toEqual([]);
        }
        expect(compare(dir, a, want)).toEqual([]);
      });
    }
  }

  it('each rule is asserted where it fires and where it must not', () => {
    for (const rule of RULES) {
      const dir = path.join(ROOT, rule.meta.id.replace('/', '--'));
      expect(existsSync(path.join(dir, 'fires.expect.json')), `${dir}/fires`).toBe(true);
      expect(existsSync(path.join(dir, 'quiet.expect.json')), `${dir}/quiet`).toBe(true);
      const fires = readExpect(path.join(dir, 'fires'));
      const quiet = readExpect(path.join(dir, 'quiet'));
      const firing = fires.findings.find((f) => f.rule === rule.meta.id);
      expect(firing, `${rule.meta.id} fires.expect.json names the rule`).toBeDefined();
      expect(firing?.evidence.length ?? 0, `${rule.meta.id} fires with evidence`).toBeGreaterThan(0);
      expect(quiet.absent, `${rule.meta.id} quiet.expect.json lists it as absent`).toContain(rule.meta.id);
    }
  });
});
