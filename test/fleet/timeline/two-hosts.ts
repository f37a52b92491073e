// fixtures/timeline/two-hosts/: two KMS hosts and a client that moved from one to the other. pc-move, fresh from
// its image (OOBGrace), asks kms01 on 1 March and gets 0xC004F038 (kms01's count is too low); on 4 March kms01
// no longer answers it; from 14:00 it asks kms02, which activates it, and renews there on 5 March. pc-stay only
// ever asks kms02. Written by `npx tsx test/fleet/timeline/write-fixture.ts`; the exports are the kit's.
import { ACT, DOMAIN, KMS_CLIENT_WIN10, KMS_HOST_2019, at, ev12288, ev12289, ev12290, eventViewerXml, slmgrText, wevtutilXml } from '../../rules/kit.js';

export const MOVER_CMID = '3e5b7a90-1c2d-4e3f-9a8b-7c6d5e4f3a21';
const STAY_CMID = '8f1e2d3c-4b5a-4697-8a7b-6c5d4e3f2a10';
const MOVER = `PC-MOVE.${DOMAIN}`;
const STAY = `PC-STAY.${DOMAIN}`;
const KMS01 = `kms01.${DOMAIN}`;
const KMS02 = `kms02.${DOMAIN}`;

export function twoHostsFleet(): Record<string, string> {
  const mover = [
    ev12288(MOVER, at(10, 0, 1), 5101, { cmid: MOVER_CMID, host: `${KMS01}:1688`, state: 2, minutes: 43200 }),
    ev12289(MOVER, at(10, 0, 1, 5), 5102, { result: '0xC004F038', count: 12, activated: 0 }),
    ev12288(MOVER, at(10, 0, 4), 5103, { cmid: MOVER_CMID, host: `${KMS01}:1688`, state: 2, minutes: 38880 }),
    ev12288(MOVER, at(12, 0, 4), 5104, { cmid: MOVER_CMID, host: `${KMS01}:1688`, state: 2, minutes: 38760 }),
    ev12288(MOVER, at(14, 0, 4), 5105, { cmid: MOVER_CMID, host: `${KMS02}:1688`, state: 2, minutes: 38640 }),
    ev12289(MOVER, at(14, 0, 4, 5), 5106, { count: 40 }),
    ev12288(MOVER, at(14, 0, 5), 5107, { cmid: MOVER_CMID, host: `${KMS02}:1688`, state: 1, minutes: 257760 }),
    ev12289(MOVER, at(14, 0, 5, 5), 5108, { count: 41 }),
  ];
  const stay = [
    ev12288(STAY, at(9, 30, 3), 6101, { cmid: STAY_CMID, host: `${KMS02}:1688`, state: 1, minutes: 250000 }),
    ev12289(STAY, at(9, 30, 3, 5), 6102, { count: 39 }),
  ];
  const kms01 = [
    ev12290(KMS01, at(10, 0, 1, 4), 30001, { client: MOVER, cmid: MOVER_CMID, result: '0xC004F038', state: 2, minutes: 43200 }),
    ev12290(KMS01, at(3, 10, 2, 0), 30002, { client: `ws001.${DOMAIN}`, cmid: '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', result: '0xC004F038' }),
  ];
  const kms02 = [
    ev12290(KMS02, at(9, 30, 3, 4), 40001, { client: STAY, cmid: STAY_CMID }),
    ev12290(KMS02, at(14, 0, 4, 4), 40002, { client: MOVER, cmid: MOVER_CMID, state: 2, minutes: 38640 }),
    ev12290(KMS02, at(14, 0, 5, 4), 40003, { client: MOVER, cmid: MOVER_CMID }),
  ];
  return {
    'pc-move/Application.xml': eventViewerXml(mover),
    'pc-move/slmgr-dlv.txt': slmgrText('en', [KMS_CLIENT_WIN10({ activationId: ACT.win10Enterprise, kmsClient: { cmid: MOVER_CMID, source: 'dns', kmsName: KMS02, port: 1688 }, volumeExpiryMinutes: 257760 })], true),
    'pc-stay/Application.xml': eventViewerXml(stay),
    'kms01/KeyManagementService.xml': wevtutilXml(kms01),
    'kms01/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019({ kmsHost: { count: 12 } })], true),
    'kms02/KeyManagementService.xml': wevtutilXml(kms02),
    'kms02/slmgr-dlv.txt': slmgrText('en', [KMS_HOST_2019({ kmsHost: { count: 41 } })], true),
  };
}
