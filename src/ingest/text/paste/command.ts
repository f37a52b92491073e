// Prompt lines of a console transcript (`C:\Windows\system32>slmgr /dlv`, `PS C:\> Test-NetConnection …`,
// `[C:\work]$ ipconfig /all`, a bare `> nslookup …`) and what the command on them says its output is.
import type { BlockKind } from './kinds.js';

export interface PromptCommand {
  /** The command as typed after the prompt ('' for a bare prompt). */
  text: string;
  /** The program that prints the output below, when it is one volact reads. */
  kind?: BlockKind;
  /** The program name as typed, lower-case, without path and extension ('slmgr', 'cscript', 'ver'). */
  program?: string;
  /** slmgr / ospp option without its dash or slash, lower-case: 'dlv', 'ato', 'ipk', 'skms', 'act', 'dstatus'. */
  action?: string;
  /** The words after the option (the key of /ipk, the host of /skms). */
  args: string[];
}

// [ \t], never \s: a prompt is one line, and \s* runs across blank ones in multi-line text.
const DRIVE_PROMPTS = [
  /^[ \t]*PS(?:[ \t]+[^>\r\n]*)?>[ \t]?(.*)$/,
  /^[ \t]*[A-Za-z]:\\[^>\r\n]*>[ \t]?(.*)$/,
  /^[ \t]*\[[A-Za-z]:\\[^\]\r\n]*\][$#>][ \t]?(.*)$/,
];
/** A bare `>` is a prompt only before a program we know: nslookup's interactive mode echoes `> ` too. */
const BARE_PROMPT = /^[ \t]*>[ \t]*(\S.*)$/;

/** Program name → the output it prints. */
const PROGRAMS: Record<string, BlockKind> = {
  slmgr: 'slmgr',
  nslookup: 'nslookup',
  'resolve-dnsname': 'resolve-dnsname',
  'test-netconnection': 'test-netconnection',
  tnc: 'test-netconnection',
  ipconfig: 'ipconfig',
  ospp: 'ospp',
  'get-ciminstance': 'wmi-license',
  'get-wmiobject': 'wmi-license',
  gcim: 'wmi-license',
  gwmi: 'wmi-license',
};

/** The command of a prompt line, or undefined when the line is not a prompt. */
export function promptCommand(line: string): PromptCommand | undefined {
  for (const re of DRIVE_PROMPTS) {
    const m = re.exec(line);
    if (m) return parseCommandLine((m[1] ?? '').trim());
  }
  const bare = BARE_PROMPT.exec(line);
  if (bare) {
    const command = parseCommandLine((bare[1] ?? '').trim());
    if (command.kind) return command;
  }
  return undefined;
}

/** Splits a command line into words, keeping quoted words whole. */
export function commandWords(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

function programName(word: string): string {
  const base = word.split(/[\\/]/).pop() ?? word;
  return base.toLowerCase().replace(/\.(exe|vbs|cmd|bat|ps1)$/, '');
}

/**
 * What a command line runs, through cscript, cmd /c and powershell -Command. In a pipeline the output is the
 * last stage volact knows: `hostname | nslookup` prints nslookup's, `Resolve-DnsName … | Format-List` prints
 * Resolve-DnsName's records (formatting stages only lay them out).
 */
export function parseCommandLine(text: string): PromptCommand {
  const stages = text.split(/\|(?!\|)/).map((stage) => describe(commandWords(stage.trim())));
  const known = [...stages].reverse().find((stage) => stage.kind !== undefined);
  return { text, ...(known ?? stages[stages.length - 1] ?? { args: [] }) };
}

function describe(words: string[]): Omit<PromptCommand, 'text'> {
  const [first = '', ...rest] = words;
  const program = programName(first);
  if (program === '') return { args: [] };
  if (program === 'cscript' || program === 'wscript') {
    // cscript //nologo C:\Windows\System32\slmgr.vbs /dlv: the script is the program.
    const at = rest.findIndex((w) => !w.startsWith('//'));
    return at >= 0 ? describe(rest.slice(at)) : { program, args: [] };
  }
  if (program === 'cmd' && /^\/[ck]$/i.test(rest[0] ?? '')) return describe(rest.slice(1));
  if (program === 'powershell' || program === 'pwsh') {
    const at = rest.findIndex((w) => /^-c(ommand)?$/i.test(w));
    return at >= 0 ? describe(commandWords(rest.slice(at + 1).join(' '))) : { program, args: [] };
  }
  const kind = PROGRAMS[program];
  if (kind === 'slmgr' || kind === 'ospp') {
    // The first option names the action: /dlv, -ato, /skms host, /sethst:host (ospp), /act.
    const option = rest.find((w) => /^[/-]/.test(w));
    if (!option) return { program, kind, args: rest };
    const [name = '', inline] = option.slice(1).split(/:(.*)/s);
    const after = rest.slice(rest.indexOf(option) + 1);
    return { program, kind, action: name.toLowerCase(), args: inline !== undefined && inline !== '' ? [inline, ...after] : after };
  }
  if (kind === 'wmi-license') {
    // Only the licensing classes: Get-CimInstance Win32_Process is not ours.
    return /SoftwareLicensing(Product|Service)/i.test(rest.join(' ')) ? { program, kind, args: rest } : { program, args: rest };
  }
  return kind ? { program, kind, args: rest } : { program, args: rest };
}
