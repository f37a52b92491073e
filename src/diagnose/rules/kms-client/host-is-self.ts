// Table 2 row 2 (host and port right, and still no activation): the KMS host the client uses is the machine
// itself. Since Windows 8 / Server 2012 and Office 2013 a KMS host does not activate its own machine.
import type { Fact } from '../../../decode/index.js';
import { evidenceOf } from '../../evidence-refs.js';
import type { MachineView } from '../../../evidence/machine-view/index.js';
import { CMD } from '../../remedies.js';
import { defineRule } from '../../rule.js';
import { list, NONE } from '../../../messages/index.js';

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

export default defineRule({
  meta: {
    id: 'kms-client/host-is-self',
    severity: 'error',
    description:
      'The KMS host a client uses (set with /skms or ospp /sethst, discovered, or logged in 12288) is the machine itself (localhost, 127.0.0.1, ::1, its own name or address): a KMS host does not activate its own machine (0x8007000D).',
    kb: ['code/0x8007000D', 'kms-client/static-host'],
    facts: ['kms-host-set', 'license', 'kms-request'],
    seed: 'Table 2 row 2 (host and port right)',
    messages: {
      title: { en: 'The KMS host this client uses is the machine itself', ja: 'このクライアントが使う KMS ホストがコンピューター自身である' },
      detail: {
        en: 'The client activates against {hosts}, which is this machine. Since Windows 8 / Windows Server 2012 and Office 2013 a KMS host does not activate the machine it runs on; the client is refused with "the data is invalid".{seen}',
        ja: 'クライアントは {hosts} に対してライセンス認証を行いますが、これはこのコンピューター自身です。Windows 8 / Windows Server 2012 および Office 2013 以降、KMS ホストは自分が動いているコンピューターのライセンス認証を行わず、クライアントは「データが無効」で断られます。{seen}',
      },
      'code-seen': { en: ' It got {code:code}.', ja: '実際に {code:code} が返っています。' },
      'remedy-other': { en: 'Point the client at a KMS host on another machine: {cmd}', ja: 'クライアントを別のコンピューターの KMS ホストに向けます: {cmd}' },
      'remedy-dns': {
        en: 'Or go back to DNS auto-discovery, once the SRV record names a host elsewhere: {cmd}',
        ja: 'または、SRV リソース レコードが別のコンピューターのホストを指すようになってから、DNS による自動探索に戻します: {cmd}',
      },
      'remedy-host': {
        en: 'If this machine is meant to be the KMS host, its own Windows activates with its KMS host key against Microsoft, not against itself: {cmd} with the host key installed.',
        ja: 'このコンピューターを KMS ホストにする場合、その Windows 自身は KMS ホスト キーをインストールした状態で、自分ではなくマイクロソフトに対してライセンス認証します: {cmd}',
      },
    },
  },
  check({ view }, m) {
    const own = ownNames(view);
    const self = hostsUsed(view).filter((u) => isSelf(u.host, own));
    if (!self.length) return [];
    const refused = view.codeSightings().filter((s) => s.code === SELF_CODE);
    const hosts = [...new Set(self.map((u) => u.host))];
    return [
      {
        detail: m('detail', { hosts: list(hosts), seen: refused.length ? m('code-seen', { code: SELF_CODE }) : NONE }),
        evidence: [...new Map([...self.map((u) => u.fact), ...refused.map((s) => s.fact)].map((f) => [f, evidenceOf(f)])).values()],
        remedy: [m('remedy-other', { cmd: CMD.skms() }), m('remedy-dns', { cmd: CMD.ckms }), m('remedy-host', { cmd: CMD.ato })],
        kb: [`code/${SELF_CODE}`],
      },
    ];
  },
});
