// `volact probe [domain]`: checks the KMS SRV record and the KMS port from this machine, and reports like
// `check` (same rules, reporters, --fail-on and exit codes), so a CI job inside the network can gate on it.
import type { Command } from 'commander';
import { diagnoseFacts } from '../analyze.js';
import { diagnoseOptionsFrom, SEVERITIES } from '../config/index.js';
import { DEFAULT_TIMEOUT_MS, EndpointError, machineDnsSuffix, runProbe } from '../probe/index.js';
import type { CheckFlags } from './check.js';
import { gateFrom, parseReporter, reportGate, REPORTERS } from './gate.js';
import { parseLang, parseNow, UsageError, type CliIo } from './output.js';
import { LANGS, msg } from '../messages/index.js';
import { addReportOptions, reportOptionsFrom } from './report-options.js';

interface ProbeFlags extends Pick<CheckFlags, 'failOn' | 'failOnNew' | 'reporter' | 'baseline' | 'config' | 'rule' | 'out' | 'now' | 'machine' | 'machines' | 'showMachine' | 'evidence' | 'lang'> {
  host: string[];
  dnsServer?: string;
  timeout: string;
}

export function registerProbe(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program
    .command('probe')
    .description('look up _vlmcs._tcp.<domain> and test TCP to each KMS host from this machine; report like check (no activation traffic is sent)')
    .argument('[domain]', "DNS domain to look up (default: this machine's DNS suffix)")
    .option('--host <name[:port]>', 'also test this host (port 1688 unless given; repeatable)', collect, [])
    .option('--dns-server <ip[:port]>', "ask this DNS server instead of the system's")
    .option('--timeout <ms>', 'bound for each DNS query and each connection', String(DEFAULT_TIMEOUT_MS))
    .option('--fail-on <level>', `lowest severity that fails the probe: ${SEVERITIES.join('|')} (default: error)`)
    .option('--fail-on-new', 'fail only on findings the --baseline report does not have')
    .option('--reporter <name>', `output: ${REPORTERS.join('|')}`, 'md')
    .option('--baseline <file>', 'previous JSON report: show new, resolved and persisting findings')
    .option('--config <file>', 'config file (default: ./volact.config.json when present)')
    .option('--rule <id=level>', 'set a rule to error|warning|info|off (repeatable)', collect, [])
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option('--now <iso>', 'pin "now" (and the time stamped on the checks)')
    .option('--machine <name>', "name the report gives this machine (default: the computer's name)")
    .option('--lang <lang>', `language of the report's own wording: ${LANGS.join('|')} (default: from LC_ALL, LC_MESSAGES or LANG, else en)`);
  addReportOptions(command).action(async (domainArg: string | undefined, flags: ProbeFlags) => {
    const reporter = parseReporter(flags.reporter);
    const reportOptions = reportOptionsFrom(flags);
    const now = parseNow(flags.now);
    const lang = parseLang(flags.lang, io);
    const timeoutMs = Number(flags.timeout);
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 120_000) {
      throw new UsageError(msg('cli.expects-timeout', { found: JSON.stringify(flags.timeout) }));
    }
    const domain = domainArg ?? (await machineDnsSuffix());
    if (!domain) throw new UsageError(msg('cli.probe-no-domain'));
    if (!/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/.test(domain)) {
      throw new UsageError(msg('cli.probe-bad-domain', { domain: JSON.stringify(domain) }));
    }
    const gate = await gateFrom(flags);
    let probed;
    try {
      probed = await runProbe({
        domain,
        hosts: flags.host,
        timeoutMs,
        ...(flags.dnsServer ? { dnsServer: flags.dnsServer } : {}),
        ...(flags.machine ? { machine: flags.machine } : {}),
        ...(now ? { now } : {}),
      });
    } catch (error) {
      if (error instanceof EndpointError) throw new UsageError(error.ref);
      throw error;
    }
    const analysis = diagnoseFacts(probed.inputs, probed.facts, { ...(now ? { now } : {}), diagnose: diagnoseOptionsFrom(gate.config) });
    await reportGate(io, setExit, analysis, gate, { reporter, reportOptions, command: 'probe', lang, ...(flags.out ? { out: flags.out } : {}) });
  });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
