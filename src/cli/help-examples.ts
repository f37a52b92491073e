// Examples printed at the end of `--help`: what a first-time user copies. Kept as data, one block per command.

import { fileURLToPath } from 'node:url';

// npm ships README.md with the package: point at the copy that sits beside this installation.
const README = fileURLToPath(new URL('../../README.md', import.meta.url));

const EXAMPLES: Record<string, string[]> = {
  '': [
    '# a customer\'s folder of exports (EVTX, XML, CSV, slmgr text), one subfolder per machine',
    'volact analyze ./customer-0308 --now 2024-03-08T09:00:00Z -o report.md',
    '# nightly CI gate: JUnit for the test tab, compared with last night\'s JSON report',
    'volact check ./nightly --reporter junit --baseline last-night.json -o junit.xml',
    'volact explain 0xC004F074',
    'volact search "SRV レコード"',
  ],
  analyze: [
    'volact analyze ./customer-0308                      # Markdown on stdout',
    'volact analyze ./customer-0308 -f html -o report.html --lang ja',
    'volact analyze PC-JA-07/Application.evtx PC-JA-07/slmgr-dlv.txt --now 2024-03-08T09:00:00Z',
    'cat slmgr-dli.txt | volact analyze - --machine PC-JA-07',
    "volact analyze ./nightly --show-machine 'lab-*' -o fleet.md   # failing machines and lab-* in full",
  ],
  check: [
    'volact check ./nightly                              # exit 1 when an error-level finding is present',
    'volact check ./nightly --reporter junit --baseline last-night.json -o junit.xml',
    'volact check ./nightly --reporter json -o tonight.json --fail-on warning',
    'volact check ./nightly --reporter github --fail-on-new --baseline last-night.json',
  ],
  events: [
    'volact events Application.evtx | head                # activation records as JSON lines',
    'volact events --all Application.evtx -f csv -o all.csv',
  ],
  timeline: [
    'volact timeline ./nightly --machine PC-JA-07                # its requests, answers, host logs and states in time order',
    'volact timeline ./nightly --machine pc-ja-07 -f csv -o pc-ja-07.csv',
    'volact timeline ./nightly --all -f html -o timeline.html    # the fleet per hour or day, drawn',
  ],
  search: ['volact search "SRV record"', 'volact search "重複 CMID" --json', 'volact search "しきい値" --limit 3'],
  probe: [
    'volact probe corp.contoso.com                       # SRV record and TCP 1688 of each KMS host, from here',
    'volact probe corp.contoso.com --reporter junit -o probe.xml --host kms01.corp.contoso.com:1688',
    'volact probe corp.contoso.com --dns-server 10.0.0.10 --timeout 2000',
  ],
  explain: ['volact explain 0xC004F074', 'volact explain 12290', 'volact explain kms-host/duplicate-cmid'],
};

/** The text commander prints after a command's help (the empty name is the program itself). */
export function helpExamples(command: string): string {
  const lines = EXAMPLES[command];
  if (!lines) return '';
  const body = lines.map((l) => `  ${l}`).join('\n');
  return `\nExamples:\n${body}\n\nHow to export the logs and slmgr output on Windows: section "Exporting the logs on Windows" of\n  ${README}\n`;
}
