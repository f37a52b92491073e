// The README's usage block is the CLI reference people read first: it names every command and every option
// that command's --help lists, so the two cannot drift apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const readme = readFileSync('README.md', 'utf8');
const usage = /## Usage\n\n```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

/** The usage lines of one command: its own line and the indented continuation lines under it. */
function usageOf(command: string): string {
  const lines = usage.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`volact ${command} `));
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && l.startsWith('volact '));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

async function optionsInHelp(command: string): Promise<string[]> {
  const help = (await runCli([command, '--help'])).stdout;
  const options = help.slice(help.indexOf('Options:'), help.indexOf('Examples:'));
  return [...options.matchAll(/^\s+(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((m) => m[1]).filter((o) => o !== '--help');
}

describe('README usage matches --help', () => {
  it('names every command', async () => {
    const help = (await runCli(['--help'])).stdout;
    const listed = help.slice(help.indexOf('Commands:'), help.indexOf('Examples:'));
    const commands = [...listed.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['analyze', 'check', 'probe', 'events', 'timeline', 'search', 'explain']));
    for (const c of commands) expect(usageOf(c), c).not.toBe('');
  });

  it.each(['analyze', 'check', 'probe', 'events', 'timeline', 'search', 'explain'])('volact %s: every option of its help is in the README', async (command) => {
    const options = await optionsInHelp(command);
    expect(options.length).toBeGreaterThan(0);
    const line = usageOf(command);
    const short: Record<string, string> = { '--format': '-f', '--out': '-o' };
    const missing = options.filter((o) => !line.includes(`${o} `) && !line.includes(`${o}]`) && !(short[o] && line.includes(`${short[o]} `)));
    expect(missing).toEqual([]);
  });
});
