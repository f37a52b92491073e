// volact.config.json: per-rule severity or "off", the --fail-on level and the rule chain's thresholds.
// Validation collects every problem with its place, so one run tells the user everything to fix.
import type { DiagnoseOptions } from '../diagnose/index.js';
import type { Severity } from '../types.js';

export const CONFIG_FILE_NAME = 'volact.config.json';

export type RuleSetting = Severity | 'off';
export type FailOn = Severity;

/** Thresholds a config may tune, with the range each accepts. */
const THRESHOLDS = {
  idleHours: { min: 1, max: 24 * 90 },
  expiryWarningDays: { min: 0, max: 180 },
  expiryErrorDays: { min: 0, max: 180 },
  graceWarningDays: { min: 0, max: 180 },
  skewHours: { min: 0, max: 24 * 7 },
} as const satisfies Partial<Record<keyof DiagnoseOptions, { min: number; max: number }>>;

export type ThresholdName = keyof typeof THRESHOLDS;

export interface VolactConfig {
  failOn?: FailOn;
  failOnNew?: boolean;
  /** Rule id → severity that replaces the rule's own, or 'off'. */
  rules: Record<string, RuleSetting>;
  thresholds: Partial<Record<ThresholdName, number>>;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const RULE_SETTINGS: readonly RuleSetting[] = [...SEVERITIES, 'off'];
const TOP_LEVEL_KEYS = ['$schema', 'failOn', 'failOnNew', 'rules', 'thresholds'] as const;

/** A configuration problem: the message names the file and the key. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join('\n  ')}`);
  }
}

export function emptyConfig(): VolactConfig {
  return { rules: {}, thresholds: {} };
}

/** Checks a parsed config; throws a ConfigError listing every problem. */
export function validateConfig(value: unknown, where: string, knownRules: readonly string[]): VolactConfig {
  const problems: string[] = [];
  const config = emptyConfig();
  if (!isPlainObject(value)) throw new ConfigError([`${where}: expected a JSON object at the top, found ${kindOf(value)}`]);
  for (const key of Object.keys(value)) {
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) problems.push(`${where}: unknown key ${JSON.stringify(key)}${suggest(key, TOP_LEVEL_KEYS)} (allowed: ${TOP_LEVEL_KEYS.filter((k) => k !== '$schema').join(', ')})`);
  }
  if (value.failOn !== undefined) {
    if (isSeverity(value.failOn)) config.failOn = value.failOn;
    else problems.push(`${where}: failOn must be one of ${SEVERITIES.join(', ')}, found ${JSON.stringify(value.failOn)}`);
  }
  if (value.failOnNew !== undefined) {
    if (typeof value.failOnNew === 'boolean') config.failOnNew = value.failOnNew;
    else problems.push(`${where}: failOnNew must be true or false, found ${JSON.stringify(value.failOnNew)}`);
  }
  if (value.rules !== undefined) {
    if (!isPlainObject(value.rules)) problems.push(`${where}: rules must be an object of rule id → ${RULE_SETTINGS.join('|')}, found ${kindOf(value.rules)}`);
    else {
      for (const [id, setting] of Object.entries(value.rules)) {
        const problem = ruleProblem(id, setting, knownRules);
        if (problem) problems.push(`${where}: rules[${JSON.stringify(id)}]: ${problem}`);
        else config.rules[id] = setting as RuleSetting;
      }
    }
  }
  if (value.thresholds !== undefined) {
    if (!isPlainObject(value.thresholds)) problems.push(`${where}: thresholds must be an object, found ${kindOf(value.thresholds)}`);
    else {
      const names = Object.keys(THRESHOLDS) as ThresholdName[];
      for (const [name, n] of Object.entries(value.thresholds)) {
        if (!(names as string[]).includes(name)) {
          problems.push(`${where}: thresholds: unknown key ${JSON.stringify(name)}${suggest(name, names)} (allowed: ${names.join(', ')})`);
          continue;
        }
        const range = THRESHOLDS[name as ThresholdName];
        if (typeof n !== 'number' || !Number.isFinite(n) || n < range.min || n > range.max) {
          problems.push(`${where}: thresholds.${name} must be a number from ${range.min} to ${range.max}, found ${JSON.stringify(n)}`);
        } else config.thresholds[name as ThresholdName] = n;
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** "kms-host/idle=off" from --rule; throws a ConfigError naming the flag. */
export function parseRuleFlag(value: string, knownRules: readonly string[]): [string, RuleSetting] {
  const eq = value.lastIndexOf('=');
  if (eq <= 0) throw new ConfigError([`--rule expects <rule id>=<${RULE_SETTINGS.join('|')}>, e.g. kms-host/idle=off; found ${JSON.stringify(value)}`]);
  const id = value.slice(0, eq).trim();
  const setting = value.slice(eq + 1).trim();
  const problem = ruleProblem(id, setting, knownRules);
  if (problem) throw new ConfigError([`--rule ${JSON.stringify(value)}: ${problem}`]);
  return [id, setting as RuleSetting];
}

/** Flags win over the file; rule settings merge per rule. */
export function mergeConfig(base: VolactConfig, over: Partial<VolactConfig>): VolactConfig {
  const out: VolactConfig = { ...base, rules: { ...base.rules, ...over.rules }, thresholds: { ...base.thresholds, ...over.thresholds } };
  if (over.failOn !== undefined) out.failOn = over.failOn;
  if (over.failOnNew !== undefined) out.failOnNew = over.failOnNew;
  return out;
}

/** What the rule chain needs from a config. */
export function diagnoseOptionsFrom(config: VolactConfig): Partial<Omit<DiagnoseOptions, 'now'>> {
  const disabled: string[] = [];
  const severity: Record<string, Severity> = {};
  for (const [id, setting] of Object.entries(config.rules)) {
    if (setting === 'off') disabled.push(id);
    else severity[id] = setting;
  }
  return { ...config.thresholds, disabled, severity };
}

function ruleProblem(id: string, setting: unknown, knownRules: readonly string[]): string | undefined {
  if (!knownRules.includes(id)) return `no such rule${suggest(id, knownRules)} (\`volact explain <rule id>\` describes a rule; docs/rules.md lists them)`;
  if (typeof setting !== 'string' || !(RULE_SETTINGS as readonly string[]).includes(setting)) {
    return `setting must be one of ${RULE_SETTINGS.join(', ')}, found ${JSON.stringify(setting)}`;
  }
  return undefined;
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value} (${JSON.stringify(value)})`;
}

/** " (did you mean …?)" for a near miss, else "". */
function suggest(given: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(given.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(given.length / 4)) ? ` (did you mean ${JSON.stringify(best)}?)` : '';
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
