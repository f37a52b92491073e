// Most text exports have no log-name column. Activation events still need a channel (12290 comes from the
// "Key Management Service" log, the rest from Application), so it is inferred from provider and event id.
// RawEvent has no field to mark the channel as inferred; readers only infer when the form has no log name.

const KMS_LOG = 'Key Management Service';

/** Providers whose events are logged to Application, except the ids listed in `kmsLogIds`. */
const PROVIDER_CHANNELS: ReadonlyArray<{ names: readonly string[]; channel: string; kmsLogIds?: readonly number[] }> = [
  {
    names: [
      'microsoft-windows-security-spp',
      'microsoft-windows-security-licensing-slc',
      'software protection platform service',
      'software licensing service',
      'security-spp',
      'spp',
    ],
    channel: 'Application',
    kmsLogIds: [12290],
  },
  { names: ['kmsrequests'], channel: KMS_LOG },
  { names: ['msiinstaller', 'wlms', 'office software protection platform service'], channel: 'Application' },
  { names: ['microsoft-windows-eventlog', 'eventlog'], channel: 'System' },
];

/** The channel an event of this provider and id is written to, or '' when the provider is not known here. */
export function inferChannel(provider: string, eventId: number): string {
  const p = provider.trim().toLowerCase();
  for (const row of PROVIDER_CHANNELS) {
    if (!row.names.includes(p)) continue;
    return row.kmsLogIds?.includes(eventId) ? KMS_LOG : row.channel;
  }
  return '';
}
