// One TCP connection attempt, closed as soon as it opens: nothing is sent, so no activation traffic.
import { connect } from 'node:net';
import type { PortOutcome } from '../decode/index.js';

export interface TcpResult {
  outcome: PortOutcome;
  detail?: string;
}

const OUTCOMES: Record<string, PortOutcome> = {
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ENOTFOUND: 'name-not-resolved',
  EAI_AGAIN: 'name-not-resolved',
};

export function tryConnect(address: string, port: number, timeoutMs: number): Promise<TcpResult> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port });
    let settled = false;
    const done = (result: TcpResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done({ outcome: 'timeout', detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
    socket.once('connect', () => done({ outcome: 'open' }));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      done({ outcome: OUTCOMES[code] ?? 'failed', detail: code || error.message });
    });
  });
}
