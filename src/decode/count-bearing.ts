// A 12289 carries the host's current count only when the host answered: success, or 0xC004F038 (the host
// answered "count too low"). Any other result means no count came back, and the field holds 0.
import type { KmsResponseFact } from './facts.js';
import { isSuccessHresult, normalizeHresult } from './hresult.js';

const COUNT_TOO_LOW = '0xC004F038';

/** The current count the host sent in this response, or undefined when the exchange carried none. */
export function responseCount(fact: Pick<KmsResponseFact, 'result' | 'currentCount'>): number | undefined {
  if (isSuccessHresult(fact.result) || normalizeHresult(fact.result) === COUNT_TOO_LOW) return fact.currentCount;
  return undefined;
}
