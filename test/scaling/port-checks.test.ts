// portChecksFor finds a machine's port checks for an SRV target through an index (a paste can hold thousands of
// SRV answers and of checks); it must pick exactly the checks the plain rule picks, in the order they were read.
import { isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { PortCheckFact } from '../../src/decode/index.js';
import { MachineView } from '../../src/evidence/machine-view/index.js';
import { portChecksFor } from '../../src/diagnose/network-queries.js';
import { machineKey } from '../../src/evidence/index.js';
import { fleetOf, iso, START } from './facts.js';

/** The plain rule: an address check by the target's DNS addresses; a name check by machine key, unless both names are FQDNs that differ. */
function aimedAt(check: PortCheckFact, host: string, addresses: readonly string[]): boolean {
  if (isIP(check.host)) return addresses.includes(check.host);
  const x = check.host.toLowerCase().replace(/\.$/, '');
  const y = host.toLowerCase().replace(/\.$/, '');
  return machineKey(check.host) === machineKey(host) && (x === y || !x.includes('.') || !y.includes('.'));
}

const HOSTS = ['kms01', 'KMS01.corp.contoso.com', 'kms01.corp.contoso.com.', 'kms01.lab.contoso.com', 'kms02.corp.contoso.com', '10.0.0.5', '10.0.0.6', 'fe80::1'];

describe('port checks for an SRV target', () => {
  const checks: PortCheckFact[] = HOSTS.flatMap((host, i) =>
    [1688, 1689].map((port, j) => ({
      kind: 'port-check', tool: 'test-netconnection', source: { file: 'pc1/tnc.txt', format: 'text', line: 2 * i + j + 1 }, computer: 'pc1',
      time: iso(START + (2 * i + j) * 1000), host, port, outcome: j === 0 ? 'open' : 'refused', warnings: [],
    }) as PortCheckFact),
  );
  const fleet = fleetOf(checks);
  const view = new MachineView(fleet.machines[0], fleet, START);

  it('picks what the plain rule picks, for every target and address list', () => {
    const targets = [...HOSTS, 'KMS01', 'kms03.corp.contoso.com'];
    const addressLists = [[], ['10.0.0.5'], ['10.0.0.5', 'fe80::1'], ['10.0.0.7']];
    for (const target of targets) {
      for (const addresses of addressLists) {
        const expected = view.facts('port-check').filter((c) => aimedAt(c, target, addresses));
        expect(portChecksFor(view, target, addresses), `${target} ${addresses.join(',')}`).toEqual(expected);
      }
    }
    // The rule is not vacuous: an FQDN target takes its own name and the short name, not another domain's.
    expect(portChecksFor(view, 'kms01.corp.contoso.com').map((c) => c.host)).toEqual(['kms01', 'kms01', 'KMS01.corp.contoso.com', 'KMS01.corp.contoso.com', 'kms01.corp.contoso.com.', 'kms01.corp.contoso.com.']);
  });
});
