// Which events are activation events, and the decoder for each (matched on provider AND id).
import type { RawEvent } from '../types.js';
import type { DecodeResult } from './facts.js';
import type { Decoder, DecoderInput } from './decoder.js';
import { decode12288, decode12289, decode12290, decodeKmsService } from './kms-events.js';
import { dataFromMessage } from './message.js';
import {
  INFO_EVENT_IDS,
  decodeInfo,
  decodeLogCleared,
  decodeNonGenuine,
  decodeOnlineFailure,
  decodeStateData,
} from './spp-events.js';

/**
 * Provider names and legacy source names under which Windows logs activation events:
 * SPP (Windows 7 and later), SLC (Vista/2008), their classic source names, and the Office
 * service of Windows 7 era Office. Compared case-insensitively.
 */
const SPP_PROVIDERS = new Set(
  [
    'Microsoft-Windows-Security-SPP',
    'Microsoft-Windows-Security-Licensing-SLC',
    'Software Protection Platform Service',
    'Software Licensing Service',
    'KmsRequests',
    'Security-SPP',
    'SPP',
    'Office Software Protection Platform Service',
    '{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}',
    '{1FD7C1D2-D037-4620-8D29-B2C7E5FCC13A}',
  ].map((p) => p.toLowerCase()),
);

const EVENTLOG_PROVIDERS = new Set(['microsoft-windows-eventlog', 'eventlog', '{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}']);

const LOG_CLEARED_ID = 104;

const SPP_DECODERS: ReadonlyMap<number, Decoder> = new Map<number, Decoder>([
  [12288, decode12288],
  [12289, decode12289],
  [12290, decode12290],
  [12291, decodeKmsService],
  [12292, decodeKmsService],
  [12293, decodeKmsService],
  [12294, decodeKmsService],
  [8198, decodeOnlineFailure],
  [8200, decodeOnlineFailure],
  [8208, decodeOnlineFailure],
  [8209, decodeNonGenuine],
  [8230, decodeStateData],
  ...INFO_EVENT_IDS.map((id): [number, Decoder] => [id, decodeInfo]),
]);

/** Every event id an activation decoder exists for (SPP ids plus System 104), for cheap reader filters. */
export const ACTIVATION_EVENT_IDS: ReadonlySet<number> = new Set([...SPP_DECODERS.keys(), LOG_CLEARED_ID]);

export function isSppProvider(provider: string): boolean {
  return SPP_PROVIDERS.has(provider.trim().toLowerCase());
}

/**
 * True when (provider, id) is an activation event. Provider matters: MsiInstaller also logs
 * 1033/1034/1040, and anything may write to the Key Management Service log.
 * 104 counts only from the Eventlog provider; the channel is not required (text exports may lack it).
 */
export function isActivationEvent(provider: string, eventId: number, channel?: string): boolean {
  const p = provider.trim().toLowerCase();
  if (eventId === LOG_CLEARED_ID) return EVENTLOG_PROVIDERS.has(p) && (!channel || channel.toLowerCase() === 'system');
  return SPP_DECODERS.has(eventId) && SPP_PROVIDERS.has(p);
}

function providerOf(e: RawEvent): string {
  if (isSppProvider(e.provider)) return e.provider;
  if (e.eventSourceName && isSppProvider(e.eventSourceName)) return e.eventSourceName;
  if (e.providerGuid && isSppProvider(e.providerGuid)) return e.providerGuid;
  return e.provider;
}

function baseOf(e: RawEvent): DecoderInput['base'] {
  const source = { ...e.source };
  if (source.record === undefined && e.recordId !== undefined) source.record = e.recordId;
  return { source, computer: e.computer ?? '', time: e.timeCreated ?? '', eventId: e.eventId };
}

/** Decode one raw event into typed facts. Never throws. */
export function decodeEvent(e: RawEvent): DecodeResult {
  try {
    if (!isActivationEvent(providerOf(e), e.eventId, e.channel)) return { status: 'ignored' };
    const decoder = e.eventId === LOG_CLEARED_ID ? decodeLogCleared : SPP_DECODERS.get(e.eventId);
    if (!decoder) return { status: 'ignored' };
    const own = (e.data ?? []).filter((d) => d !== undefined);
    const hasData = own.some((d) => d.trim() !== '');
    const data = hasData ? own : e.message ? dataFromMessage(e.eventId, e.message) ?? own : own;
    const out = decoder({ event: e, eventId: e.eventId, data, base: baseOf(e) });
    if ('rejected' in out) return { status: 'rejected', reason: out.rejected };
    if ('ignored' in out) return { status: 'ignored' };
    return { status: 'decoded', facts: out.facts };
  } catch (err) {
    // A decoder bug must not take the whole run down; report it against the record instead.
    return { status: 'rejected', reason: `decoder failed on event ${e.eventId}: ${(err as Error).message}` };
  }
}
