// kms-client/dns-lookup-failed: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-client--dns-lookup-failed).
import { ACT, CMID, KMS_CLIENT_WIN10, folder, healthyClientFleet, slmgrAtoFailed, slmgrText, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-client/dns-lookup-failed',
  fires: folder(
    {
      'client01/slmgr-dli.txt': slmgrText('en', [KMS_CLIENT_WIN10({ status: 'Initial grace period', graceMinutes: 40320, kmsClient: { cmid: CMID.client01, source: 'dns' } })]),
      'client01/slmgr-ato.txt': slmgrAtoFailed('Windows(R), Enterprise edition', ACT.win10Enterprise, '0x8007232B', 'DNS name does not exist.'),
    },
    {
      findings: [{ rule: 'kms-client/dns-lookup-failed', machine: 'client01', evidence: [{ file: 'client01/slmgr-ato.txt' }], remedyIncludes: ['nslookup -type=srv _vlmcs._tcp'] }],
      absent: ['kms-client/request-failed'],
    },
  ),
  quiet: healthyClientFleet(['kms-client/dns-lookup-failed']),
} satisfies RuleScenarios;
