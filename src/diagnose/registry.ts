// Every rule, in the order the guide walks them (Table 2, KMS host, Table 3, then the rest).
// test/diagnose/registry.test.ts checks this list against the files in rules/ (and ../shared/RULES.md when present);
// docs/rules.md is written from it (npm run docs:rules).
import type { Rule } from './rule.js';
import kmsClientActivated from './rules/kms-client/activated.js';
import kmsClientNotActivated from './rules/kms-client/not-activated.js';
import kmsClientCountBelowThreshold from './rules/kms-client/count-below-threshold.js';
import kmsClientRequestFailed from './rules/kms-client/request-failed.js';
import kmsClientNoResponse from './rules/kms-client/no-response.js';
import kmsClientHostMismatch from './rules/kms-client/host-mismatch.js';
import kmsClientNotSeenByHost from './rules/kms-client/not-seen-by-host.js';
import kmsClientDnsLookupFailed from './rules/kms-client/dns-lookup-failed.js';
import kmsClientTimeSkew from './rules/kms-client/time-skew.js';
import kmsClientInvalidVolumeKey from './rules/kms-client/invalid-volume-key.js';
import kmsClientStaticHost from './rules/kms-client/static-host.js';
import kmsClientHostIsSelf from './rules/kms-client/host-is-self.js';
import kmsClientActivationExpiring from './rules/kms-client/activation-expiring.js';
import kmsHostDuplicateCmid from './rules/kms-host/duplicate-cmid.js';
import kmsHostCountBelowThreshold from './rules/kms-host/count-below-threshold.js';
import kmsHostIdle from './rules/kms-host/idle.js';
import kmsHostDnsPublishFailed from './rules/kms-host/dns-publish-failed.js';
import kmsHostSrvOnlyFirstHost from './rules/kms-host/srv-only-first-host.js';
import kmsHostServiceFailed from './rules/kms-host/service-failed.js';
import kmsHostNotActivated from './rules/kms-host/not-activated.js';
import kmsHostKeyOnClient from './rules/kms-host/key-on-client.js';
import kmsHostFailedHostReferenced from './rules/kms-host/failed-host-referenced.js';
import kmsHostLogCleared from './rules/kms-host/log-cleared.js';
import makActivated from './rules/mak/activated.js';
import makOnlineActivationFailed from './rules/mak/online-activation-failed.js';
import makActivationLimit from './rules/mak/activation-limit.js';
import makKeyBlocked from './rules/mak/key-blocked.js';
import makAtoError from './rules/mak/ato-error.js';
import genuineNonGenuine from './rules/genuine/non-genuine.js';
import oemMissingBiosMarker from './rules/oem/missing-bios-marker.js';
import licenseNotification from './rules/license/notification.js';
import licenseGraceExpiring from './rules/license/grace-expiring.js';
import licenseRearmExhausted from './rules/license/rearm-exhausted.js';
import errorUnknownCode from './rules/error/unknown-code.js';
import dnsSrvMissing from './rules/dns/srv-missing.js';
import dnsSrvStale from './rules/dns/srv-stale.js';
import dnsSrvPortMismatch from './rules/dns/srv-port-mismatch.js';
import networkPortBlocked from './rules/network/port-blocked.js';
import inputStaleExport from './rules/input/stale-export.js';
import inputUnreadable from './rules/input/unreadable.js';
import inputPartlyRead from './rules/input/partly-read.js';

export const RULES: readonly Rule[] = [
  kmsClientActivated,
  kmsClientNotActivated,
  kmsClientCountBelowThreshold,
  kmsClientRequestFailed,
  kmsClientNoResponse,
  kmsClientHostMismatch,
  kmsClientNotSeenByHost,
  kmsClientDnsLookupFailed,
  kmsClientTimeSkew,
  kmsClientInvalidVolumeKey,
  kmsClientStaticHost,
  kmsClientActivationExpiring,
  kmsClientHostIsSelf,
  kmsHostDuplicateCmid,
  kmsHostCountBelowThreshold,
  kmsHostIdle,
  kmsHostDnsPublishFailed,
  kmsHostSrvOnlyFirstHost,
  kmsHostServiceFailed,
  kmsHostNotActivated,
  kmsHostKeyOnClient,
  kmsHostFailedHostReferenced,
  kmsHostLogCleared,
  makActivated,
  makOnlineActivationFailed,
  makActivationLimit,
  makKeyBlocked,
  makAtoError,
  genuineNonGenuine,
  oemMissingBiosMarker,
  licenseNotification,
  licenseGraceExpiring,
  licenseRearmExhausted,
  errorUnknownCode,
  dnsSrvMissing,
  dnsSrvStale,
  dnsSrvPortMismatch,
  networkPortBlocked,
  inputStaleExport,
  inputUnreadable,
  inputPartlyRead,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
