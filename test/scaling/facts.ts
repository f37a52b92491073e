// Facts for the scaling tests, built directly (as the readers would decode them) so a test can make thousands
// without writing files, and can count how often a rule reads a field.
import type { Fact, KmsHostRequestFact, KmsRequestFact, KmsResponseFact, KmsServiceFact } from '../../src/decode/index.js';
import { buildFleet, type Fleet, type RecordSpan } from '../../src/evidence/index.js';

export const HOST = 'kms01.corp.contoso.com';
export const START = Date.UTC(2024, 0, 1);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const iso = (ms: number): string => new Date(ms).toISOString();
export const cmidOf = (i: number): string => `${i.toString(16).padStart(8, '0')}-1b2a-4c3d-8e4f-a5b6c7d8e9f0`;

export function served(host: string, client: string, cmid: string, at: number, record: number, result = '0x0'): KmsHostRequestFact {
  return {
    kind: 'kms-host-request', source: { file: `${host}/kms.xml`, format: 'xml', record }, computer: host, time: iso(at), eventId: 12290,
    result, requiredCount: 25, clientName: client, cmid, licenseState: 2,
  };
}

export function asked(client: string, cmid: string, at: number, record: number, host = HOST): KmsRequestFact {
  return {
    kind: 'kms-request', source: { file: `${client}/Application.xml`, format: 'xml', record }, computer: client, time: iso(at), eventId: 12288,
    result: '0x00000000', statusFlags: 0, flags: [], host, port: 1688, cmid, requiredCount: 25, licenseState: 2,
  };
}

export function answered(client: string, at: number, record: number, result = '0xC004F038'): KmsResponseFact {
  return {
    kind: 'kms-response', source: { file: `${client}/Application.xml`, format: 'xml', record }, computer: client, time: iso(at), eventId: 12289,
    result, statusFlags: 0, flags: [], activated: false, currentCount: 12, activationInterval: 120, renewalInterval: 10080,
  };
}

export function service(host: string, event: KmsServiceFact['event'], at: number, record: number, extra: Partial<KmsServiceFact> = {}): KmsServiceFact {
  return { kind: 'kms-service', source: { file: `${host}/Application.xml`, format: 'xml', record }, computer: host, time: iso(at), eventId: 12293, event, ...extra };
}

export function fleetOf(facts: Iterable<Fact>, records: RecordSpan[] = []): Fleet {
  const owned = [];
  for (const fact of facts) owned.push({ fact, fallbackMachine: '' });
  return buildFleet(owned, { now: '2024-06-01T00:00:00Z', records });
}

/** Counts reads of `field` on each of `facts` (the value stays what it was). */
export function countReads<T extends object>(facts: readonly T[], field: keyof T & string): { reads: number } {
  const counter = { reads: 0 };
  for (const fact of facts) {
    const value = fact[field];
    Object.defineProperty(fact, field, {
      enumerable: true,
      configurable: true,
      get: () => {
        counter.reads++;
        return value;
      },
    });
  }
  return counter;
}
