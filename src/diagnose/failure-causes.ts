// The rules whose findings explain why a KMS client is not (or no longer) activated: what its symptoms
// (not activated, expiring, notification mode, grace ending) follow from when they fire on the same machine.
// A leaf module, so rules can share the list without importing the walk.

/** What keeps a KMS client from activating or renewing, in the guide's order. */
export const KMS_CLIENT_FAILURES: readonly string[] = [
  'kms-client/count-below-threshold',
  'kms-client/host-is-self',
  'kms-client/host-mismatch',
  'dns/srv-port-mismatch',
  'kms-client/dns-lookup-failed',
  'dns/srv-missing',
  'network/port-blocked',
  'kms-client/no-response',
  'kms-client/not-seen-by-host',
  'kms-client/time-skew',
  'kms-client/invalid-volume-key',
  'oem/missing-bios-marker',
  'dns/srv-stale',
  'kms-client/request-failed',
];

/** What keeps a MAK or KMS host product from activating. */
export const ACTIVATION_FAILURES: readonly string[] = [
  'kms-host/not-activated',
  'mak/online-activation-failed',
  'mak/activation-limit',
  'mak/key-blocked',
  'mak/ato-error',
  'genuine/non-genuine',
];
