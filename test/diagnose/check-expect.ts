// Runs the full pipeline on a fixture folder and compares the result with its expectation, which sits
// beside the folder (`fires/` → `fires.expect.json`) so that it is not one of the inputs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, type Analysis } from '../../src/analyze.js';
import { machineKey } from '../../src/evidence/index.js';
import type { Finding } from '../../src/types.js';
import type { Expectation } from '../rules/kit.js';
import { english } from '../helpers/english.js';

export function readExpect(dir: string): Expectation {
  return JSON.parse(readFileSync(`${dir}.expect.json`, 'utf8')) as Expectation;
}

export async function analyzeFolder(dir: string, expect: Expectation): Promise<Analysis> {
  return analyze([dir], { now: expect.now });
}

const norm = (p: string): string => p.split(path.sep).join('/');

/** Problems with the analysis, as readable lines; empty when it matches. */
export function compare(dir: string, a: Analysis, expect: Expectation): string[] {
  const problems: string[] = [];
  for (const want of expect.findings) {
    const hits = a.findings.filter((f) => f.rule === want.rule && machineKey(f.machine ?? '') === machineKey(want.machine));
    if (hits.length !== 1) {
      problems.push(`${want.rule} on ${want.machine}: expected one finding, got ${hits.length} (all: ${describe(a.findings)})`);
      continue;
    }
    const got = hits[0];
    if (want.severity && got.severity !== want.severity) problems.push(`${want.rule}: severity ${got.severity}, expected ${want.severity}`);
    for (const e of want.evidence) {
      const ok = got.evidence.some(
        (g) =>
          norm(g.file).endsWith(`${norm(dir).replace(/\/$/, '')}/${e.file}`.split('/').slice(-e.file.split('/').length).join('/')) &&
          (e.record === undefined || g.record === e.record) &&
          (e.line === undefined || g.line === e.line) &&
          (e.eventId === undefined || g.eventId === e.eventId),
      );
      if (!ok) problems.push(`${want.rule}: no evidence ${JSON.stringify(e)} in ${JSON.stringify(got.evidence.map((g) => [norm(g.file).split('/').slice(-2).join('/'), g.record ?? `L${g.line}`, g.eventId]))}`);
    }
    const remedy = english.finding(got).remedy;
    for (const s of want.remedyIncludes ?? []) if (!remedy.some((r) => r.includes(s))) problems.push(`${want.rule}: no remedy line contains ${JSON.stringify(s)}: ${JSON.stringify(remedy)}`);
  }
  for (const id of expect.absent) {
    const present = a.findings.filter((f) => f.rule === id);
    if (present.length) problems.push(`${id} must not fire, but did on ${present.map((f) => f.machine).join(', ')}`);
  }
  const internal = a.findings.filter((f) => f.rule === 'volact/internal-error');
  if (internal.length) problems.push(`internal errors: ${internal.map((f) => english.finding(f).detail).join(' | ')}`);
  for (const [machine, want] of Object.entries(expect.causes ?? {})) {
    const cause = a.causes.get(machineKey(machine));
    const got = { cause: cause?.rule, consequences: cause?.consequences ?? [] };
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`cause on ${machine}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
    for (const id of want.consequences) {
      const f = a.findings.find((x) => x.rule === id && machineKey(x.machine ?? '') === machineKey(machine));
      if (f?.cause !== want.cause) problems.push(`${id} on ${machine}: cause ${JSON.stringify(f?.cause)}, want ${want.cause}`);
    }
  }
  for (const [machine, steps] of Object.entries(expect.walks ?? {})) {
    const walk = a.walks.get(machineKey(machine));
    if (!walk) {
      problems.push(`no walk for ${machine}`);
      continue;
    }
    const got = walk.map((s) => `${s.id}=${s.status}`);
    const want = steps.map((s) => `${s.id}=${s.status}`);
    if (got.join('\n') !== want.join('\n')) problems.push(`walk of ${machine}:\n  got  ${got.join(', ')}\n  want ${want.join(', ')}\n  notes: ${walk.map((s) => `${s.id}: ${english.step(s).note ?? ''}`).join(' | ')}`);
    for (const s of steps) {
      const found = walk.find((w) => w.id === s.id);
      const step = found && english.step(found);
      if (step?.status === 'unknown' && !step.collect) problems.push(`${machine} ${s.id}: unknown without what to collect`);
      if (s.collect && !step?.collect?.includes(s.collect)) problems.push(`${machine} ${s.id}: collect ${JSON.stringify(step?.collect)} lacks ${JSON.stringify(s.collect)}`);
      if (step && step.status !== 'unknown' && step.status === 'fail' && step.evidence.length === 0) problems.push(`${machine} ${s.id}: fail without evidence`);
    }
  }
  return problems;
}

function describe(findings: Finding[]): string {
  return findings.map((f) => `${f.rule}@${f.machine}`).join(', ') || 'none';
}
