// kms-host/dns-publish-failed: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-host--dns-publish-failed).
import { DOMAIN, at, ev12293, ev12294, eventViewerXml, folder, host, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-host/dns-publish-failed',
  fires: folder({ 'kms01/Application.xml': eventViewerXml([ev12293(host('kms01'), at(3, 15), 7001, '0x80072338', DOMAIN)]) }, {
    findings: [{ rule: 'kms-host/dns-publish-failed', machine: 'kms01', evidence: [{ file: 'kms01/Application.xml', record: 7001, eventId: 12293 }], remedyIncludes: ['_vlmcs._tcp.corp.contoso.com'] }],
  }),
  quiet: folder(
    { 'kms01/Application.xml': eventViewerXml([ev12293(host('kms01'), at(3, 15, 6), 7001, '0x80072338', DOMAIN), ev12294(host('kms01'), at(3, 15), 7002, DOMAIN)]) },
    { absent: ['kms-host/dns-publish-failed'] },
  ),
} satisfies RuleScenarios;
