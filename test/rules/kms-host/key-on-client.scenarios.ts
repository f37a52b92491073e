// kms-host/key-on-client: a fleet where it fires, and one where it must stay quiet (fixtures/rules/kms-host--key-on-client).
import { KMS_HOST_2019, folder, slmgrText, type RuleScenarios } from '../kit.js';

export default {
  rule: 'kms-host/key-on-client',
  fires: folder(
    {
      'pc17/slmgr-dlv.txt': slmgrText(
        'en',
        [{ name: 'Windows(R) 7, Enterprise edition', description: 'Windows Operating System - Windows(R) 7, VOLUME_KMS_B channel', partialKey: 'H7X92', status: 'Licensed', keyChannel: 'Volume:CSVLK', rearm: 3, kmsHost: { count: 3, total: 9 } }],
        true,
      ),
    },
    { findings: [{ rule: 'kms-host/key-on-client', machine: 'pc17', evidence: [{ file: 'pc17/slmgr-dlv.txt', line: 6 }], remedyIncludes: ['slmgr.vbs /ipk 33PXH-7Y6KF-2VJC9-XBBR8-HVTHH'] }] },
  ),
  quiet: folder({ 'kms01/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019()], true) }, { absent: ['kms-host/key-on-client'] }),
} satisfies RuleScenarios;
