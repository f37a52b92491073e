// Public face of the configuration: volact.config.json and the flags that override it.
export {
  CONFIG_FILE_NAME, ConfigError, SEVERITIES, diagnoseOptionsFrom, emptyConfig, isSeverity, mergeConfig, parseRuleFlag, validateConfig,
  type FailOn, type RuleSetting, type ThresholdName, type VolactConfig,
} from './config.js';
export { loadConfig, type LoadedConfig } from './load.js';
