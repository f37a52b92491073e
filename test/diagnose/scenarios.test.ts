// The walk, step by step, on four fleet snapshots: a healthy client, a client its host never saw,
// a host with duplicate CMIDs, a MAK machine failing online activation.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFolder, compare, readExpect } from './check-expect.js';

const ROOT = 'fixtures/scenarios';

describe('walk scenarios', () => {
  const names = existsSync(ROOT) ? readdirSync(ROOT).filter((n) => !n.endsWith('.json')).sort() : [];
  it('has the four scenarios of the issue', () => {
    expect(names).toEqual(['healthy-kms-client', 'kms-client-host-never-saw-it', 'kms-host-duplicate-cmids', 'mak-online-activation-failed']);
  });
  for (const name of names) {
    it(name, async () => {
      const dir = path.join(ROOT, name);
      const want = readExpect(dir);
      expect(want.walks, 'scenario asserts walks').toBeDefined();
      const a = await analyzeFolder(dir, want);
      expect(compare(dir, a, want)).toEqual([]);
    });
  }
});
