// Rules and knowledge base point at each other: every article a rule or a finding links to exists, and
// every rule article belongs to a rule that exists.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { RULES } from '../../src/diagnose/index.js';
import { loadKb } from '../../src/kb/index.js';

describe('rules ↔ knowledge base', () => {
  const kb = loadKb();

  it('every KB id a rule declares resolves to an article', () => {
    const missing = RULES.flatMap((r) => r.meta.kb.filter((id) => !kb.get(id)).map((id) => `${r.meta.id} → ${id}`));
    expect(missing).toEqual([]);
  });

  it('every rule article names a registered rule, and every rule has its article', () => {
    const ruleIds = new Set(RULES.map((r) => r.meta.id));
    const articleIds = kb.ofKind('rule').map((a) => a.id);
    expect(articleIds.filter((id) => !ruleIds.has(id))).toEqual([]);
    expect([...ruleIds].filter((id) => !kb.get(id))).toEqual([]);
  });

  it('every KB id in findings on the example snapshot resolves (hit-specific codes included)', async () => {
    const analysis = await analyze(['fixtures/example', 'fixtures/snapshots'], { now: '2024-03-07T12:00:00Z' });
    expect(analysis.findings.length).toBeGreaterThan(0);
    const missing = analysis.findings.flatMap((f) => f.kb.filter((id) => !kb.get(id)));
    expect(missing).toEqual([]);
  });
});
