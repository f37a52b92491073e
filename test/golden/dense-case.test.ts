// The activation-dense case (many clients' 12288/12289 interleaved with one host's 12290s, plus unrelated
// events) at a few MB: its findings, walks, fleet views and input accounts must stay exactly what they
// were before the speed and memory work (golden file recorded from the code before that work).
// To record it again on purpose: VOLACT_UPDATE_GOLDEN=1 npx vitest run test/golden
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/analyze.js';
import { denseExport } from '../helpers/dense-export.js';
import { english } from '../helpers/english.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const golden = path.join(here, 'dense-case.json');
const dir = mkdtempSync(path.join(tmpdir(), 'volact-dense-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function outcome(a: Analysis): unknown {
  // Input paths differ per run (temp folder): keep only the base name.
  const json = JSON.stringify({
    // The machine a file would be given is its temp folder's name here: not part of the recorded outcome.
    inputs: a.inputs.map(({ machine: _machine, machineNamed: _named, ...account }) => account),
    machines: a.fleet.machines.map((m) => ({ key: m.key, name: m.name, roles: m.roles, cmids: m.cmids, facts: m.facts.length })),
    findings: a.findings.map((f) => english.finding(f)),
    walks: Object.fromEntries([...a.walks].sort(([x], [y]) => x.localeCompare(y)).map(([k, steps]) => [k, steps.map((s) => english.step(s))])),
    views: a.views,
  });
  // Findings, steps and evidence carry their wording as catalog messages: the golden file holds the English text
  // they render to (as the JSON report writes it), which must not change; the messages are tested in test/messages.
  return JSON.parse(json.split(JSON.stringify(dir + path.sep).slice(1, -1)).join(''), (key, value: unknown) => (key === 'message' || key === 'messages' ? undefined : value));
}

describe('activation-dense export (golden)', () => {
  it('gives the recorded findings, walks and fleet views', { timeout: 120_000 }, async () => {
    const file = path.join(dir, 'ForwardedEvents.xml');
    writeFileSync(file, denseExport({ clients: 120, targetBytes: 3 * 1024 * 1024 }));
    const analysis = await analyze([file], { now: '2024-01-02T12:00:00Z', threads: 0 });
    const got = outcome(analysis);
    if (process.env.VOLACT_UPDATE_GOLDEN) writeFileSync(golden, JSON.stringify(got, null, 1) + '\n');
    const want = JSON.parse(readFileSync(golden, 'utf8'));
    // A sanity floor so an empty golden file can never pass: the case must keep its shape.
    expect(analysis.inputs[0].decoded).toBeGreaterThan(2000);
    expect(analysis.findings.length).toBeGreaterThan(10);
    expect(got).toEqual(want);
  });
});
