import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, diagnoseOptionsFrom, loadConfig, mergeConfig, parseRuleFlag, validateConfig } from '../../src/config/index.js';
import { RULES } from '../../src/diagnose/index.js';
import { check, type CheckJson, CONFIG, failingCauses, NIGHT1, NOW1, tempDir } from './helpers.js';

const KNOWN = RULES.map((r) => r.meta.id);

function problems(value: unknown): string[] {
  try {
    validateConfig(value, 'volact.config.json', KNOWN);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('volact.config.json validation', () => {
  it('accepts the example config and turns it into rule-chain options', () => {
    const config = validateConfig(
      { $schema: 'x', failOn: 'warning', failOnNew: true, rules: { 'kms-host/idle': 'off', 'kms-host/duplicate-cmid': 'warning' }, thresholds: { idleHours: 12 } },
      'f',
      KNOWN,
    );
    expect(config.failOn).toBe('warning');
    expect(diagnoseOptionsFrom(config)).toEqual({ idleHours: 12, disabled: ['kms-host/idle'], severity: { 'kms-host/duplicate-cmid': 'warning' } });
  });

  it('lists every problem with its place', () => {
    const found = problems({ failon: 'error', failOn: 'fatal', rules: { 'kms-host/idel': 'off', 'kms-host/idle': 'quiet' }, thresholds: { idleHours: -1, skew: 3 }, failOnNew: 'yes' });
    expect(found).toEqual([
      'volact.config.json: unknown key "failon" (did you mean "failOn"?) (allowed: failOn, failOnNew, rules, thresholds)',
      'volact.config.json: failOn must be one of error, warning, info, found "fatal"',
      'volact.config.json: failOnNew must be true or false, found "yes"',
      'volact.config.json: rules["kms-host/idel"]: no such rule (did you mean "kms-host/idle"?) (`volact explain <rule id>` describes a rule; docs/rules.md lists them)',
      'volact.config.json: rules["kms-host/idle"]: setting must be one of error, warning, info, off, found "quiet"',
      'volact.config.json: thresholds.idleHours must be a number from 1 to 2160, found -1',
      'volact.config.json: thresholds: unknown key "skew" (allowed: idleHours, expiryWarningDays, expiryErrorDays, graceWarningDays, skewHours)',
    ]);
    expect(problems([1, 2])).toEqual(['volact.config.json: expected a JSON object at the top, found an array']);
    expect(problems({ rules: ['kms-host/idle'] })[0]).toMatch(/rules must be an object/);
  });

  it('flags win over the file, rule by rule', () => {
    const file = validateConfig({ failOn: 'warning', rules: { 'kms-host/idle': 'off', 'mak/activated': 'off' } }, 'f', KNOWN);
    const merged = mergeConfig(file, { failOn: 'error', rules: Object.fromEntries([parseRuleFlag('kms-host/idle=error', KNOWN)]) });
    expect(merged.failOn).toBe('error');
    expect(merged.rules).toEqual({ 'kms-host/idle': 'error', 'mak/activated': 'off' });
  });

  it('reads ./volact.config.json when present, and reports bad JSON with the file name', async () => {
    const dir = tempDir();
    expect(await loadConfig(undefined, KNOWN, dir)).toEqual({ config: { rules: {}, thresholds: {} } });
    writeFileSync(path.join(dir, 'volact.config.json'), '{"failOn": "warning",}');
    await expect(loadConfig(undefined, KNOWN, dir)).rejects.toThrow(/volact\.config\.json: not valid JSON/);
    mkdirSync(path.join(dir, 'ok'));
    writeFileSync(path.join(dir, 'ok', 'volact.config.json'), '\uFEFF{"failOn": "warning"}');
    expect((await loadConfig(undefined, KNOWN, path.join(dir, 'ok'))).config.failOn).toBe('warning');
  });
});

describe('volact check --config', () => {
  it('applies severities, disabled rules and thresholds from the file', async () => {
    const plain = JSON.parse((await check([NIGHT1, ...NOW1, '--reporter', 'json'])).stdout) as CheckJson;
    const run = await check([NIGHT1, ...NOW1, '--reporter', 'json', '--config', CONFIG]);
    const report = JSON.parse(run.stdout) as CheckJson;
    const rules = new Set(report.findings.map((f) => f.rule));
    expect(plain.findings.some((f) => f.rule === 'kms-client/activated')).toBe(true);
    expect(rules.has('kms-client/activated')).toBe(false);
    expect(rules.has('mak/activated')).toBe(false);
    expect(report.findings.filter((f) => f.rule === 'kms-host/duplicate-cmid').map((f) => f.severity)).toEqual(['warning', 'warning', 'warning']);
    // expiryErrorDays 3: five days left is now a warning, not an error.
    const expiring = (r: CheckJson) => r.findings.find((f) => f.rule === 'kms-client/activation-expiring')!.severity;
    expect(expiring(plain)).toBe('error');
    expect(expiring(report)).toBe('warning');
    expect(report.check.failing).toBe(failingCauses(report.findings, (f) => f.severity === 'error').length);
  });

  it('rejects an invalid config file with exit 2 and every problem listed', async () => {
    const file = path.join(tempDir(), 'bad.json');
    writeFileSync(file, JSON.stringify({ rules: { 'kms-host/nope': 'off' }, thresholds: { idleHours: 'eight' } }));
    const run = await check([NIGHT1, ...NOW1, '--config', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2 problems:');
    expect(run.stderr).toContain('rules["kms-host/nope"]: no such rule');
    expect(run.stderr).toContain('thresholds.idleHours must be a number from 1 to 2160, found "eight"');
  });
});
