// The walk scenarios behind fixtures/scenarios/**: whole fleets, with the steps each machine's walk must take.
import { CMID, DOMAIN, type FixtureFolder, KMS_CLIENT_WIN10, KMS_HOST_2019, MAK_WIN10, at, ev12288, ev12289, ev12294, ev8198, ev8200, eventViewerXml, folder, fq, healthyClientEvents, host, kmsLog, slmgrText, wevtutilXml } from './kit.js';


export function walkScenarios(): Record<string, FixtureFolder> {
  const clientSlmgr = slmgrText('ja', [KMS_CLIENT_WIN10({ volumeExpiryMinutes: 259170, kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })]);
  return {
    'healthy-kms-client': folder(
      {
        'client01/Application.xml': eventViewerXml(healthyClientEvents('client01', CMID.client01, 5101, at(11, 50))),
        'client01/slmgr-dli.txt': clientSlmgr,
        'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001, [{ time: at(11, 50, 7, 4), client: host('client01'), cmid: CMID.client01 }])),
        'kms01/Application.xml': eventViewerXml([ev12294(host('kms01'), at(2, 0), 7001, DOMAIN)]),
        'kms01/slmgr-dlv.txt': slmgrText('ja', [KMS_HOST_2019()], true),
      },
      {
        absent: ['kms-client/not-activated', 'kms-client/request-failed', 'kms-client/not-seen-by-host'],
        findings: [{ rule: 'kms-client/activated', machine: 'client01', evidence: [{ file: 'client01/slmgr-dli.txt', line: 1 }] }],
        walks: {
          client01: [
            { id: 'kms-client/activated', status: 'pass' },
            { id: 'kms-client/threshold', status: 'pass' },
            { id: 'kms-client/response-result', status: 'pass' },
            { id: 'kms-client/host-and-port', status: 'pass' },
            { id: 'kms-client/dns-discovery', status: 'pass' },
            { id: 'kms-client/host-reachable', status: 'pass' },
            { id: 'kms-client/host-logged-request', status: 'pass' },
            { id: 'kms-client/time-skew', status: 'pass' },
            { id: 'kms-client/volume-key', status: 'pass' },
            { id: 'kms-client/counted', status: 'pass' },
            { id: 'kms-client/failover', status: 'pass' },
            { id: 'kms-client/expiry', status: 'pass' },
            { id: 'genuine/non-genuine', status: 'pass' },
            { id: 'license/state', status: 'pass' },
            { id: 'error/codes-explained', status: 'pass' },
          ],
        },
      },
    ),
    'kms-client-host-never-saw-it': folder(
      {
        'client01/Application.xml': eventViewerXml([
          ev12288(fq('client01'), at(7, 10), 5101, { cmid: CMID.client01, result: '0xC004F074', state: 2, minutes: 30360 }),
          ev12288(fq('client01'), at(9, 10), 5102, { cmid: CMID.client01, result: '0xC004F074', state: 2, minutes: 30240 }),
          ev12288(fq('client01'), at(11, 10), 5103, { cmid: CMID.client01, result: '0xC004F074', state: 2, minutes: 30120 }),
        ]),
        'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 40), 30001)),
      },
      {
        findings: [
          { rule: 'kms-client/not-seen-by-host', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5101 }, { file: 'client01/Application.xml', record: 5103 }, { file: 'kms01/KeyManagementService.xml', eventId: 12290 }] },
          { rule: 'kms-client/no-response', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5102 }] },
          { rule: 'kms-client/request-failed', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5101 }], remedyIncludes: ['slui.exe 0x2a 0xC004F074'] },
        ],
        absent: ['kms-client/host-mismatch'],
        walks: {
          client01: [
            { id: 'kms-client/activated', status: 'fail' },
            { id: 'kms-client/threshold', status: 'unknown', collect: 'Current count' },
            { id: 'kms-client/response-result', status: 'unknown', collect: 'slmgr.vbs /ato' },
            { id: 'kms-client/host-and-port', status: 'pass' },
            { id: 'kms-client/dns-discovery', status: 'pass' },
            { id: 'kms-client/host-reachable', status: 'fail' },
            { id: 'kms-client/host-logged-request', status: 'fail' },
            { id: 'kms-client/time-skew', status: 'unknown', collect: 'Key Management Service log from kms01.corp.contoso.com' },
            { id: 'kms-client/volume-key', status: 'pass' },
            { id: 'kms-client/counted', status: 'pass' },
            { id: 'kms-client/failover', status: 'unknown', collect: 'slmgr.vbs /dli' },
            { id: 'genuine/non-genuine', status: 'pass' },
            { id: 'license/state', status: 'fail' },
            { id: 'error/codes-explained', status: 'pass' },
          ],
        },
      },
    ),
    'kms-host-duplicate-cmids': folder(
      {
        'kms01/KeyManagementService.xml': wevtutilXml(
          kmsLog('kms01', at(6, 0), at(11, 0), 30001, [
            { time: at(7, 3), client: host('lab-pc07'), cmid: CMID.clone, result: '0xC004F038' },
            { time: at(8, 21), client: host('lab-pc08'), cmid: CMID.clone, result: '0xC004F038' },
          ]),
        ),
        'kms01/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019({ kmsHost: { count: 9 } })], true),
        'kms01/Application.xml': eventViewerXml([ev12294(host('kms01'), at(2, 0), 7001, DOMAIN)]),
        'lab-pc07/Application.xml': eventViewerXml([
          ev12288(fq('lab-pc07'), at(7, 3), 3101, { cmid: CMID.clone, state: 2, minutes: 41000 }),
          ev12289(fq('lab-pc07'), at(7, 3, 7, 5), 3102, { result: '0xC004F038', flags: '0x04000000', count: 9 }),
        ]),
        'lab-pc08/Application.xml': wevtutilXml([
          ev12288(fq('lab-pc08'), at(8, 21), 3101, { cmid: CMID.clone, state: 2, minutes: 41000 }),
          ev12289(fq('lab-pc08'), at(8, 21, 7, 5), 3102, { result: '0xC004F038', flags: '0x04000000', count: 9 }),
        ]),
      },
      {
        findings: [
          { rule: 'kms-host/duplicate-cmid', machine: 'kms01', evidence: [{ file: 'kms01/KeyManagementService.xml', eventId: 12290 }] },
          { rule: 'kms-host/duplicate-cmid', machine: 'lab-pc07', evidence: [{ file: 'lab-pc07/Application.xml', record: 3101 }, { file: 'lab-pc08/Application.xml', record: 3101 }] },
          { rule: 'kms-host/count-below-threshold', machine: 'kms01', evidence: [{ file: 'kms01/slmgr-dlv.txt', line: 6 }] },
          { rule: 'kms-client/count-below-threshold', machine: 'lab-pc08', evidence: [{ file: 'lab-pc08/Application.xml', record: 3102 }] },
        ],
        absent: ['kms-client/request-failed'],
        walks: {
          kms01: [
            { id: 'kms-host/activated', status: 'pass' },
            { id: 'kms-host/service', status: 'pass' },
            { id: 'kms-host/dns-publish', status: 'pass' },
            { id: 'kms-host/count', status: 'fail' },
            { id: 'kms-host/unique-cmids', status: 'fail' },
            { id: 'kms-host/activity', status: 'pass' },
            { id: 'kms-host/key-placement', status: 'pass' },
            { id: 'kms-host/log-intact', status: 'pass' },
            { id: 'genuine/non-genuine', status: 'pass' },
            { id: 'license/state', status: 'pass' },
            { id: 'error/codes-explained', status: 'pass' },
          ],
          'lab-pc07': [
            { id: 'kms-client/activated', status: 'fail' },
            { id: 'kms-client/threshold', status: 'fail' },
            { id: 'kms-client/response-result', status: 'fail' },
            { id: 'kms-client/host-and-port', status: 'pass' },
            { id: 'kms-client/dns-discovery', status: 'pass' },
            { id: 'kms-client/host-reachable', status: 'pass' },
            { id: 'kms-client/host-logged-request', status: 'pass' },
            { id: 'kms-client/time-skew', status: 'pass' },
            { id: 'kms-client/volume-key', status: 'pass' },
            { id: 'kms-client/counted', status: 'fail' },
            { id: 'kms-client/failover', status: 'unknown', collect: 'slmgr.vbs /dli' },
            { id: 'genuine/non-genuine', status: 'pass' },
            { id: 'license/state', status: 'fail' },
            { id: 'error/codes-explained', status: 'pass' },
          ],
        },
      },
    ),
    // Issue 23: a client pinned with /skms to a host that is gone. Four errors follow from one warning: the host it
    // asks is not a KMS host of the snapshot (host-mismatch), so no 12289 comes back, 8198 says 0xC004F074, the
    // client is not activated and in notification mode.
    'kms-client-static-host-times-out': folder(
      {
        'client01/Application.xml': eventViewerXml([
          ev12288(fq('client01'), at(7, 10), 5101, { cmid: CMID.client01, host: 'kms-old.corp.contoso.com:1688', state: 5, minutes: 0 }),
          ev8198(fq('client01'), at(7, 11), 5102, '0xC004F074'),
          ev12288(fq('client01'), at(9, 10), 5103, { cmid: CMID.client01, host: 'kms-old.corp.contoso.com:1688', state: 5, minutes: 0 }),
        ]),
        'client01/slmgr-dli.txt': slmgrText('en', [KMS_CLIENT_WIN10({ status: 'Notification', kmsClient: { cmid: CMID.client01, kmsName: 'kms-old.corp.contoso.com', source: 'registered' } })]),
        'kms01/KeyManagementService.xml': wevtutilXml(kmsLog('kms01', at(6, 0), at(11, 0), 30001)),
        'kms01/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019()], true),
      },
      {
        findings: [
          { rule: 'kms-client/host-mismatch', machine: 'client01', severity: 'warning', evidence: [{ file: 'client01/Application.xml', record: 5101 }] },
          { rule: 'kms-client/no-response', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5103 }] },
          { rule: 'kms-client/request-failed', machine: 'client01', evidence: [{ file: 'client01/Application.xml', record: 5102 }] },
          { rule: 'kms-client/not-activated', machine: 'client01', evidence: [{ file: 'client01/slmgr-dli.txt', line: 4 }] },
          { rule: 'license/notification', machine: 'client01', evidence: [{ file: 'client01/slmgr-dli.txt', line: 4 }] },
          { rule: 'kms-client/static-host', machine: 'client01', evidence: [{ file: 'client01/slmgr-dli.txt', line: 4 }] },
        ],
        absent: ['kms-client/not-seen-by-host'],
        causes: {
          client01: { cause: 'kms-client/host-mismatch', consequences: ['kms-client/no-response', 'kms-client/request-failed', 'kms-client/not-activated', 'license/notification'] },
        },
        walks: {
          client01: [
            { id: 'kms-client/activated', status: 'fail' },
            { id: 'kms-client/threshold', status: 'unknown', collect: 'Current count' },
            { id: 'kms-client/response-result', status: 'unknown', collect: 'slmgr.vbs /ato' },
            { id: 'kms-client/host-and-port', status: 'fail' },
            { id: 'kms-client/dns-discovery', status: 'pass' },
            { id: 'kms-client/host-reachable', status: 'fail' },
            { id: 'kms-client/host-logged-request', status: 'unknown', collect: 'kms-old' },
            { id: 'kms-client/time-skew', status: 'unknown', collect: 'kms-old' },
            { id: 'kms-client/volume-key', status: 'pass' },
            { id: 'kms-client/counted', status: 'pass' },
            { id: 'kms-client/failover', status: 'fail' },
            { id: 'genuine/non-genuine', status: 'pass' },
            { id: 'license/state', status: 'fail' },
            { id: 'error/codes-explained', status: 'pass' },
          ],
        },
      },
    ),
    'mak-online-activation-failed': folder(
      {
        'mak01/Application.xml': eventViewerXml([
          ev8198('MAK01.corp.contoso.com', at(8, 30), 4101, '0x80072EE7'),
          ev8200('MAK01.corp.contoso.com', at(8, 30, 7, 6), 4102, '0x80072EE7'),
          ev8198('MAK01.corp.contoso.com', at(10, 30), 4140, '0x80072EE7'),
        ]),
        'mak01/slmgr-dli.txt': slmgrText('en', [MAK_WIN10({ status: 'Initial grace period', graceMinutes: 30240 })]),
      },
      {
        findings: [{ rule: 'mak/online-activation-failed', machine: 'mak01', evidence: [{ file: 'mak01/Application.xml', record: 4101 }, { file: 'mak01/Application.xml', record: 4140 }] }],
        absent: ['mak/ato-error', 'mak/activated', 'kms-client/request-failed'],
        walks: {
          mak01: [
            { id: 'mak/activated', status: 'fail' },
            { id: 'mak/online-activation', status: 'fail' },
            { id: 'mak/key-usable', status: 'unknown', collect: 'slui.exe 4' },
            { id: 'mak/ato-error', status: 'pass' },
            { id: 'genuine/non-genuine', status: 'pass' },
            { id: 'license/state', status: 'fail' },
            { id: 'error/codes-explained', status: 'pass' },
          ],
        },
      },
    ),
  };
}
