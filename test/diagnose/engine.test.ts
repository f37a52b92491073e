// The rule chain's behaviour: options, the clock, isolation of a failing rule, ordering, one
// finding per rule and machine.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { INTERNAL_ERROR_ID, RULES, diagnose } from '../../src/diagnose/index.js';
import { defineRule } from '../../src/diagnose/rule.js';
import { runRules } from '../../src/diagnose/engine.js';
import { resolveOptions } from '../../src/diagnose/options.js';
import type { KmsHostRequestFact, KmsRequestFact, LicenseFact } from '../../src/decode/index.js';
import { buildFleet } from '../../src/evidence/index.js';
import { loadKb } from '../../src/kb/index.js';
import { english } from '../helpers/english.js';

const RULE_FIX = 'fixtures/rules';
const NOW = '2024-03-07T12:00:00Z';
const fx = (rule: string, kind: 'fires' | 'quiet'): string => path.join(RULE_FIX, rule.replace('/', '--'), kind);

describe('diagnose options', () => {
  it('skips disabled rules', async () => {
    const on = await analyze([fx('kms-client/count-below-threshold', 'fires')], { now: NOW });
    expect(on.findings.map((f) => f.rule)).toContain('kms-client/count-below-threshold');
    const off = await analyze([fx('kms-client/count-below-threshold', 'fires')], { now: NOW, diagnose: { disabled: ['kms-client/count-below-threshold'] } });
    expect(off.findings.map((f) => f.rule)).not.toContain('kms-client/count-below-threshold');
  });

  it('applies severity overrides per rule id', async () => {
    const a = await analyze([fx('kms-host/idle', 'fires')], { now: NOW, diagnose: { severity: { 'kms-host/idle': 'error' } } });
    expect(a.findings.find((f) => f.rule === 'kms-host/idle')?.severity).toBe('error');
  });

  it('idle hours are tunable (default 8)', async () => {
    // Last 12290 at 02:00, now 12:00: 10 hours.
    const dflt = await analyze([fx('kms-host/idle', 'fires')], { now: NOW });
    expect(dflt.findings.map((f) => f.rule)).toContain('kms-host/idle');
    const lenient = await analyze([fx('kms-host/idle', 'fires')], { now: NOW, diagnose: { idleHours: 11 } });
    expect(lenient.findings.map((f) => f.rule)).not.toContain('kms-host/idle');
  });

  it('expiry within the error days is an error, else a warning', async () => {
    // 14400 minutes = 10 days left.
    const warn = await analyze([fx('kms-client/activation-expiring', 'fires')], { now: NOW });
    expect(warn.findings.find((f) => f.rule === 'kms-client/activation-expiring')?.severity).toBe('warning');
    const err = await analyze([fx('kms-client/activation-expiring', 'fires')], { now: NOW, diagnose: { expiryErrorDays: 11 } });
    expect(err.findings.find((f) => f.rule === 'kms-client/activation-expiring')?.severity).toBe('error');
    const none = await analyze([fx('kms-client/activation-expiring', 'fires')], { now: NOW, diagnose: { expiryWarningDays: 9 } });
    expect(none.findings.map((f) => f.rule)).not.toContain('kms-client/activation-expiring');
  });

  it('the skew allowance is tunable (default 4 h)', () => {
    // A client outside the snapshot whose clock is 5 h 30 min behind the host's: the host gets the finding.
    const entry: KmsHostRequestFact = {
      kind: 'kms-host-request',
      source: { file: 'kms01/KeyManagementService.xml', format: 'xml', record: 30077 },
      computer: 'kms01.corp.contoso.com',
      time: '2024-03-07T09:00:00Z',
      eventId: 12290,
      result: '0x00000000',
      requiredCount: 25,
      clientName: 'pc99.corp.contoso.com',
      cmid: '11111111-2222-4333-8444-555555555555',
      clientTime: '2024-03-07T03:30:00Z',
    };
    const fleet = buildFleet([{ fact: entry, fallbackMachine: 'kms01' }], { now: NOW });
    const strict = diagnose(fleet, { now: NOW }).findings.find((f) => f.rule === 'kms-client/time-skew');
    expect(strict?.machine).toBe('kms01.corp.contoso.com');
    expect(strict?.evidence).toEqual([expect.objectContaining({ record: 30077, eventId: 12290 })]);
    expect(english.evidence(strict!.evidence[0]).summary).toContain('5.5 h');
    expect(diagnose(fleet, { now: NOW, skewHours: 6 }).findings.map((f) => f.rule)).not.toContain('kms-client/time-skew');
  });
});

describe('the clock', () => {
  it('--now pins "now"; without it, now is the newest record read', async () => {
    const dir = fx('kms-host/idle', 'quiet'); // last 12290 at 10:40
    const unpinned = await analyze([dir]);
    expect(unpinned.now).toMatch(/^2024-03-07T10:40:04/);
    expect(unpinned.findings.map((f) => f.rule)).not.toContain('kms-host/idle');
    const later = await analyze([dir], { now: '2024-03-08T09:00:00Z' });
    expect(later.findings.map((f) => f.rule)).toContain('kms-host/idle');
  });
});

