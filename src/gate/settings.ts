// What decides a CI gate's verdict: the config (--config, --rule), the level that fails (--fail-on, --fail-on-new)
// and the previous report to compare with (--baseline). Read once, for `check` and `probe` alike.
import { readFile } from 'node:fs/promises';
import { ConfigError, isSeverity, loadConfig, mergeConfig, parseRuleFlag, SEVERITIES, type RuleSetting, type VolactConfig } from '../config/index.js';
import { RULES } from '../diagnose/index.js';
import { english, msg, type MessageRef } from '../messages/index.js';
import { BaselineError, readBaseline, type BaselineReport } from '../report/baseline.js';
import type { Severity } from '../types.js';

export interface Gate {
  config: VolactConfig;
  failOn: Severity;
  failOnNew: boolean;
  /** Every rule id volact has, in registry order (JUnit gives each a test case). */
  knownRules: string[];
  baseline?: BaselineReport;
  baselineFile?: string;
}

export interface GateFlags {
  failOn?: string;
  failOnNew?: boolean;
  baseline?: string;
  config?: string;
  rule: string[];
}

/** The gate cannot be set up as asked (a bad flag, config or baseline): the CLI's usage error. */
export class GateError extends Error {
  constructor(readonly ref: MessageRef) {
    super(english(ref));
  }
}

export async function loadGate(flags: GateFlags): Promise<Gate> {
  const knownRules = RULES.map((r) => r.meta.id);
  const config = await configFrom(flags, knownRules);
  const failOn: Severity = config.failOn ?? 'error';
  const failOnNew = config.failOnNew ?? false;
  if (failOnNew && !flags.baseline) throw new GateError(msg('cli.fail-on-new-needs-baseline'));
  const baseline = flags.baseline ? await loadBaseline(flags.baseline) : undefined;
  return { config, failOn, failOnNew, knownRules, ...(baseline ? { baseline, baselineFile: flags.baseline } : {}) };
}

async function configFrom(flags: GateFlags, knownRules: string[]): Promise<VolactConfig> {
  try {
    const { config } = await loadConfig(flags.config, knownRules);
    const rules: Record<string, RuleSetting> = {};
    for (const value of flags.rule) {
      const [id, setting] = parseRuleFlag(value, knownRules);
      rules[id] = setting;
    }
    const over: Parameters<typeof mergeConfig>[1] = { rules };
    if (flags.failOn !== undefined) {
      if (!isSeverity(flags.failOn)) {
        throw new GateError(msg('cli.expects-one-of', { option: '--fail-on', allowed: SEVERITIES.join(', '), found: JSON.stringify(flags.failOn) }));
      }
      over.failOn = flags.failOn;
    }
    if (flags.failOnNew) over.failOnNew = true;
    return mergeConfig(config, over);
  } catch (error) {
    if (error instanceof ConfigError) throw new GateError(msg('common.value', { value: error.message }));
    throw error;
  }
}

async function loadBaseline(file: string): Promise<BaselineReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? msg('cli.no-such-file') : (error as Error).message;
    throw new GateError(msg('cli.baseline-unreadable', { file, why }));
  }
  try {
    return readBaseline(text, file);
  } catch (error) {
    if (error instanceof BaselineError) throw new GateError(error.ref);
    throw error;
  }
}
