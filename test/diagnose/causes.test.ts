// The cause before its symptoms: what the rules declare (`consequenceOf`) against the walk's order, and how one
// machine's findings are linked (the cause, the findings that follow from it).
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/diagnose/index.js';
import { CauseLinker, causeRanks } from '../../src/diagnose/causes.js';
import { WALK_STEPS } from '../../src/diagnose/walk/index.js';
import type { Finding, Severity } from '../../src/types.js';

const ids = new Set(RULES.map((r) => r.meta.id));
/** Each rule the walk names, with the index of its step and whether that step asks for the state. */
const stepOf = new Map<string, { index: number; symptom: boolean; step: string }>();
WALK_STEPS.forEach((s, index) => {
  for (const id of s.rules ?? []) if (!stepOf.has(id)) stepOf.set(id, { index, symptom: s.symptom === true, step: s.id });
});

function finding(rule: string, severity: Severity = 'error'): Finding {
  return { rule, severity, machine: 'pc01', evidence: [], kb: [], messages: { title: { id: `${rule}.title` }, detail: [], remedy: [] } };
}

describe('consequenceOf, against the walk', () => {
  it('names rules that exist, never the rule itself', () => {
    for (const { meta } of RULES) {
      for (const c of meta.consequenceOf ?? []) {
        expect(ids.has(c), `${meta.id} consequenceOf ${c}`).toBe(true);
        expect(c, meta.id).not.toBe(meta.id);
      }
    }
  });

  it('has no loop', () => {
    const edges = new Map(RULES.map((r) => [r.meta.id, r.meta.consequenceOf ?? []]));
    const state = new Map<string, 'open' | 'done'>();
    const visit = (id: string, path: string[]): void => {
      if (state.get(id) === 'done') return;
      expect(state.get(id), `loop: ${[...path, id].join(' ← ')}`).not.toBe('open');
      state.set(id, 'open');
      for (const c of edges.get(id) ?? []) visit(c, [...path, id]);
      state.set(id, 'done');
    };
    for (const id of edges.keys()) visit(id, []);
  });

  it('the walk reaches a cause no later than what follows from it, unless that is a state the table opens with', () => {
    const wrong: string[] = [];
    for (const { meta } of RULES) {
      const r = stepOf.get(meta.id);
      for (const c of meta.consequenceOf ?? []) {
        const s = stepOf.get(c);
        if (!r || !s) continue;
        // A state question (activated? in notification?) is answered by the causes the later steps find.
        if (r.symptom) continue;
        if (s.symptom) wrong.push(`${meta.id} (${r.step}) follows from a state, ${c} (${s.step})`);
        else if (s.index > r.index) wrong.push(`${meta.id} (${r.step}) follows from ${c}, which the walk asks later (${s.step})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every rule a step names is a registered rule, named by one step per table', () => {
    const seen = new Map<string, string>();
    for (const s of WALK_STEPS) {
      // The tables: KMS client, KMS host, MAK (step ids in their area), and the common questions.
      const table = ['kms-client', 'kms-host', 'mak'].find((area) => s.id.startsWith(`${area}/`)) ?? 'common';
      for (const id of s.rules ?? []) {
        expect(ids.has(id), `${s.id} names ${id}`).toBe(true);
        expect(seen.get(`${table} ${id}`), `${id} on ${s.id}`).toBeUndefined();
        seen.set(`${table} ${id}`, s.id);
      }
    }
  });

  it('ranks the why-steps first, then rules on no step, then the states', () => {
    const ranks = causeRanks(RULES);
    const rank = (id: string): number => ranks.get(id)!;
    expect(rank('kms-client/host-mismatch')).toBeLessThan(rank('kms-client/no-response'));
    expect(rank('kms-client/no-response')).toBeLessThan(rank('kms-client/request-failed'));
    expect(rank('kms-client/request-failed')).toBeLessThan(rank('kms-client/not-activated'));
    expect(rank('kms-client/not-activated')).toBeLessThan(rank('license/notification'));
    expect(ranks.size).toBe(RULES.length);
  });
});

describe('linking one machine', () => {
  const linker = new CauseLinker(RULES);

  it('puts four errors under the warning they follow from, in the guide order', () => {
    const list = ['license/notification', 'kms-client/not-activated', 'kms-client/request-failed', 'kms-client/no-response'].map((r) => finding(r));
    const mismatch = finding('kms-client/host-mismatch', 'warning');
    const statik = finding('kms-client/static-host', 'info');
    const cause = linker.link([...list, mismatch, statik]);
    expect(cause).toBe(mismatch);
    expect(mismatch.consequences).toEqual(['kms-client/no-response', 'kms-client/request-failed', 'kms-client/not-activated', 'license/notification']);
    for (const f of list) expect(f.cause, f.rule).toBe('kms-client/host-mismatch');
    expect(statik.cause).toBeUndefined();
    expect(statik.consequences).toBeUndefined();
  });

  it('without the warning, the first cause the walk reaches heads the chain', () => {
    const list = ['kms-client/not-activated', 'kms-client/request-failed', 'kms-client/no-response'].map((r) => finding(r));
    expect(linker.link(list)?.rule).toBe('kms-client/no-response');
    expect(list[0].cause).toBe('kms-client/no-response');
  });

  it('a symptom alone is its own cause; an info finding alone is no cause', () => {
    const alone = finding('kms-client/not-activated');
    expect(linker.link([alone])).toBe(alone);
    expect(alone.cause).toBeUndefined();
    expect(linker.link([finding('kms-client/activated', 'info'), finding('kms-client/static-host', 'info')])).toBeUndefined();
  });

  it('two unrelated causes stay apart; the one the walk asks first is the likely cause', () => {
    const skew = finding('kms-client/time-skew');
    const dns = finding('kms-client/dns-lookup-failed');
    expect(linker.link([skew, dns])).toBe(dns);
    expect(skew.cause).toBeUndefined();
    expect(dns.consequences).toBeUndefined();
  });
});
