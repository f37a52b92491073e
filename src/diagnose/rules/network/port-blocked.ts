// Table 2 row 2: this machine cannot open a TCP connection to the KMS host's port.
import { evidenceOf } from '../../evidence-refs.js';
import { latestPortChecks } from '../../network-queries.js';
import { defineRule } from '../../rule.js';
import { semicolonList } from '../../../messages/index.js';

export default defineRule({
  meta: {
    id: 'network/port-blocked',
    severity: 'error',
    description: 'A TCP connection to the KMS host\'s port (1688 unless changed) did not open: Test-NetConnection TcpTestSucceeded False, or volact probe saw it refused or timed out.',
    kb: ['procedure/open-kms-port', 'kms-client/no-response', 'dns/srv-stale'],
    facts: ['port-check'],
    seed: 'Table 2 row 2',
    messages: {
      title: { en: 'TCP connection to the KMS port fails', ja: 'KMS のポートへの TCP 接続が失敗する' },
      'why.refused': { en: 'refused (nothing listens, or a firewall rejects)', ja: '拒否 (待ち受けがないか、ファイアウォールが拒否)' },
      'why.timeout': { en: 'timed out (a firewall drops the packets, or the host is down)', ja: 'タイムアウト (ファイアウォールがパケットを破棄しているか、ホストが停止)' },
      'why.unreachable': { en: 'no route to the host', ja: 'ホストへの経路がない' },
      'why.name-not-resolved': { en: 'the name did not resolve, so no connection was tried', ja: '名前を解決できず、接続は試みられていない' },
      'why.failed': { en: 'failed (TcpTestSucceeded False)', ja: '失敗 (TcpTestSucceeded False)' },
      'why.open': { en: 'open', ja: '接続可能' },
      check: { en: '{target} {why}', ja: '{target} {why}' },
      detail: {
        en: '{checks}. A KMS client that cannot connect gets 0xC004F074 (no KMS host could be contacted).',
        ja: '{checks}。接続できない KMS クライアントは 0xC004F074 (KMS ホストに接続できない) になります。',
      },
      'remedy-listen': { en: 'On {host}, check the Software Protection service runs and listens: {cmd}', ja: '{host} で、ソフトウェア ライセンス サービスが動作して待ち受けていることを確認します: {cmd}' },
      'remedy-firewall': {
        en: 'Allow inbound TCP {port} in the host\'s Windows Firewall (rule "Key Management Service (TCP-In)") and in any network firewall between client and host.',
        ja: 'ホストの Windows ファイアウォール (規則「キー管理サービス (TCP 受信)」) と、クライアントとホストの間のネットワーク ファイアウォールで、受信 TCP {port} を許可します (ファイアウォールの例外)。',
      },
      'remedy-check': { en: 'Check again from the client: {cmd}', ja: 'クライアントから再確認します: {cmd}' },
    },
  },
  check({ view }, m) {
    const failed = latestPortChecks(view).filter((c) => c.outcome !== 'open');
    if (!failed.length) return [];
    const listed = failed.map((c) => m('check', { target: `${c.host}:${c.port}`, why: m(`why.${c.outcome}`) }));
    const first = failed[0]!;
    return [
      {
        detail: m('detail', { checks: semicolonList(listed) }),
        evidence: failed.map((c) => evidenceOf(c)),
        remedy: [
          m('remedy-listen', { host: first.host, cmd: `netstat -ano | findstr :${first.port}` }),
          m('remedy-firewall', { port: first.port }),
          m('remedy-check', { cmd: `Test-NetConnection ${first.host} -Port ${first.port}` }),
        ],
      },
    ];
  },
});
