// The walk, step by step, on five fleet snapshots: a healthy client, a client its host never saw, a client
// pinned to a host that is gone (its cause and the four findings that follow from it), a host with duplicate
// CMIDs, a MAK machine failing online activation.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFolder, compare, readExpect } from './check-expect.js';

const ROOT = 'fixtures/scenarios';

describe('walk scenarios', () => {
  const names = existsSync(ROOT) ? readdirSync(ROOT).filter((n) => !n.endsWith('.json')).sort() : [];
  it('has the scenarios of the issues (four of issue 1, the static host of issue 23)', () => {
    expect(names).toEqual(['healthy-kms-client', 'kms-client-host-never-saw-it', 'kms-client-static-host-times-out', 'kms-host-duplicate-cmids', 'mak-online-activation-failed']);
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
