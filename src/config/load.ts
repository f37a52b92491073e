// Finds and reads the config file: the one named with --config, else volact.config.json in the working folder.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAME, ConfigError, emptyConfig, validateConfig, type VolactConfig } from './config.js';

export interface LoadedConfig {
  config: VolactConfig;
  /** The file read, or undefined when there was none. */
  file?: string;
}

export async function loadConfig(explicit: string | undefined, knownRules: readonly string[], cwd = process.cwd()): Promise<LoadedConfig> {
  const file = explicit ?? path.join(cwd, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Without --config, a missing default file simply means "no config".
    if (explicit === undefined && code === 'ENOENT') return { config: emptyConfig() };
    throw new ConfigError([`${file}: cannot read the config file (${code === 'ENOENT' ? 'no such file' : (error as Error).message})`]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError([`${file}: not valid JSON: ${(error as Error).message}`]);
  }
  return { config: validateConfig(parsed, file, knownRules), file };
}
