// "Which of this client's requests did the host it named never log?" — asked by kms-client/not-seen-by-host and
// by the fleet view of clients no host saw, with one clock-skew allowance, so the two cannot disagree.
import { firstMatchingHostEntry, hostLogSpan, hostMachine, type Span } from './fleet-queries.js';
import type { Exchange } from './machine-view/index.js';
import type { Fleet, Machine } from './model.js';
import { HOUR } from './time.js';

/** How far apart a client's and its host's clocks may be before KMS refuses the request (the guide's 4 hours). */
export const DEFAULT_SKEW_HOURS = 4;

export interface UnseenRequest {
  exchange: Exchange;
  /** The snapshot's machine for the host the request named. */
  host: Machine;
  /** The time the host's 12290 log covers. */
  span: Span;
}

/**
 * The exchanges among `exchanges` that went unanswered (a 12289 means a host did get the request) and whose named
 * host is another machine of the snapshot with a 12290 log covering the request's time (from its first entry
 * less the skew to its last), and no 12290 in that log answers the request (its CMID or the client's name)
 * within ±skew of it.
 */
export function requestsNoHostSaw(fleet: Fleet, client: Machine, exchanges: readonly Exchange[], skewHours: number): UnseenRequest[] {
  const skew = skewHours * HOUR;
  const out: UnseenRequest[] = [];
  for (const exchange of exchanges) {
    if (exchange.response) continue;
    const host = hostMachine(fleet, exchange.request.host);
    if (!host || host.key === client.key) continue;
    const span = hostLogSpan(fleet, host.key);
    if (!span || span.first > exchange.at + skew || span.last < exchange.at) continue;
    if (firstMatchingHostEntry(fleet, host.key, exchange.request, client, skew, exchange.at)) continue;
    out.push({ exchange, host, span });
  }
  return out;
}
