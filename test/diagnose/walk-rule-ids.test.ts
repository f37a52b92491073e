// The walk names rules by id (a step's `rules`, and the findings a step's decide looks up): every such id is one of
// the registry's, so a misspelt id cannot leave a step silently deaf to its rule.
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/diagnose/index.js';
import { WALK_STEPS } from '../../src/diagnose/walk/index.js';

const registered = new Set(RULES.map((r) => r.meta.id));

/** Ids not in the registry. */
function unknown(ids: readonly string[]): string[] {
  return ids.filter((id) => !registered.has(id));
}

/** Rule ids a walk source looks findings up by: `fired.get('…')`, `fired.has('…')`. */
function lookedUp(code: string): string[] {
  return [...code.matchAll(/\bfired\.(?:get|has)\(\s*'([^']+)'/g)].map((m) => m[1]);
}

describe('rule ids named by the walk', () => {
  const stepIds = WALK_STEPS.flatMap((s) => s.rules ?? []);
  const sources = fg.sync('src/diagnose/walk/*.ts').map((f) => [f, readFileSync(f, 'utf8')] as const);

  it("every step's rules are registry ids", () => {
    expect(stepIds.length).toBeGreaterThanOrEqual(25);
    expect(unknown(stepIds)).toEqual([]);
  });

  it("every finding a step's decide looks up is a registry id", () => {
    const named = sources.flatMap(([file, code]) => lookedUp(code).map((id) => `${file}: ${id}`));
    expect(named.length).toBeGreaterThanOrEqual(5);
    expect(sources.flatMap(([file, code]) => unknown(lookedUp(code)).map((id) => `${file}: ${id}`))).toEqual([]);
  });

  it('catches a misspelt id', () => {
    expect(unknown(['kms-client/not-activated', 'kms-client/not-activate'])).toEqual(['kms-client/not-activate']);
    expect(unknown(lookedUp("ctx.fired.get('mak/activatd')"))).toEqual(['mak/activatd']);
  });
});
