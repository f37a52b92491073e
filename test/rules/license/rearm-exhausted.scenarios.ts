// license/rearm-exhausted: a fleet where it fires, and one where it must stay quiet (fixtures/rules/license--rearm-exhausted).
import { CMID, KMS_CLIENT_WIN10, folder, host, slmgrText, type RuleScenarios } from '../kit.js';

export default {
  rule: 'license/rearm-exhausted',
  fires: folder({ 'client01/slmgr-dlv.txt': slmgrText('en', [KMS_CLIENT_WIN10({ rearm: 0, volumeExpiryMinutes: 254880, kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })], true) }, {
    findings: [{ rule: 'license/rearm-exhausted', machine: 'client01', evidence: [{ file: 'client01/slmgr-dlv.txt', line: 6 }] }],
  }),
  quiet: folder({ 'client01/slmgr-dlv.txt': slmgrText('ja', [KMS_CLIENT_WIN10({ rearm: 1, volumeExpiryMinutes: 254880, kmsClient: { cmid: CMID.client01, kmsName: host('kms01'), source: 'dns' } })], true) }, {
    absent: ['license/rearm-exhausted'],
  }),
} satisfies RuleScenarios;
