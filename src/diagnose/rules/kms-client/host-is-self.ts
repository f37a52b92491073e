// Table 2 row 2 (host and port right, and still no activation): the KMS host the client uses is the machine
// itself. Since Windows 8 / Server 2012 and Office 2013 a KMS host does not activate its own machine.
import { isSuccessHresult, type Fact } from '../../../decode/index.js';
import { evidenceOf } from '../../evidence.js';
import type { MachineView } from '../../machine-view.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { list, msg, NONE } from '../../../messages/index.js';

/** The code a client gets then: "The data is invalid". */
const SELF_CODE = '0x8007000D';
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|0:0:0:0:0:0:0:1)$/;

/** "[::1]:1688", "KMS01.corp.:1688" → "::1", "kms01.corp". */
function bare(host: string): string {
  const h = host.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(h);
  const noPort = bracketed ? bracketed[1]! : /^[^:]+:\d+$/.test(h) ? h.replace(/:\d+$/, '') : h;
  return noPort.replace(/\.$/, '');
}

/** Every name and address the machine answers to: its names, and what its ipconfig /all says. */
function ownNames(view: MachineView): Set<string> {
  const names = new Set<string>([view.name, ...view.machine.aliases].map(bare));
  for (const ip of view.facts('ip-config')) {
    if (ip.hostName) {
      names.add(bare(ip.hostName));
      if (ip.primarySuffix) names.add(bare(`${ip.hostName}.${ip.primarySuffix}`));
    }
    for (const a of ip.adapters) for (const address of a.ipv4) names.add(bare(address));
  }
  names.delete('');
  return names;
}

function isSelf(host: string, own: ReadonlySet<string>): boolean {
  const h = bare(host);
  if (h === '' || LOOPBACK.test(h)) return h !== '';
  if (own.has(h)) return true;
  // A short name and an FQDN of the same machine: compare the first label when either side has no domain.
  if (/^\d/.test(h)) return false;
  const label = h.split('.')[0];
  return [...own].some((n) => !/^\d/.test(n) && n.split('.')[0] === label && (!h.includes('.') || !n.includes('.')));
}

/** The hosts this client was told to use or found: /skms in a paste, slmgr's client block, 12288's host. */
function hostsUsed(view: MachineView): Array<{ host: string; fact: Fact }> {
  const out: Array<{ host: string; fact: Fact }> = [];
  for (const f of view.facts('kms-host-set')) out.push({ host: f.host, fact: f });
  for (const l of view.licenses('kms-client')) {
    if (l.kmsClient?.kmsName) out.push({ host: l.kmsClient.kmsName, fact: l });
    if (l.kmsClient?.kmsIp) out.push({ host: l.kmsClient.kmsIp, fact: l });
  }
  for (const q of view.facts('kms-request')) out.push({ host: q.host, fact: q });
  return out;
}

export default defineRule(
  {
    id: 'kms-client/host-is-self',
    severity: 'error',
    description:
      'The KMS host a client uses (set with /skms or ospp /sethst, discovered, or logged in 12288) is the machine itself (localhost, 127.0.0.1, ::1, its own name or address): a KMS host does not activate its own machine (0x8007000D).',
    kb: ['code/0x8007000D', 'kms-client/static-host'],
    facts: ['kms-host-set', 'license', 'kms-request'],
    seed: 'Table 2 row 2 (host and port right)',
  },
  ({ view }) => {
    const own = ownNames(view);
    const self = hostsUsed(view).filter((u) => isSelf(u.host, own));
    if (!self.length) return [];
    const refused = view.codeSightings().filter((s) => s.code === SELF_CODE && !isSuccessHresult(s.code));
    const hosts = [...new Set(self.map((u) => u.host))];
    return [
      {
        detail: msg('kms-client/host-is-self.detail', {
          hosts: list(hosts),
          seen: refused.length ? msg('kms-client/host-is-self.code-seen', { code: SELF_CODE }) : NONE,
        }),
        evidence: [...new Map([...self.map((u) => u.fact), ...refused.map((s) => s.fact)].map((f) => [f, evidenceOf(f)])).values()],
        remedy: [
          msg('kms-client/host-is-self.remedy-other', { cmd: CMD.skms() }),
          msg('kms-client/host-is-self.remedy-dns', { cmd: CMD.ckms }),
          msg('kms-client/host-is-self.remedy-host', { cmd: CMD.ato }),
        ],
        kb: [`code/${SELF_CODE}`],
      },
    ];
  },
);