describe('isolation and shape', () => {
  it('a rule that throws becomes an internal-error finding; the others still run', async () => {
    const a = await analyze([fx('kms-client/count-below-threshold', 'fires')], { now: NOW });
    const broken = defineRule({
      meta: { id: 'test/broken', severity: 'error', description: 'throws', kb: [], facts: ['kms-request'], seed: 'test', messages: { title: { en: 'broken', ja: '壊れている' } } },
      check() {
        throw new Error('boom');
      },
    });
    const { findings } = runRules(a.fleet, [broken, ...RULES], resolveOptions({ now: NOW }), Date.parse(NOW));
    const internal = findings.filter((f) => f.rule === INTERNAL_ERROR_ID);
    expect(internal).toHaveLength(1);
    expect(english.finding(internal[0]).detail).toContain('test/broken');
    expect(english.finding(internal[0]).detail).toContain('boom');
    expect(internal[0].kb.map((id) => loadKb().get(id)?.id)).toEqual(['procedure/internal-error']);
    expect(findings.map((f) => f.rule)).toContain('kms-client/count-below-threshold');
  });

  it('a walk step is keyed by machine key and every machine gets one', async () => {
    const a = await analyze(['fixtures/scenarios/kms-host-duplicate-cmids'], { now: NOW });
    expect([...a.walks.keys()].sort()).toEqual(['kms01', 'lab-pc07', 'lab-pc08']);
    const again = diagnose(a.fleet, { now: NOW });
    expect(again.findings).toEqual(a.findings);
  });

  it('findings are sorted by machine then severity, once per rule and machine, with evidence', async () => {
    for (const name of readdirSync(RULE_FIX)) {
      for (const kind of ['fires', 'quiet']) {
        const a = await analyze([path.join(RULE_FIX, name, kind)], { now: NOW });
        const keys = a.findings.map((f) => `${f.rule}@${f.machine}`);
        expect(new Set(keys).size, `${name}/${kind}`).toBe(keys.length);
        const rank = { error: 0, warning: 1, info: 2 } as const;
        for (let i = 1; i < a.findings.length; i++) {
          const [p, c] = [a.findings[i - 1], a.findings[i]];
          const order = (p.machine ?? '').localeCompare(c.machine ?? '') || rank[p.severity] - rank[c.severity];
          expect(order, `${name}/${kind}: ${p.rule} before ${c.rule}`).toBeLessThanOrEqual(0);
        }
        for (const f of a.findings) {
          expect(f.evidence.length, `${f.rule} in ${name}/${kind}`).toBeGreaterThan(0);
          expect(f.messages.remedy.length, `${f.rule} in ${name}/${kind}`).toBeGreaterThan(0);
          // A file rejected whole has no finer place than itself (its evidence says "whole file" or an offset).
          const wholeFile = f.rule === 'input/unreadable' || f.rule === 'input/partly-read';
          for (const e of f.evidence) expect(wholeFile || e.record !== undefined || e.line !== undefined, `${f.rule}: ${english.evidence(e).summary}`).toBe(true);
        }
      }
    }
  });
});

describe('KMS host count needs', () => {
  const hostLicense: LicenseFact = {
    kind: 'license',
    source: { file: 'kms01/slmgr-dlv.txt', format: 'slmgr', line: 6 },
    computer: '',
    time: '',
    name: 'Windows(R), ServerStandard edition',
    description: 'Windows(R) Operating System, VOLUME_KMS_C channel',
    channel: 'VOLUME_KMS_C',
    keyType: 'Volume:CSVLK',
    licenseStatus: 'Licensed',
    licenseStatusText: 'Licensed',
    errors: [],
    form: 'dlv',
    lineStart: 6,
    lineEnd: 30,
    kmsHost: { currentCount: 12, listeningPort: 1688 },
  };
  const request = (need: number): KmsRequestFact => ({
    kind: 'kms-request',
    source: { file: 'client01/Application.xml', format: 'xml', record: 5101 },
    computer: 'client01.corp.contoso.com',
    time: '2024-03-07T09:12:04Z',
    eventId: 12288,
    result: '0x00000000',
    statusFlags: 0,
    flags: [],
    host: 'kms01.corp.contoso.com',
    port: 1688,
    cmid: '2ffcfc30-6a6a-49ec-92b8-f6150c7df211',
    requiredCount: need,
  });
  const run = (need: number) =>
    diagnose(
      buildFleet(
        [
          { fact: hostLicense, fallbackMachine: 'kms01' },
          { fact: request(need), fallbackMachine: 'client01' },
        ],
        { now: NOW },
      ),
      { now: NOW },
    ).findings.find((f) => f.rule === 'kms-host/count-below-threshold');

  it('a client asking for 25 makes a count of 12 too low, even with no 12290 in the snapshot', () => {
    const f = run(25);
    expect(f?.machine).toBe('kms01');
    expect(english.finding(f!).title).toBe('KMS host count 12 is below 25');
    expect(f?.evidence.map((e) => [e.file, e.line ?? e.record])).toEqual([
      ['kms01/slmgr-dlv.txt', 6],
      ['client01/Application.xml', 5101],
    ]);
  });

  it('servers (5) are served by a count of 12', () => {
    expect(run(5)).toBeUndefined();
  });
});
