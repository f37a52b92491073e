// A client's 12288 requests paired with the 12289 responses that answered them: the rules, the walk and the
// fleet views all ask "which requests went unanswered", so the pairing lives once, here.
import type { KmsRequestFact, KmsResponseFact } from '../../decode/index.js';
import { MINUTE } from '../time.js';

/** One 12288 and the 12289 that answered it (if any arrived within the activation interval). */
export interface Exchange {
  request: KmsRequestFact;
  response?: KmsResponseFact;
  at: number;
}

/** The client retries every 120 minutes until activated: a 12289 later than that answers another request. */
const DEFAULT_ACTIVATION_INTERVAL_MIN = 120;

/**
 * Pairs each 12288 with the first unused 12289 that follows it within the activation interval (and before the
 * next 12288). Both lists are in time order, so one pointer walks the responses: a response older than a
 * request can answer no later request either.
 */
export function pairExchanges(
  requests: readonly KmsRequestFact[],
  responses: readonly KmsResponseFact[],
  at: (fact: KmsRequestFact | KmsResponseFact) => number,
): Exchange[] {
  const interval = (responses.find((r) => r.activationInterval > 0)?.activationInterval ?? DEFAULT_ACTIVATION_INTERVAL_MIN) * MINUTE;
  const out: Exchange[] = [];
  let next = 0;
  for (let i = 0; i < requests.length; i++) {
    const request = requests[i];
    const t = at(request);
    const until = Math.min(t + interval, i + 1 < requests.length ? at(requests[i + 1]) : Infinity);
    while (next < responses.length && at(responses[next]) < t) next++;
    const response = next < responses.length && at(responses[next]) <= until ? responses[next++] : undefined;
    out.push(response ? { request, response, at: t } : { request, at: t });
  }
  return out;
}
