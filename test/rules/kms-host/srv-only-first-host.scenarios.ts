// kms-host/srv-only-first-host: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-host--srv-only-first-host).
import { DOMAIN, KMS_HOST_2019, at, ev12293, ev12294, eventViewerXml, folder, host, slmgrText, wevtutilXml, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-host/srv-only-first-host',
  fires: folder(
    {
      'kms01/Application.xml': eventViewerXml([ev12294(host('kms01'), at(3, 10), 7001, DOMAIN)]),
      'kms01/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019()], true),
      'kms02/Application.xml': wevtutilXml([ev12293(host('kms02'), at(3, 12), 9101, '0x80072338', DOMAIN)]),
      'kms02/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019({ partialKey: 'B7T2K' })], true),
    },
    {
      findings: [{ rule: 'kms-host/srv-only-first-host', machine: 'kms02', evidence: [{ file: 'kms02/Application.xml', record: 9101 }, { file: 'kms01/Application.xml', record: 7001 }] }],
      absent: ['kms-host/dns-publish-failed'],
    },
  ),
  quiet: folder(
    {
      'kms02/Application.xml': wevtutilXml([ev12293(host('kms02'), at(3, 12), 9101, '0x80072338', DOMAIN)]),
      'kms02/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019({ partialKey: 'B7T2K' })], true),
    },
    { findings: [{ rule: 'kms-host/dns-publish-failed', machine: 'kms02', evidence: [{ file: 'kms02/Application.xml', record: 9101 }] }], absent: ['kms-host/srv-only-first-host'] },
  ),
} satisfies RuleScenarios;
